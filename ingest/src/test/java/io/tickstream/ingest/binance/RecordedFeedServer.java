package io.tickstream.ingest.binance;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local WebSocket server (Vert.x) replaying a recording: each connection gets the next segment of
 * frames, then the segment's ending: {@code @drop} closes the connection under the WebSocket
 * (Vert.x still sends a close frame), {@code @silence} sends nothing more, the last segment stays
 * open.
 */
final class RecordedFeedServer implements AutoCloseable {
  record Segment(List<String> frames, String ending) {}

  private final Vertx vertx = Vertx.vertx();
  private final List<Segment> segments;
  private final AtomicInteger connections = new AtomicInteger();
  private final HttpServer server;

  RecordedFeedServer(String resource) throws Exception {
    this.segments = load(resource);
    this.server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.toWebSocket()
                        .onSuccess(ws -> play(ws, req.connection()::close))
                        .onFailure(e -> req.response().setStatusCode(400).end()))
            .listen(0, "localhost")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  private void play(ServerWebSocket ws, Runnable dropConnection) {
    int n = connections.getAndIncrement();
    if (n >= segments.size()) {
      return; // nothing more recorded: an idle connection
    }
    Segment s = segments.get(n);
    for (String f : s.frames()) {
      ws.writeTextMessage(f);
    }
    if ("@drop".equals(s.ending())) {
      dropConnection.run();
    }
  }

  URI url() {
    return URI.create(
        "ws://localhost:" + server.actualPort() + "/stream?streams=btcusdt@trade/ethusdt@trade");
  }

  int connections() {
    return connections.get();
  }

  private static List<Segment> load(String resource) throws IOException {
    List<Segment> out = new ArrayList<>();
    List<String> frames = new ArrayList<>();
    try (InputStream in = RecordedFeedServer.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("@")) {
          out.add(new Segment(frames, line.strip()));
          frames = new ArrayList<>();
        } else {
          frames.add(line);
        }
      }
    }
    out.add(new Segment(frames, "@open"));
    return out;
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
