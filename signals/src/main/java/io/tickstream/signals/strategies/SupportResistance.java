package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.Donchian;

/**
 * Support/resistance bounces. Support is the lowest low and resistance the highest high of the
 * previous {@code lookback} bars. From FLAT: LONG when a bar's low comes within {@code tolerance}
 * (a fraction) of support and it closes above support (the level held); SHORT when its high comes
 * within tolerance of resistance and it closes below it. The levels at entry stay fixed: a LONG
 * takes profit once the close reaches resistance × (1 − tolerance) and stops out when it closes
 * below support × (1 − tolerance); a SHORT mirrors it. Strength 1 while in a position. Warms up for
 * {@code lookback + 1} bars.
 */
public final class SupportResistance extends PositionStrategy {
  private final int lookback;
  private final double tolerance;
  private final Donchian levels;

  /**
   * @param config the parameters
   * @param position held position with stop and target
   * @param levels Donchian state of the levels
   */
  public record State(String config, Position position, Donchian.State levels) {}

  public SupportResistance(String id, int lookback, double tolerance, boolean allowShort) {
    super(id, allowShort);
    this.lookback = lookback;
    this.tolerance = tolerance;
    this.levels = new Donchian(lookback);
  }

  @Override
  protected Signal decide(BarInput in) {
    boolean ready = levels.isReady();
    double support = levels.lower();
    double resistance = levels.upper();
    levels.update(in);
    if (!ready) {
      return warmingUp(in, lookback + 1L);
    }
    double c = in.close();
    // Stop and target are captured as values: exit() clears the fields before anyone reads them.
    double st = stop;
    double tg = target;
    switch (position) {
      case LONG:
        if (c < st) {
          return exit(
              in, () -> "support broke, stop " + fmt(st) + ": " + values(c, support, resistance));
        }
        return c >= tg
            ? exit(
                in,
                () ->
                    "reached resistance target " + fmt(tg) + ": " + values(c, support, resistance))
            : hold(in, 1.0, () -> values(c, support, resistance));
      case SHORT:
        if (c > st) {
          return exit(
              in,
              () -> "resistance broke, stop " + fmt(st) + ": " + values(c, support, resistance));
        }
        return c <= tg
            ? exit(
                in,
                () -> "reached support target " + fmt(tg) + ": " + values(c, support, resistance))
            : hold(in, 1.0, () -> values(c, support, resistance));
      default:
        if (in.low() <= support * (1 + tolerance) && c > support) {
          Signal s =
              enter(
                  in,
                  Direction.LONG,
                  1.0,
                  () -> "bounced off support: " + values(c, support, resistance));
          stop = support * (1 - tolerance);
          target = resistance * (1 - tolerance);
          return s;
        }
        if (in.high() >= resistance * (1 - tolerance) && c < resistance) {
          Signal s =
              enter(
                  in,
                  Direction.SHORT,
                  1.0,
                  () -> "rejected at resistance: " + values(c, support, resistance));
          if (position == Direction.SHORT) {
            stop = resistance * (1 + tolerance);
            target = support * (1 + tolerance);
          }
          return s;
        }
        return hold(in, 0.0, () -> values(c, support, resistance));
    }
  }

  private static String values(double c, double support, double resistance) {
    return "close=" + fmt(c) + " support=" + fmt(support) + " resistance=" + fmt(resistance);
  }

  @Override
  protected String config() {
    return "support-resistance(lookback="
        + lookback
        + ",tolerance="
        + tolerance
        + ",allowShort="
        + allowShort
        + ")";
  }

  @Override
  public State snapshot() {
    return new State(config(), position(), levels.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    levels.restore(s.levels());
    restorePosition(s.position());
  }
}
