package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Reason;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;
import java.util.Objects;

/**
 * Shared mechanics: bar order checks, the held {@link Position}, the short-selling switch and
 * signal construction. Subclasses decide in {@link #decide(BarInput)}.
 */
abstract class PositionStrategy implements Strategy {
  private final String id;
  protected final boolean allowShort;
  protected Direction position = Direction.FLAT;
  protected double stop = Double.NaN;
  protected double target = Double.NaN;
  private long lastBarEnd = Long.MIN_VALUE;
  private long bars;

  PositionStrategy(String id, boolean allowShort) {
    this.id = Objects.requireNonNull(id, "id");
    this.allowShort = allowShort;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Signal onBar(BarInput in) {
    Bar bar = Objects.requireNonNull(in.bar(), "strategies need the bar, not raw prices");
    if (bar.revision() > 0) {
      throw new IllegalArgumentException(
          id
              + ": revision "
              + bar.revision()
              + " of bar "
              + bar.start()
              + "; restore the snapshot taken before it and replay instead");
    }
    if (bar.start() < lastBarEnd) {
      throw new IllegalArgumentException(
          id
              + ": bar starting "
              + bar.start()
              + " is before the end "
              + lastBarEnd
              + " of the previous bar");
    }
    Signal s = decide(in);
    lastBarEnd = bar.end();
    bars++;
    return s;
  }

  /** Updates indicators with the bar and returns the signal; may change the position. */
  protected abstract Signal decide(BarInput in);

  protected final long barsSeen() {
    return bars;
  }

  /** Enters (or reverses into) {@code wanted}; SHORT becomes FLAT when shorting is off. */
  protected final Signal enter(BarInput in, Direction wanted, double strength, Reason reason) {
    if (wanted == Direction.SHORT && !allowShort) {
      return exit(in, () -> reason.text() + " (short selling off)");
    }
    position = wanted;
    return Signal.of(in.bar(), id, wanted, clamp(strength), reason);
  }

  /** Keeps the current position. */
  protected final Signal hold(BarInput in, double strength, Reason reason) {
    return Signal.of(
        in.bar(), id, position, position == Direction.FLAT ? 0.0 : clamp(strength), reason);
  }

  /** Goes flat and clears the exit levels. */
  protected final Signal exit(BarInput in, Reason reason) {
    position = Direction.FLAT;
    stop = Double.NaN;
    target = Double.NaN;
    return Signal.of(in.bar(), id, Direction.FLAT, 0.0, reason);
  }

  protected final Signal warmingUp(BarInput in, long needed) {
    long seen = bars + 1;
    return Signal.of(
        in.bar(), id, Direction.FLAT, 0.0, () -> "warming up: " + seen + " of " + needed + " bars");
  }

  protected static double clamp(double x) {
    return Double.isNaN(x) ? 0.0 : Math.max(0.0, Math.min(1.0, x));
  }

  /**
   * Rounds for reason text: 4 decimals from 1 up, 8 below. Call it only inside a {@link Reason}:
   * Double.toString costs more than all the indicator updates of a bar together.
   */
  protected static String fmt(double x) {
    double a = Math.abs(x);
    if (Double.isNaN(x) || a >= 1e12) {
      return Double.toString(x);
    }
    double scale = a >= 1 ? 1e4 : 1e8;
    return Double.toString(Math.round(x * scale) / scale);
  }

  protected final Position position() {
    return new Position(position, stop, target, lastBarEnd, bars);
  }

  protected final void restorePosition(Position p) {
    position = p.direction();
    stop = p.stop();
    target = p.target();
    lastBarEnd = p.lastBarEnd();
    bars = p.bars();
  }

  /** Parameters as text, kept in the state so a restore can refuse another configuration. */
  protected abstract String config();

  protected final void checkConfig(String stateConfig) {
    if (!config().equals(stateConfig)) {
      throw new IllegalArgumentException(
          id + ": cannot restore state of " + stateConfig + " into " + config());
    }
  }

  /** Casts a state, saying what was expected when it is the wrong one. */
  protected final <S extends Record> S expect(Class<S> type, Record state) {
    if (!type.isInstance(state)) {
      throw new IllegalArgumentException(
          id
              + ": expected a "
              + type.getSimpleName()
              + " state, got "
              + (state == null ? "null" : state.getClass().getName()));
    }
    return type.cast(state);
  }
}
