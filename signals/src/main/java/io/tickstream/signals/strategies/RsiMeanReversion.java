package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.Rsi;

/**
 * RSI mean reversion: from FLAT, LONG when RSI falls below {@code oversold}, SHORT when it rises
 * above {@code overbought}; a LONG exits once RSI is back at or above {@code exit}, a SHORT at or
 * below it. Strength: |RSI − 50| / 50. Warms up for {@code period + 1} bars.
 */
public final class RsiMeanReversion extends PositionStrategy {
  private final int period;
  private final double oversold;
  private final double overbought;
  private final double exitLevel;
  private final Rsi rsi;

  /**
   * @param config the parameters
   * @param position held position
   * @param rsi RSI state
   */
  public record State(String config, Position position, Rsi.State rsi) {}

  public RsiMeanReversion(
      String id,
      int period,
      double oversold,
      double overbought,
      double exitLevel,
      boolean allowShort) {
    super(id, allowShort);
    if (!(oversold < exitLevel && exitLevel < overbought)) {
      throw new IllegalArgumentException(
          "RSI levels must satisfy oversold < exit < overbought, got "
              + oversold
              + " / "
              + exitLevel
              + " / "
              + overbought);
    }
    this.period = period;
    this.oversold = oversold;
    this.overbought = overbought;
    this.exitLevel = exitLevel;
    this.rsi = new Rsi(period);
  }

  @Override
  protected Signal decide(BarInput in) {
    double r = rsi.update(in.close());
    if (!rsi.isReady()) {
      return warmingUp(in, rsi.warmUp());
    }
    double strength = Math.abs(r - 50.0) / 50.0;
    switch (position) {
      case LONG:
        return r >= exitLevel
            ? exit(in, () -> value(r) + " back at/above " + fmt(exitLevel))
            : hold(in, strength, () -> value(r));
      case SHORT:
        return r <= exitLevel
            ? exit(in, () -> value(r) + " back at/below " + fmt(exitLevel))
            : hold(in, strength, () -> value(r));
      default:
        if (r < oversold) {
          return enter(
              in, Direction.LONG, strength, () -> value(r) + " below oversold " + fmt(oversold));
        }
        if (r > overbought) {
          return enter(
              in,
              Direction.SHORT,
              strength,
              () -> value(r) + " above overbought " + fmt(overbought));
        }
        return hold(
            in, 0.0, () -> value(r) + " inside [" + fmt(oversold) + ", " + fmt(overbought) + "]");
    }
  }

  private String value(double r) {
    return "RSI(" + period + ")=" + fmt(r);
  }

  @Override
  protected String config() {
    return "rsi-mean-reversion(period="
        + period
        + ",oversold="
        + oversold
        + ",overbought="
        + overbought
        + ",exit="
        + exitLevel
        + ",allowShort="
        + allowShort
        + ")";
  }

  @Override
  public State snapshot() {
    return new State(config(), position(), rsi.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    rsi.restore(s.rsi());
    restorePosition(s.position());
  }
}
