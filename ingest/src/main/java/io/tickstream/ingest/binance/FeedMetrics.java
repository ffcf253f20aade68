package io.tickstream.ingest.binance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of a live feed, tagged {@code feed=<host>}: {@code tickstream.feed.frames}, {@code
 * .trades}, {@code .malformed}, {@code .reconnects}, {@code .gaps} (gap events), {@code
 * .missed.trades} (trade ids skipped) and the gauge {@code tickstream.feed.connected} (0 or 1).
 */
final class FeedMetrics {
  final Counter frames;
  final Counter trades;
  final Counter malformed;
  final Counter reconnects;
  final Counter gaps;
  final Counter missedTrades;
  final AtomicInteger connected = new AtomicInteger();

  FeedMetrics(MeterRegistry meters, String feed) {
    frames = counter(meters, "tickstream.feed.frames", "frames received", feed);
    trades = counter(meters, "tickstream.feed.trades", "trades parsed", feed);
    malformed = counter(meters, "tickstream.feed.malformed", "frames dead-lettered", feed);
    reconnects = counter(meters, "tickstream.feed.reconnects", "reconnection attempts", feed);
    gaps = counter(meters, "tickstream.feed.gaps", "trade id gaps", feed);
    missedTrades = counter(meters, "tickstream.feed.missed.trades", "trade ids skipped", feed);
    meters.gauge("tickstream.feed.connected", Tags.of("feed", feed), connected);
  }

  private static Counter counter(MeterRegistry m, String name, String what, String feed) {
    return Counter.builder(name).description(what).tag("feed", feed).register(m);
  }
}
