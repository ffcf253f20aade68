package io.tickstream.signals.indicators;

/**
 * Average true range: Wilder's smoothing of the true range {@code max(|h − l|, |h − prevClose|,
 * |prevClose − l|)} (the first bar's true range is {@code |h − l|}).
 *
 * <p>Definition: ta4j 0.17 {@code ATRIndicator}: a {@link WilderAverage} seeded with the first true
 * range. TA-Lib instead skips the first bar and seeds with the mean of the next {@code period} true
 * ranges; the two converge but never agree exactly. Ready after {@code period} bars.
 */
public final class Atr implements BarIndicator<Atr.State> {
  private final int period;
  private final WilderAverage average;
  private double previousClose = Double.NaN;
  private double trueRange = Double.NaN;

  /**
   * @param period the period
   * @param average the smoothed true range
   * @param previousClose the previous bar's close
   * @param trueRange the latest true range
   */
  public record State(
      int period, WilderAverage.State average, double previousClose, double trueRange) {}

  public Atr(int period) {
    this.period = StateChecks.period("ATR", "period", period, 1);
    this.average = new WilderAverage(period);
  }

  @Override
  public double update(double high, double low, double close, double volume) {
    double hl = Math.abs(high - low);
    if (Double.isNaN(previousClose)) {
      trueRange = hl;
    } else {
      trueRange =
          Math.max(Math.max(hl, Math.abs(high - previousClose)), Math.abs(previousClose - low));
    }
    previousClose = close;
    return average.update(trueRange);
  }

  /** The latest bar's true range. */
  public double trueRange() {
    return trueRange;
  }

  @Override
  public boolean isReady() {
    return average.count() >= period;
  }

  @Override
  public double value() {
    return average.value();
  }

  @Override
  public int warmUp() {
    return period;
  }

  @Override
  public State snapshot() {
    return new State(period, average.snapshot(), previousClose, trueRange);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("ATR", period, state.period());
    average.restore(state.average());
    previousClose = state.previousClose();
    trueRange = state.trueRange();
  }
}
