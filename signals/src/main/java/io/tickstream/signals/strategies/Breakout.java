package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.Atr;
import io.tickstream.signals.indicators.Donchian;

/**
 * Channel breakout with an ATR buffer, to skip marginal pokes: from FLAT, LONG when the close
 * exceeds the highest high of the previous {@code period} bars by at least {@code buffer} × ATR,
 * SHORT when it falls that far below their lowest low. A LONG exits when the close drops below the
 * previous channel's middle, a SHORT when it rises above it. Strength: the breakout distance in
 * ATRs, full at 1 ATR. Warms up for {@code max(period, atr) + 1} bars.
 */
public final class Breakout extends PositionStrategy {
  private final int period;
  private final int atrPeriod;
  private final double buffer;
  private final Donchian channel;
  private final Atr atr;

  /**
   * @param config the parameters
   * @param position held position
   * @param channel Donchian state
   * @param atr ATR state
   */
  public record State(String config, Position position, Donchian.State channel, Atr.State atr) {}

  public Breakout(String id, int period, int atrPeriod, double buffer, boolean allowShort) {
    super(id, allowShort);
    this.period = period;
    this.atrPeriod = atrPeriod;
    this.buffer = buffer;
    this.channel = new Donchian(period);
    this.atr = new Atr(atrPeriod);
  }

  @Override
  protected Signal decide(BarInput in) {
    boolean ready = channel.isReady() && atr.isReady();
    double high = channel.upper();
    double low = channel.lower();
    double mid = channel.value();
    double n = atr.value();
    channel.update(in);
    atr.update(in);
    if (!ready) {
      return warmingUp(in, Math.max(period, atrPeriod) + 1L);
    }
    double c = in.close();
    switch (position) {
      case LONG:
        return c < mid
            ? exit(
                in,
                () -> "fell below the channel middle " + fmt(mid) + ": " + values(c, low, high, n))
            : hold(in, (c - high) / n, () -> values(c, low, high, n));
      case SHORT:
        return c > mid
            ? exit(
                in,
                () -> "rose above the channel middle " + fmt(mid) + ": " + values(c, low, high, n))
            : hold(in, (low - c) / n, () -> values(c, low, high, n));
      default:
        if (c >= high + buffer * n && c > high) {
          return enter(
              in, Direction.LONG, (c - high) / n, () -> "broke out up: " + values(c, low, high, n));
        }
        if (c <= low - buffer * n && c < low) {
          return enter(
              in,
              Direction.SHORT,
              (low - c) / n,
              () -> "broke out down: " + values(c, low, high, n));
        }
        return hold(in, 0.0, () -> values(c, low, high, n));
    }
  }

  private static String values(double c, double low, double high, double n) {
    return "close=" + fmt(c) + " channel=[" + fmt(low) + ", " + fmt(high) + "] ATR=" + fmt(n);
  }

  @Override
  protected String config() {
    return "breakout(period="
        + period
        + ",atr="
        + atrPeriod
        + ",buffer="
        + buffer
        + ",allowShort="
        + allowShort
        + ")";
  }

  @Override
  public State snapshot() {
    return new State(config(), position(), channel.snapshot(), atr.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    channel.restore(s.channel());
    atr.restore(s.atr());
    restorePosition(s.position());
  }
}
