package io.tickstream.api;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** Blocking HTTP calls against a running API, each with a timeout. */
final class HttpProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  // HTTP/1.1 only: by default the JDK client asks a plain-HTTP server to upgrade to h2c, and the
  // API's Vert.x server accepts; StreamIT once hung 9 minutes inside send() on such a connection,
  // past the request timeout. The probes test the API's answers, not the protocol upgrade.
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final int port;
  private final String base;

  HttpProbe(int port) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
  }

  /** A status, content type and body. */
  record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
    Reply(int status, String contentType, String body) {
      this(status, contentType, body, null);
    }

    JsonObject json() {
      return new JsonObject(body);
    }

    String header(String name) {
      return headers == null ? null : headers.firstValue(name).orElse(null);
    }
  }

  /** GET with a bearer token (none when null). */
  Reply get(String pathAndQuery, String token) throws Exception {
    return send("GET", pathAndQuery, token, null);
  }

  /** Any method with a bearer token (none when null) and a JSON body (none when null). */
  Reply send(String method, String pathAndQuery, String token, String jsonBody) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (jsonBody != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b);
  }

  Reply get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
  }

  Reply send(String method, String pathAndQuery) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Sends {@code target} as is, even when no URI class would accept it (bad escapes). */
  Reply getRaw(String target) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      String request =
          "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int headEnd = response.indexOf("\r\n\r\n");
      String head = response.substring(0, headEnd).toLowerCase(Locale.ROOT);
      int status = Integer.parseInt(head.split(" ")[1]);
      String contentType =
          head.lines()
              .filter(l -> l.startsWith("content-type:"))
              .map(l -> l.substring("content-type:".length()).strip())
              .findFirst()
              .orElse("");
      return new Reply(status, contentType, response.substring(headEnd + 4));
    }
  }

  private Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("content-type").orElse(""),
        response.body(),
        response.headers());
  }
}
