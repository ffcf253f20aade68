package io.tickstream.api.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans messages of any channel out to the subscribers whose filter matches. Generic over channels:
 * feeds call {@link #publish} with mapped messages; the hub knows nothing of topics or types.
 *
 * <p>Metrics: {@code tickstream_api_stream_sessions{transport}} (open subscriptions) and {@code
 * tickstream_api_stream_slow_disconnects_total{transport}}.
 */
public final class StreamHub {
  private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger wsSessions = new AtomicInteger();
  private final AtomicInteger sseSessions = new AtomicInteger();
  private final MeterRegistry registry;
  private final int maxPending;

  /** A hub allowing {@code maxPending} queued messages per client. */
  public StreamHub(MeterRegistry registry, int maxPending) {
    this.registry = registry;
    this.maxPending = maxPending;
    Gauge.builder("tickstream.api.stream.sessions", wsSessions, AtomicInteger::get)
        .description("open live-stream subscriptions")
        .tag("transport", "ws")
        .register(registry);
    Gauge.builder("tickstream.api.stream.sessions", sseSessions, AtomicInteger::get)
        .description("open live-stream subscriptions")
        .tag("transport", "sse")
        .register(registry);
  }

  /** Delivers {@code message} to every matching subscriber; callable from any thread. */
  public void publish(StreamMessage message) {
    for (Subscriber s : subscribers) {
      if (s.matches(message)) {
        s.offer(message);
      }
    }
  }

  /** Open subscriptions over all transports. */
  public int sessions() {
    return subscribers.size();
  }

  /** Subscribes a WebSocket until it closes; see {@link #subscribe}. */
  public void subscribeWebSocket(
      String channel, String instrumentId, String accountId, ServerWebSocket ws, Context context) {
    subscribe(channel, instrumentId, accountId, new WebSocketSink(ws), context);
  }

  /** Subscribes a Server-Sent Events response until it closes; see {@link #subscribe}. */
  public void subscribeEventStream(
      String channel,
      String instrumentId,
      String accountId,
      HttpServerResponse response,
      Context context) {
    subscribe(channel, instrumentId, accountId, new EventStreamSink(response), context);
  }

  /**
   * Subscribes a connection until it closes.
   *
   * @param instrumentId only messages of this instrument, or null for all
   * @param accountId only messages of this account, or null for all
   * @param context the connection's Vert.x context
   */
  void subscribe(
      String channel, String instrumentId, String accountId, StreamSink sink, Context context) {
    AtomicInteger gauge = sink.transport().equals("ws") ? wsSessions : sseSessions;
    Counter slow =
        Counter.builder("tickstream.api.stream.slow.disconnects")
            .description("clients disconnected for not keeping up")
            .tag("transport", sink.transport())
            .register(registry);
    Subscriber[] self = new Subscriber[1];
    // Detaching happens once: on a slow-consumer cut (before the close handshake, which a client
    // that does not read may never answer) or when the connection closes.
    Runnable detach =
        () -> {
          if (subscribers.remove(self[0])) {
            gauge.decrementAndGet();
          }
          self[0].close();
        };
    self[0] =
        new Subscriber(
            channel,
            instrumentId,
            accountId,
            sink,
            context,
            maxPending,
            () -> {
              slow.increment();
              detach.run();
              LOG.info("disconnecting a slow {} client of {}", sink.transport(), channel);
            });
    subscribers.add(self[0]);
    gauge.incrementAndGet();
    sink.closeHandler(v -> detach.run());
  }
}
