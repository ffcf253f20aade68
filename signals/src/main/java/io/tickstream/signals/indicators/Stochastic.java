package io.tickstream.signals.indicators;

/**
 * Stochastic oscillator: %K = 100 · (close − lowest low) / (highest high − lowest low) over the
 * last {@code kPeriod} bars, %D = SMA of %K over {@code dPeriod} bars; {@link #value()} is %K.
 *
 * <p>Reference: ta4j 0.17 {@code StochasticOscillatorKIndicator} and {@code
 * StochasticOscillatorDIndicator} (SMA of %K over 3). Where the range is zero (all bars flat) ta4j
 * divides by zero and gets NaN, which then poisons its %D; we define %K = 50 there, the middle of
 * the empty range. Ready after {@code kPeriod + dPeriod − 1} bars.
 */
public final class Stochastic implements BarIndicator<Stochastic.State> {
  private final int kPeriod;
  private final MonotonicDeque highs;
  private final MonotonicDeque lows;
  private final Sma d;
  private long count;
  private double k = Double.NaN;

  /**
   * @param kPeriod the %K window
   * @param highs running maximum of highs
   * @param lows running minimum of lows
   * @param d the %D average
   * @param count bars seen
   * @param k the latest %K
   */
  public record State(
      int kPeriod,
      MonotonicDeque.State highs,
      MonotonicDeque.State lows,
      Sma.State d,
      long count,
      double k) {}

  /** %K over 14 bars, %D over 3. */
  public Stochastic() {
    this(14, 3);
  }

  public Stochastic(int kPeriod, int dPeriod) {
    this.kPeriod = StateChecks.period("Stochastic", "%K period", kPeriod, 1);
    this.highs = MonotonicDeque.max(kPeriod);
    this.lows = MonotonicDeque.min(kPeriod);
    this.d = new Sma(StateChecks.period("Stochastic", "%D period", dPeriod, 1));
  }

  @Override
  public double update(double high, double low, double close, double volume) {
    double hh = highs.add(high);
    double ll = lows.add(low);
    double range = hh - ll;
    // Same operation order as ta4j: (c − ll) / (hh − ll) · 100.
    k = range == 0.0 ? 50.0 : (close - ll) / range * 100.0;
    d.update(k);
    count++;
    return k;
  }

  /** %D, the SMA of %K. */
  public double d() {
    return d.value();
  }

  @Override
  public boolean isReady() {
    return count >= warmUp();
  }

  @Override
  public double value() {
    return k;
  }

  @Override
  public int warmUp() {
    return kPeriod + d.period() - 1;
  }

  @Override
  public State snapshot() {
    return new State(kPeriod, highs.snapshot(), lows.snapshot(), d.snapshot(), count, k);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("Stochastic", kPeriod, state.kPeriod());
    highs.restore(state.highs());
    lows.restore(state.lows());
    d.restore(state.d());
    count = state.count();
    k = state.k();
  }
}
