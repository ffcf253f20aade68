package io.tickstream.ingest.sim;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible market: each instrument's mid price follows a geometric Brownian motion;
 * trades print at the bid or ask of a spread of a few ticks; sizes are log-normal around the
 * instrument's typical size and rounded to its lot. Ticks arrive as a Poisson process at {@code
 * ticksPerSecond} in event time, so the same seed always gives the same ticks.
 *
 * <p>Not thread-safe: one simulator per producing thread.
 */
public final class MarketSimulator {
  private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;
  private static final int SCALE = 8;

  private final List<SimulatedInstrument> instruments;
  private final SplittableRandom random;
  private final double meanGapNanos;
  private final double[] mid;
  private final long[] tradeSeq;
  private final int[] spreadTicks;
  private long clockNanos;

  /**
   * @param seed the random seed: the same seed gives the same ticks
   * @param instruments the universe
   * @param startNanos event time of the first tick, epoch nanoseconds
   * @param ticksPerSecond mean tick rate across all instruments, in event time
   */
  public MarketSimulator(
      long seed, List<SimulatedInstrument> instruments, long startNanos, double ticksPerSecond) {
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("the simulator needs at least one instrument");
    }
    if (!(ticksPerSecond > 0)) {
      throw new IllegalArgumentException("ticksPerSecond must be > 0, got " + ticksPerSecond);
    }
    this.instruments = List.copyOf(instruments);
    this.random = new SplittableRandom(seed);
    this.meanGapNanos = 1e9 / ticksPerSecond;
    this.mid = instruments.stream().mapToDouble(SimulatedInstrument::startPrice).toArray();
    this.tradeSeq = new long[instruments.size()];
    this.spreadTicks = new int[instruments.size()];
    java.util.Arrays.fill(spreadTicks, 1);
    this.clockNanos = startNanos;
  }

  /** The universe, in a stable order. */
  public List<SimulatedInstrument> instruments() {
    return instruments;
  }

  /** Event time of the latest tick. */
  public long clockNanos() {
    return clockNanos;
  }

  /** The next trade, advancing event time. {@code tsInit} is set to {@code tsInitNanos}. */
  public TradeTick nextTrade(long tsInitNanos) {
    int i = step();
    SimulatedInstrument inst = instruments.get(i);
    boolean buy = random.nextBoolean();
    BigDecimal price = buy ? ask(i) : bid(i);
    double size = inst.typicalSize() * Math.exp(0.8 * random.nextGaussian() - 0.32);
    BigDecimal lots = BigDecimal.valueOf(size).divide(inst.lotSize(), 0, RoundingMode.HALF_UP);
    BigDecimal qty = lots.max(BigDecimal.ONE).multiply(inst.lotSize()).setScale(SCALE);
    return TradeTick.newBuilder()
        .setInstrumentId(inst.instrumentId())
        .setPrice(price)
        .setSize(qty)
        .setAggressorSide(buy ? AggressorSide.BUYER : AggressorSide.SELLER)
        .setTradeId(Long.toString(++tradeSeq[i]))
        .setTsEvent(clockNanos)
        .setTsInit(tsInitNanos)
        .build();
  }

  /** The next top-of-book quote, advancing event time. */
  public QuoteTick nextQuote(long tsInitNanos) {
    int i = step();
    SimulatedInstrument inst = instruments.get(i);
    return QuoteTick.newBuilder()
        .setInstrumentId(inst.instrumentId())
        .setBidPrice(bid(i))
        .setAskPrice(ask(i))
        .setBidSize(
            inst.lotSize().multiply(BigDecimal.valueOf(1 + random.nextInt(50))).setScale(SCALE))
        .setAskSize(
            inst.lotSize().multiply(BigDecimal.valueOf(1 + random.nextInt(50))).setScale(SCALE))
        .setTsEvent(clockNanos)
        .setTsInit(tsInitNanos)
        .build();
  }

  /** Reference data of every instrument, as published to {@code md.instruments}. */
  public List<Instrument> referenceData(long tsInitNanos) {
    return instruments.stream()
        .map(
            s ->
                Instrument.newBuilder()
                    .setInstrumentId(s.instrumentId())
                    .setSymbol(s.symbol())
                    .setVenue(s.venue())
                    .setAssetClass(s.assetClass())
                    .setCurrency(s.currency())
                    .setTickSize(s.tickSize().setScale(SCALE))
                    .setLotSize(s.lotSize().setScale(SCALE))
                    .setTradingHours(null)
                    .setActive(true)
                    .setTsInit(tsInitNanos)
                    .build())
        .toList();
  }

  /** Advances the clock by an exponential gap, picks an instrument and moves its mid price. */
  private int step() {
    long gap = (long) Math.ceil(-Math.log(1.0 - random.nextDouble()) * meanGapNanos);
    clockNanos += Math.max(1, gap);
    int i = random.nextInt(instruments.size());
    SimulatedInstrument inst = instruments.get(i);
    // Each instrument is touched every n gaps on average: scale its variance to that time step.
    double dtYears = meanGapNanos * instruments.size() / 1e9 / SECONDS_PER_YEAR;
    double sigma = inst.annualVolatility();
    mid[i] *=
        Math.exp(
            -0.5 * sigma * sigma * dtYears + sigma * Math.sqrt(dtYears) * random.nextGaussian());
    double floor = inst.tickSize().doubleValue() * 10;
    mid[i] = Math.max(mid[i], floor);
    spreadTicks[i] = 1 + random.nextInt(3);
    return i;
  }

  private BigDecimal bid(int i) {
    BigDecimal tick = instruments.get(i).tickSize();
    BigDecimal ticks = BigDecimal.valueOf(mid[i]).divide(tick, 0, RoundingMode.FLOOR);
    return ticks.multiply(tick).setScale(SCALE);
  }

  private BigDecimal ask(int i) {
    BigDecimal tick = instruments.get(i).tickSize();
    return bid(i).add(tick.multiply(BigDecimal.valueOf(spreadTicks[i]))).setScale(SCALE);
  }
}
