package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.BollingerBands;

/**
 * Bollinger Bands reversion: from FLAT, LONG when the close is below the lower band, SHORT when
 * above the upper one; exit when the close gets back to the middle. The bands include the current
 * bar, which is closed. Strength: |close − middle| / (k·σ), so 1 at a band. Warms up for {@code
 * period} bars.
 */
public final class BollingerReversion extends PositionStrategy {
  private final int period;
  private final double k;
  private final BollingerBands bands;

  /**
   * @param config the parameters
   * @param position held position
   * @param bands band state
   */
  public record State(String config, Position position, BollingerBands.State bands) {}

  public BollingerReversion(String id, int period, double k, boolean allowShort) {
    super(id, allowShort);
    this.period = period;
    this.k = k;
    this.bands = new BollingerBands(period, k);
  }

  @Override
  protected Signal decide(BarInput in) {
    double mid = bands.update(in.close());
    if (!bands.isReady()) {
      return warmingUp(in, period);
    }
    double c = in.close();
    double lower = bands.lower();
    double upper = bands.upper();
    double strength = Math.abs(c - mid) / (k * bands.stdDev());
    switch (position) {
      case LONG:
        return c >= mid
            ? exit(in, () -> "back to the middle: " + values(c, lower, mid, upper))
            : hold(in, strength, () -> values(c, lower, mid, upper));
      case SHORT:
        return c <= mid
            ? exit(in, () -> "back to the middle: " + values(c, lower, mid, upper))
            : hold(in, strength, () -> values(c, lower, mid, upper));
      default:
        if (c < lower) {
          return enter(
              in,
              Direction.LONG,
              strength,
              () -> "below the lower band: " + values(c, lower, mid, upper));
        }
        if (c > upper) {
          return enter(
              in,
              Direction.SHORT,
              strength,
              () -> "above the upper band: " + values(c, lower, mid, upper));
        }
        return hold(in, 0.0, () -> "inside the bands: " + values(c, lower, mid, upper));
    }
  }

  private static String values(double c, double lower, double mid, double upper) {
    return "close=" + fmt(c) + " bands=[" + fmt(lower) + ", " + fmt(mid) + ", " + fmt(upper) + "]";
  }

  @Override
  protected String config() {
    return "bollinger-bands(period=" + period + ",k=" + k + ",allowShort=" + allowShort + ")";
  }

  @Override
  public State snapshot() {
    return new State(config(), position(), bands.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    bands.restore(s.bands());
    restorePosition(s.position());
  }
}
