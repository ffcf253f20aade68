package io.tickstream.infra.stack;

import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.ingest.sim.DemoFeed;
import io.tickstream.ingest.sim.MarketSimulator;
import io.tickstream.ingest.sim.SimulatedInstrument;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.TradeTick;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The simulated market, publishing trades in real time to {@code md.trades}. */
final class DemoFeedPart implements AutoCloseable {
  private final TickPublisher<TradeTick> trades;
  private final TickPublisher<Instrument> instruments;
  private final DemoFeed feed;

  private DemoFeedPart(
      TickPublisher<TradeTick> trades, TickPublisher<Instrument> instruments, DemoFeed feed) {
    this.trades = trades;
    this.instruments = instruments;
    this.feed = feed;
  }

  static DemoFeedPart start(StackConfig config, String bootstrap, String registryUrl) {
    // Like any feed, the demo feed writes the raw topic; the validator passes its ticks on.
    var trades = new TickPublisher<>(Topics.TRADES_RAW, bootstrap, registryUrl, Map.of());
    var instruments = new TickPublisher<>(Topics.INSTRUMENTS, bootstrap, registryUrl, Map.of());
    Instant now = Instant.now();
    long startNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    var simulator =
        new MarketSimulator(
            config.seed(), SimulatedInstrument.demoUniverse(), startNanos, config.demoRate());
    var feed = new DemoFeed(simulator, trades, instruments, Clock.systemUTC()).start();
    return new DemoFeedPart(trades, instruments, feed);
  }

  @Override
  public void close() {
    feed.close();
    trades.close();
    instruments.close();
  }
}
