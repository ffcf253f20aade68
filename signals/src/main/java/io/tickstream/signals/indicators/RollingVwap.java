package io.tickstream.signals.indicators;

/**
 * Volume-weighted average of the typical price {@code (h + l + c) / 3} over the last {@code period}
 * bars. Reference: ta4j 0.17 {@code VWAPIndicator}. When the window has no volume at all the value
 * is the latest typical price (ta4j would give NaN). Ready after {@code period} bars.
 */
public final class RollingVwap implements BarIndicator<RollingVwap.State> {
  private final int period;
  private final RollingSum priceVolume;
  private final RollingSum volume;
  private double value = Double.NaN;

  /**
   * @param period the window in bars
   * @param priceVolume rolling sum of typical price × volume
   * @param volume rolling sum of volume
   * @param value the latest value
   */
  public record State(
      int period, RollingSum.State priceVolume, RollingSum.State volume, double value) {}

  public RollingVwap(int period) {
    this.period = StateChecks.period("rolling VWAP", "period", period, 1);
    this.priceVolume = new RollingSum(period);
    this.volume = new RollingSum(period);
  }

  /** ta4j's typical price, same operation order. */
  static double typicalPrice(double high, double low, double close) {
    return (high + low + close) / 3.0;
  }

  @Override
  public double update(double high, double low, double close, double vol) {
    double tp = typicalPrice(high, low, close);
    double pv = priceVolume.add(tp * vol);
    double v = volume.add(vol);
    value = v == 0.0 ? tp : pv / v;
    return value;
  }

  @Override
  public boolean isReady() {
    return volume.isFull();
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmUp() {
    return period;
  }

  @Override
  public State snapshot() {
    return new State(period, priceVolume.snapshot(), volume.snapshot(), value);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("rolling VWAP", period, state.period());
    priceVolume.restore(state.priceVolume());
    volume.restore(state.volume());
    value = state.value();
  }
}
