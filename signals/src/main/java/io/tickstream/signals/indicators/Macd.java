package io.tickstream.signals.indicators;

/**
 * Moving average convergence/divergence: line = EMA(fast) − EMA(slow), signal = EMA(signal) of the
 * line, histogram = line − signal; {@link #value()} is the line.
 *
 * <p>Definition: ta4j 0.17 {@code MACDIndicator} with {@code getSignalLine(signal)} and {@code
 * getHistogram(signal)}: all three EMAs are {@link Ema}s seeded with their first input, so the line
 * starts at 0 (TA-Lib seeds each EMA with an SMA and starts later). Ready after {@code slow +
 * signal − 1} values, when the slow EMA and then the signal EMA have passed their periods.
 */
public final class Macd implements ValueIndicator<Macd.State> {
  private final Ema fast;
  private final Ema slow;
  private final Ema signal;
  private double line = Double.NaN;

  /**
   * @param fast the fast EMA
   * @param slow the slow EMA
   * @param signal the signal EMA (of the line)
   * @param line the latest line value
   */
  public record State(Ema.State fast, Ema.State slow, Ema.State signal, double line) {}

  /** The usual 12/26/9. */
  public Macd() {
    this(12, 26, 9);
  }

  public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
    if (fastPeriod >= slowPeriod) {
      throw new IllegalArgumentException(
          "MACD fast period " + fastPeriod + " must be below slow period " + slowPeriod);
    }
    this.fast = new Ema(fastPeriod);
    this.slow = new Ema(slowPeriod);
    this.signal = new Ema(signalPeriod);
  }

  @Override
  public double update(double x) {
    line = fast.update(x) - slow.update(x);
    signal.update(line);
    return line;
  }

  /** The signal line, EMA of the MACD line. */
  public double signal() {
    return signal.value();
  }

  /** Line − signal. */
  public double histogram() {
    return line - signal.value();
  }

  @Override
  public boolean isReady() {
    return signal.count() >= warmUp();
  }

  @Override
  public double value() {
    return line;
  }

  @Override
  public int warmUp() {
    return slow.period() + signal.period() - 1;
  }

  @Override
  public State snapshot() {
    return new State(fast.snapshot(), slow.snapshot(), signal.snapshot(), line);
  }

  @Override
  public void restore(State state) {
    fast.restore(state.fast());
    slow.restore(state.slow());
    signal.restore(state.signal());
    line = state.line();
  }
}
