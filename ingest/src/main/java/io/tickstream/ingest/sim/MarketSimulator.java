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
 * A seeded, reproducible market. Each instrument's mid price follows a geometric Brownian motion
 * with Poisson jumps (Merton's jump-diffusion), evaluated over the real event time since the
 * instrument last moved; trades print at the bid or ask of a spread of a few ticks; sizes are
 * log-normal around the instrument's typical size and rounded to its lot; every price is rounded to
 * the tick grid. Ticks arrive as a Poisson process whose pace rises during volume bursts (where
 * sizes and spreads grow too) while the long-run mean stays {@code ticksPerSecond} in event time.
 * The same seed always gives the same ticks.
 *
 * <p>Not thread-safe: one simulator per producing thread.
 */
public final class MarketSimulator {
  private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;
  private static final int SCALE = 8;

  private static final double NANOS_PER_DAY = 86_400e9;

  private final List<SimulatedInstrument> instruments;
  private final SimulationProfile profile;
  private final SplittableRandom random;
  private final double calmGapNanos;
  private final double[] mid;
  private final long[] tradeSeq;
  private final long[] lastMoveNanos;
  private final int[] spreadTicks;
  private long clockNanos;
  private long burstTicksLeft;

  /**
   * @param seed the random seed: the same seed gives the same ticks
   * @param instruments the universe
   * @param startNanos event time of the first tick, epoch nanoseconds
   * @param ticksPerSecond mean tick rate across all instruments, in event time
   */
  public MarketSimulator(
      long seed, List<SimulatedInstrument> instruments, long startNanos, double ticksPerSecond) {
    this(seed, instruments, startNanos, ticksPerSecond, SimulationProfile.gbmOnly());
  }

  /**
   * @param seed the random seed: the same seed gives the same ticks
   * @param instruments the universe (e.g. {@link SimulatedUniverse#generate})
   * @param startNanos event time of the first tick, epoch nanoseconds
   * @param ticksPerSecond mean tick rate across all instruments, in event time, bursts included
   * @param profile jumps, bursts and spreads
   */
  public MarketSimulator(
      long seed,
      List<SimulatedInstrument> instruments,
      long startNanos,
      double ticksPerSecond,
      SimulationProfile profile) {
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("the simulator needs at least one instrument");
    }
    if (!(ticksPerSecond > 0)) {
      throw new IllegalArgumentException("ticksPerSecond must be > 0, got " + ticksPerSecond);
    }
    this.instruments = List.copyOf(instruments);
    this.profile = profile;
    this.random = new SplittableRandom(seed);
    // Calm gaps are shorter than 1/rate by what bursts add, so the mean rate is ticksPerSecond.
    double share = profile.burstShare();
    this.calmGapNanos = 1e9 / ticksPerSecond * 1 / ((1 - share) + share / profile.burstRate());
    this.lastMoveNanos = new long[instruments.size()];
    java.util.Arrays.fill(lastMoveNanos, startNanos);
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

  /** Whether the market is in a volume burst. */
  public boolean inBurst() {
    return burstTicksLeft > 0;
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
    double burst = inBurst() ? Math.sqrt(profile.burstRate()) : 1;
    double size = burst * inst.typicalSize() * Math.exp(0.8 * random.nextGaussian() - 0.32);
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

  /**
   * Advances the clock by an exponential gap, picks an instrument and moves its mid price over the
   * event time since it last moved: a GBM step plus, with probability {@code 1 - exp(-λ·dt)}, a
   * normal log-jump.
   */
  private int step() {
    if (burstTicksLeft > 0) {
      burstTicksLeft--;
    } else if (profile.burstChance() > 0 && random.nextDouble() < profile.burstChance()) {
      burstTicksLeft = 1 + (long) (-Math.log(1.0 - random.nextDouble()) * profile.burstMeanTicks());
    }
    double meanGap = inBurst() ? calmGapNanos / profile.burstRate() : calmGapNanos;
    long gap = (long) Math.ceil(-Math.log(1.0 - random.nextDouble()) * meanGap);
    clockNanos += Math.max(1, gap);
    int i = random.nextInt(instruments.size());
    SimulatedInstrument inst = instruments.get(i);
    double dtNanos = Math.max(1, clockNanos - lastMoveNanos[i]);
    lastMoveNanos[i] = clockNanos;
    double dtYears = dtNanos / 1e9 / SECONDS_PER_YEAR;
    double sigma = inst.annualVolatility();
    double logReturn =
        -0.5 * sigma * sigma * dtYears + sigma * Math.sqrt(dtYears) * random.nextGaussian();
    if (profile.jumpsPerDay() > 0
        && random.nextDouble() < 1 - Math.exp(-profile.jumpsPerDay() * dtNanos / NANOS_PER_DAY)) {
      logReturn += profile.jumpStdev() * random.nextGaussian();
    }
    mid[i] *= Math.exp(logReturn);
    double floor = inst.tickSize().doubleValue() * 10;
    mid[i] = Math.max(mid[i], floor);
    int widest = inBurst() ? 2 * profile.maxSpreadTicks() : profile.maxSpreadTicks();
    spreadTicks[i] = 1 + random.nextInt(widest);
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
