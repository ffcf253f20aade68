package io.tickstream.infra.embedded.registry;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a registry, to check statuses, codes and bodies byte for byte. */
final class RawRegistryCalls {
  /** An HTTP answer. */
  record Answer(int status, String contentType, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    int errorCode() {
      return json().getInteger("error_code");
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;

  RawRegistryCalls(String url) {
    this.url = url;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).DELETE());
  }

  Answer post(String path, JsonObject body) {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  Answer put(String path, JsonObject body) {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", RegistryRoutes.CONTENT_TYPE)
            .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  /** {@code {"schema": schema}}, the body of registration, lookup and compatibility calls. */
  static JsonObject schemaBody(String schema) {
    return new JsonObject().put("schema", schema);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
