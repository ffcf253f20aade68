package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.Donchian;

/**
 * Donchian's four-week rule, an always-in reversal system: LONG (covering any short) when the close
 * exceeds the highest high of the previous {@code period} bars (20 daily bars = four weeks), SHORT
 * (selling any long) when it falls below their lowest low; otherwise keep the position. With
 * shorting off, the low break goes FLAT. Strength 1 while in a position. Warms up for {@code period
 * + 1} bars.
 */
public final class FourWeekRule extends PositionStrategy {
  private final int period;
  private final Donchian channel;

  /**
   * @param config the parameters
   * @param position held position
   * @param channel Donchian state
   */
  public record State(String config, Position position, Donchian.State channel) {}

  public FourWeekRule(String id, int period, boolean allowShort) {
    super(id, allowShort);
    this.period = period;
    this.channel = new Donchian(period);
  }

  @Override
  protected Signal decide(BarInput in) {
    boolean ready = channel.isReady();
    double high = channel.upper();
    double low = channel.lower();
    channel.update(in);
    if (!ready) {
      return warmingUp(in, period + 1L);
    }
    double c = in.close();
    if (c > high) {
      return enter(in, Direction.LONG, 1.0, () -> "new high: " + values(c, low, high));
    }
    if (c < low) {
      return enter(in, Direction.SHORT, 1.0, () -> "new low: " + values(c, low, high));
    }
    return hold(in, 1.0, () -> values(c, low, high));
  }

  private String values(double c, double low, double high) {
    return "close=" + fmt(c) + " " + period + "-bar channel [" + fmt(low) + ", " + fmt(high) + "]";
  }

  @Override
  protected String config() {
    return "four-week-rule(period=" + period + ",allowShort=" + allowShort + ")";
  }

  @Override
  public State snapshot() {
    return new State(config(), position(), channel.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    channel.restore(s.channel());
    restorePosition(s.position());
  }
}
