package io.tickstream.api.stream;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;

/** A WebSocket as a {@link StreamSink}: one text frame per message. */
final class WebSocketSink implements StreamSink {
  /** Bytes Vert.x may buffer for the socket before {@link #writeQueueFull()} turns true. */
  static final int WRITE_QUEUE_BYTES = 64 * 1024;

  private final ServerWebSocket ws;

  WebSocketSink(ServerWebSocket ws) {
    this.ws = ws;
    ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    // Clients only listen; a text frame from them is ignored rather than buffered.
    ws.handler(b -> {});
  }

  @Override
  public void write(String json) {
    ws.writeTextMessage(json);
  }

  @Override
  public boolean writeQueueFull() {
    return ws.writeQueueFull();
  }

  @Override
  public void drainHandler(Handler<Void> handler) {
    ws.drainHandler(handler);
  }

  @Override
  public void closeWithReason(short code, String reason) {
    if (!ws.isClosed()) {
      ws.close(code, reason);
    }
  }

  @Override
  public void closeHandler(Handler<Void> handler) {
    ws.closeHandler(handler);
  }

  @Override
  public String transport() {
    return "ws";
  }
}
