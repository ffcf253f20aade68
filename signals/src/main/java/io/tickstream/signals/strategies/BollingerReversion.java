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
    double strength = Math.abs(c - mid) / (k * bands.stdDev());
    String v =
        "close="
            + fmt(c)
            + " bands=["
            + fmt(bands.lower())
            + ", "
            + fmt(mid)
            + ", "
            + fmt(bands.upper())
            + "]";
    switch (position) {
      case LONG:
        return c >= mid ? exit(in, "back to the middle: " + v) : hold(in, strength, v);
      case SHORT:
        return c <= mid ? exit(in, "back to the middle: " + v) : hold(in, strength, v);
      default:
        if (c < bands.lower()) {
          return enter(in, Direction.LONG, strength, "below the lower band: " + v);
        }
        if (c > bands.upper()) {
          return enter(in, Direction.SHORT, strength, "above the upper band: " + v);
        }
        return hold(in, 0.0, "inside the bands: " + v);
    }
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
