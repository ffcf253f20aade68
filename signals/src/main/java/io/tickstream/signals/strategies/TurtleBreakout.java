package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.Atr;
import io.tickstream.signals.indicators.Donchian;

/**
 * Turtle breakout (System 1: 20/10, System 2: 55/20). From FLAT, LONG when the close exceeds the
 * highest high of the previous {@code entry} bars, SHORT when it falls below their lowest low; the
 * stop is {@code stopAtr} × ATR (N) from the entry close. A LONG exits when the close falls below
 * the lowest low of the previous {@code exit} bars or to the stop; a SHORT mirrors it. Channels are
 * read before the bar is added, so the bar is compared with earlier bars only. Strength 1 while in
 * a position. Warms up for {@code max(entry, atr) + 1} bars.
 */
public final class TurtleBreakout extends PositionStrategy {
  private final int entry;
  private final int exitPeriod;
  private final int atrPeriod;
  private final double stopAtr;
  private final Donchian entryChannel;
  private final Donchian exitChannel;
  private final Atr atr;

  /**
   * @param config the parameters
   * @param position held position with its stop
   * @param entryChannel Donchian state over {@code entry} bars
   * @param exitChannel Donchian state over {@code exit} bars
   * @param atr ATR state
   */
  public record State(
      String config,
      Position position,
      Donchian.State entryChannel,
      Donchian.State exitChannel,
      Atr.State atr) {}

  public TurtleBreakout(
      String id, int entry, int exit, int atrPeriod, double stopAtr, boolean allowShort) {
    super(id, allowShort);
    if (exit >= entry) {
      throw new IllegalArgumentException(
          "exit channel " + exit + " must be shorter than entry channel " + entry);
    }
    this.entry = entry;
    this.exitPeriod = exit;
    this.atrPeriod = atrPeriod;
    this.stopAtr = stopAtr;
    this.entryChannel = new Donchian(entry);
    this.exitChannel = new Donchian(exit);
    this.atr = new Atr(atrPeriod);
  }

  @Override
  protected Signal decide(BarInput in) {
    boolean ready = entryChannel.isReady() && atr.isReady();
    double high = entryChannel.upper();
    double low = entryChannel.lower();
    double exitHigh = exitChannel.upper();
    double exitLow = exitChannel.lower();
    double n = atr.value(); // N of the bars before this one
    entryChannel.update(in);
    exitChannel.update(in);
    atr.update(in);
    if (!ready) {
      return warmingUp(in, Math.max(entry, atrPeriod) + 1L);
    }
    double c = in.close();
    // The stop is captured as a value: exit() clears the field before anyone reads the reason.
    double st = stop;
    switch (position) {
      case LONG:
        if (c <= st) {
          return exit(in, () -> "close=" + fmt(c) + " hit the stop " + fmt(st));
        }
        if (c < exitLow) {
          return exit(
              in,
              () -> "close=" + fmt(c) + " below the " + exitPeriod + "-bar low " + fmt(exitLow));
        }
        return hold(in, 1.0, () -> "close=" + fmt(c) + " stop=" + fmt(st));
      case SHORT:
        if (c >= st) {
          return exit(in, () -> "close=" + fmt(c) + " hit the stop " + fmt(st));
        }
        if (c > exitHigh) {
          return exit(
              in,
              () -> "close=" + fmt(c) + " above the " + exitPeriod + "-bar high " + fmt(exitHigh));
        }
        return hold(in, 1.0, () -> "close=" + fmt(c) + " stop=" + fmt(st));
      default:
        if (c > high) {
          Signal s =
              enter(
                  in,
                  Direction.LONG,
                  1.0,
                  () ->
                      "close="
                          + fmt(c)
                          + " above the "
                          + entry
                          + "-bar high "
                          + fmt(high)
                          + ", N="
                          + fmt(n));
          stop = c - stopAtr * n;
          return s;
        }
        if (c < low) {
          Signal s =
              enter(
                  in,
                  Direction.SHORT,
                  1.0,
                  () ->
                      "close="
                          + fmt(c)
                          + " below the "
                          + entry
                          + "-bar low "
                          + fmt(low)
                          + ", N="
                          + fmt(n));
          stop = position == Direction.SHORT ? c + stopAtr * n : Double.NaN;
          return s;
        }
        return hold(
            in,
            0.0,
            () ->
                "close="
                    + fmt(c)
                    + " inside the "
                    + entry
                    + "-bar channel ["
                    + fmt(low)
                    + ", "
                    + fmt(high)
                    + "]");
    }
  }

  @Override
  protected String config() {
    return "turtle(entry="
        + entry
        + ",exit="
        + exitPeriod
        + ",atr="
        + atrPeriod
        + ",stopAtr="
        + stopAtr
        + ",allowShort="
        + allowShort
        + ")";
  }

  @Override
  public State snapshot() {
    return new State(
        config(), position(), entryChannel.snapshot(), exitChannel.snapshot(), atr.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    entryChannel.restore(s.entryChannel());
    exitChannel.restore(s.exitChannel());
    atr.restore(s.atr());
    restorePosition(s.position());
  }
}
