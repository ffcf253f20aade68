package io.tickstream.ingest.sim;

import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.TradeTick;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link MarketSimulator} in real time: publishes the instruments once, then each trade when
 * the wall clock reaches its event time, so bars form live. Stops on {@link #close()}.
 */
public final class DemoFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoFeed.class);

  private final MarketSimulator simulator;
  private final TickPublisher<TradeTick> trades;
  private final TickPublisher<Instrument> instruments;
  private final Clock clock;
  private final AtomicLong published = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param simulator the market, started at the current time
   * @param trades publisher of trades
   * @param instruments publisher of reference data
   * @param clock wall clock
   */
  public DemoFeed(
      MarketSimulator simulator,
      TickPublisher<TradeTick> trades,
      TickPublisher<Instrument> instruments,
      Clock clock) {
    this.simulator = simulator;
    this.trades = trades;
    this.instruments = instruments;
    this.clock = clock;
    this.thread = new Thread(this::run, "demo-feed");
    thread.setDaemon(true);
  }

  /** Publishes the reference data and starts the trade thread. */
  public DemoFeed start() {
    long now = nowNanos();
    for (Instrument i : simulator.referenceData(now)) {
      instruments.publish(i.getInstrumentId(), i);
    }
    instruments.flush();
    thread.start();
    LOG.info("demo feed started: {} instruments", simulator.instruments().size());
    return this;
  }

  /** Trades published so far. */
  public long published() {
    return published.get();
  }

  private void run() {
    try {
      while (running) {
        TradeTick t = simulator.nextTrade(0);
        long wait = t.getTsEvent() - nowNanos();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        t.setTsInit(nowNanos());
        trades.publish(t.getInstrumentId(), t);
        published.incrementAndGet();
      }
    } catch (RuntimeException e) {
      if (running) {
        LOG.error("demo feed stopped after {} trades: {}", published.get(), e.toString(), e);
      }
    }
  }

  private long nowNanos() {
    var instant = clock.instant();
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    trades.flush();
    LOG.info("demo feed stopped after {} trades", published.get());
  }
}
