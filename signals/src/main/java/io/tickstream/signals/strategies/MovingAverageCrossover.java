package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.Ema;
import io.tickstream.signals.indicators.Sma;
import io.tickstream.signals.indicators.ValueIndicator;

/**
 * Moving-average crossover: LONG while the fast average of closes is above the slow one, SHORT (or
 * FLAT with shorting off) while below; unchanged when equal. Strength: the gap as a fraction of the
 * slow average, full at 1%. Warms up for {@code slow} bars.
 */
public final class MovingAverageCrossover extends PositionStrategy {
  private final int fastPeriod;
  private final int slowPeriod;
  private final boolean exponential;
  private final ValueIndicator<?> fast;
  private final ValueIndicator<?> slow;

  /**
   * @param config the parameters
   * @param position held position
   * @param fast fast average state ({@code Sma.State} or {@code Ema.State})
   * @param slow slow average state
   */
  public record State(String config, Position position, Record fast, Record slow) {}

  public MovingAverageCrossover(
      String id, int fastPeriod, int slowPeriod, boolean exponential, boolean allowShort) {
    super(id, allowShort);
    if (fastPeriod >= slowPeriod) {
      throw new IllegalArgumentException(
          "fast period " + fastPeriod + " must be below slow period " + slowPeriod);
    }
    this.fastPeriod = fastPeriod;
    this.slowPeriod = slowPeriod;
    this.exponential = exponential;
    this.fast = exponential ? new Ema(fastPeriod) : new Sma(fastPeriod);
    this.slow = exponential ? new Ema(slowPeriod) : new Sma(slowPeriod);
  }

  @Override
  protected Signal decide(BarInput in) {
    double f = fast.update(in.close());
    double s = slow.update(in.close());
    if (!slow.isReady()) {
      return warmingUp(in, slowPeriod);
    }
    double strength = Math.abs(f - s) / (0.01 * Math.abs(s));
    if (f > s) {
      return enter(in, Direction.LONG, strength, () -> "fast above slow: " + values(f, s));
    }
    if (f < s) {
      return enter(in, Direction.SHORT, strength, () -> "fast below slow: " + values(f, s));
    }
    return hold(in, 0.0, () -> "averages equal: " + values(f, s));
  }

  private String values(double f, double s) {
    String kind = exponential ? "EMA" : "SMA";
    return kind
        + "("
        + fastPeriod
        + ")="
        + fmt(f)
        + " vs "
        + kind
        + "("
        + slowPeriod
        + ")="
        + fmt(s);
  }

  @Override
  protected String config() {
    return "ma-crossover(fast="
        + fastPeriod
        + ",slow="
        + slowPeriod
        + ",ema="
        + exponential
        + ",allowShort="
        + allowShort
        + ")";
  }

  @Override
  public State snapshot() {
    return new State(config(), position(), fast.snapshot(), slow.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    Indicators.restore(fast, s.fast());
    Indicators.restore(slow, s.slow());
    restorePosition(s.position());
  }
}
