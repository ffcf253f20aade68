package io.tickstream.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON bodies of the hot read routes, written with Jackson's streaming generator. {@code
 * RoutingContext.json} goes through databind (an {@code ObjectMapper} looking up a serializer for
 * every map entry), which showed up in profiles of the latest-price and bars routes.
 */
final class JsonReply {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  /** Generates a body into a streaming generator. */
  @FunctionalInterface
  interface Writer {
    void write(JsonGenerator json) throws IOException;
  }

  private JsonReply() {}

  /** Ends the response with {@code value} (a JsonObject, JsonArray, map, list or scalar). */
  static void send(RoutingContext ctx, Object value) {
    send(ctx, json -> JacksonCodec.encodeJson(value, json));
  }

  /** Ends the response with what {@code writer} generates. */
  static void send(RoutingContext ctx, Writer writer) {
    send(ctx, encode(writer));
  }

  /** Ends the response with a body encoded earlier by {@link #encode}; the bytes are not copied. */
  static void send(RoutingContext ctx, byte[] body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(body));
  }

  /** {@code value} (as for {@link #send(RoutingContext, Object)}) encoded as JSON. */
  static byte[] encode(Object value) {
    return encode(json -> JacksonCodec.encodeJson(value, json));
  }

  private static byte[] encode(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }
}
