package io.tickstream.api.stream;

import io.vertx.core.Handler;

/** A client connection messages are written to: a WebSocket or a Server-Sent Events response. */
interface StreamSink {
  /** Writes one JSON message. */
  void write(String json);

  /** Whether the connection's write queue is above its high-water mark. */
  boolean writeQueueFull();

  /** Called once when the write queue has drained below its low-water mark. */
  void drainHandler(Handler<Void> handler);

  /** Ends the connection telling the client why (WebSocket close code and reason, SSE event). */
  void closeWithReason(short code, String reason);

  /** Called once when the connection ends, for whatever reason. */
  void closeHandler(Handler<Void> handler);

  /** {@code ws} or {@code sse}, the transport label of the metrics. */
  String transport();
}
