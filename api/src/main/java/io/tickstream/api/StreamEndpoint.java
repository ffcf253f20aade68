package io.tickstream.api;

import io.tickstream.api.auth.Access;
import io.tickstream.api.auth.Role;
import io.tickstream.api.stream.StreamChannel;
import io.tickstream.api.stream.StreamHub;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/streams/{channel}?instrumentId=&accountId=}: a WebSocket when the request asks
 * for an upgrade, Server-Sent Events otherwise. Market channels need the viewer role; per-account
 * channels the trader role and a granted {@code accountId}.
 */
final class StreamEndpoint {
  /** The channels of the API contract, each fed from its topic when Kafka is configured. */
  static final Set<String> CHANNELS = Set.of("bars", "signals", "order-events");

  private final StreamHub hub;
  private final Map<String, StreamChannel<?>> channels;

  /** {@code hub} is null when no Kafka cluster is configured: every stream answers 503. */
  StreamEndpoint(StreamHub hub, Map<String, StreamChannel<?>> channels) {
    this.hub = hub;
    this.channels = Map.copyOf(channels);
  }

  void open(RoutingContext ctx) {
    QueryParameters q =
        QueryParameters.of(ctx.queryParams(), Set.of("instrumentId", "accountId", "access_token"));
    String name = ctx.pathParam("channel");
    if (!CHANNELS.contains(name)) {
      throw ApiException.invalidParameter("channel", "channel must be one of " + CHANNELS);
    }
    String instrumentId = q.single("instrumentId");
    String accountId = q.single("accountId");
    if (instrumentId != null) {
      TextInput.filter(instrumentId, "instrumentId");
    }
    boolean perAccount = name.equals("order-events");
    if (perAccount) {
      if (!Access.principal(ctx).role().includes(Role.TRADER)) {
        throw ApiException.forbidden("this channel needs the role trader");
      }
      if (accountId == null) {
        throw ApiException.invalidParameter("accountId", "accountId is required on this channel");
      }
    }
    if (accountId != null) {
      Access.requireAccount(ctx, accountId);
    }
    StreamChannel<?> channel = channels.get(name);
    if (hub == null || channel == null) {
      throw ApiException.unavailable("the " + name + " stream is not available on this server");
    }
    var context = ctx.vertx().getOrCreateContext();
    String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
    if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
      ctx.request()
          .toWebSocket()
          .onSuccess(ws -> hub.subscribeWebSocket(name, instrumentId, accountId, ws, context))
          .onFailure(ctx::fail);
    } else {
      hub.subscribeEventStream(name, instrumentId, accountId, ctx.response(), context);
    }
  }
}
