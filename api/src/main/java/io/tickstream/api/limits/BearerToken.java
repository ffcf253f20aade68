package io.tickstream.api.limits;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Where a request carries its token: {@code Authorization: Bearer …}, or for the stream routes
 * (WebSocket and EventSource cannot set headers) the {@code access_token} query parameter.
 */
public final class BearerToken {
  /** The path prefix of the stream routes. */
  public static final String STREAMS_PREFIX = "/api/v1/streams/";

  private BearerToken() {}

  /** The token, or null when the request carries none. */
  public static String of(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).strip();
    }
    if (ctx.request().path() != null && ctx.request().path().startsWith(STREAMS_PREFIX)) {
      List<String> values = ctx.queryParam("access_token");
      if (values.size() == 1) {
        return values.get(0);
      }
    }
    return null;
  }
}
