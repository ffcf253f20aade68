package io.tickstream.bench.flink;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Deterministic synthetic trades over {@code instruments} instruments, round robin: trade {@code n}
 * has event time {@code startNanos + n * stepNanos} (or the wall clock when {@code wallClock}), a
 * price from a small precomputed pool (a random walk) and size 1. Allocation-light, so the
 * benchmark measures the job, not the generator.
 */
final class SyntheticTrades implements GeneratorFunction<Long, TradeTick> {
  private static final long serialVersionUID = 1L;
  private static final int PRICES = 4_096;

  private final int instruments;
  private final long startNanos;
  private final long stepNanos;
  private final boolean wallClock;
  private transient String[] ids;
  private transient BigDecimal[] prices;
  private transient BigDecimal one;

  SyntheticTrades(int instruments, long startNanos, long stepNanos, boolean wallClock) {
    this.instruments = instruments;
    this.startNanos = startNanos;
    this.stepNanos = stepNanos;
    this.wallClock = wallClock;
  }

  static String instrument(int i) {
    return "SYM" + i + ".BENCH";
  }

  @Override
  public void open(org.apache.flink.api.connector.source.SourceReaderContext ctx) {
    ids = new String[instruments];
    for (int i = 0; i < instruments; i++) {
      ids[i] = instrument(i);
    }
    prices = new BigDecimal[PRICES];
    java.util.Random random = new java.util.Random(7);
    long ticks = 1_000_000;
    for (int i = 0; i < PRICES; i++) {
      ticks = Math.max(1, ticks + random.nextInt(201) - 100);
      prices[i] = BigDecimal.valueOf(ticks, 4).setScale(8);
    }
    one = BigDecimal.ONE.setScale(8);
  }

  @Override
  public TradeTick map(Long n) {
    long ts = wallClock ? nowNanos() : startNanos + n * stepNanos;
    int i = (int) (n % instruments);
    // The all-args constructor: the builder validates each field and tracks set flags per record.
    return new TradeTick(
        ids[i],
        prices[(int) ((n / instruments * 31 + i) % PRICES)],
        one,
        AggressorSide.NO_AGGRESSOR,
        Long.toString(n),
        ts,
        ts);
  }

  static long nowNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
