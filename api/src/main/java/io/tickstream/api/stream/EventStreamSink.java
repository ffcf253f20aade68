package io.tickstream.api.stream;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;

/** A Server-Sent Events response as a {@link StreamSink}: one {@code data:} event per message. */
final class EventStreamSink implements StreamSink {
  private final HttpServerResponse response;

  EventStreamSink(HttpServerResponse response) {
    this.response = response;
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no")
        .setWriteQueueMaxSize(WebSocketSink.WRITE_QUEUE_BYTES);
    response.write(": connected\n\n");
  }

  @Override
  public void write(String json) {
    response.write("data: " + json + "\n\n");
  }

  @Override
  public boolean writeQueueFull() {
    return response.writeQueueFull();
  }

  @Override
  public void drainHandler(Handler<Void> handler) {
    response.drainHandler(handler);
  }

  @Override
  public void closeWithReason(short code, String reason) {
    if (!response.ended() && !response.closed()) {
      response.end("event: error\ndata: {\"code\":" + code + ",\"reason\":\"" + reason + "\"}\n\n");
    }
  }

  @Override
  public void closeHandler(Handler<Void> handler) {
    response.closeHandler(handler);
  }

  @Override
  public String transport() {
    return "sse";
  }
}
