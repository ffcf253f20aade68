package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.indicators.Macd;

/**
 * MACD: LONG while the MACD line is above its signal line (histogram > 0), SHORT (or FLAT) while
 * below; unchanged when equal. Strength: |histogram| as a fraction of the close, full at 0.1%.
 * Warms up for {@code slow + signal − 1} bars.
 */
public final class MacdCrossover extends PositionStrategy {
  private final int fast;
  private final int slow;
  private final int signal;
  private final Macd macd;

  /**
   * @param config the parameters
   * @param position held position
   * @param macd MACD state
   */
  public record State(String config, Position position, Macd.State macd) {}

  public MacdCrossover(String id, int fast, int slow, int signal, boolean allowShort) {
    super(id, allowShort);
    this.fast = fast;
    this.slow = slow;
    this.signal = signal;
    this.macd = new Macd(fast, slow, signal);
  }

  @Override
  protected Signal decide(BarInput in) {
    macd.update(in.close());
    if (!macd.isReady()) {
      return warmingUp(in, macd.warmUp());
    }
    double h = macd.histogram();
    double m = macd.value();
    double sig = macd.signal();
    double strength = Math.abs(h) / (0.001 * Math.abs(in.close()));
    if (h > 0) {
      return enter(in, Direction.LONG, strength, () -> "MACD above signal: " + values(m, sig, h));
    }
    if (h < 0) {
      return enter(in, Direction.SHORT, strength, () -> "MACD below signal: " + values(m, sig, h));
    }
    return hold(in, 0.0, () -> values(m, sig, h));
  }

  private static String values(double macd, double signal, double histogram) {
    return "MACD=" + fmt(macd) + " signal=" + fmt(signal) + " hist=" + fmt(histogram);
  }

  @Override
  protected String config() {
    return "macd(fast="
        + fast
        + ",slow="
        + slow
        + ",signal="
        + signal
        + ",allowShort="
        + allowShort
        + ")";
  }

  @Override
  public State snapshot() {
    return new State(config(), position(), macd.snapshot());
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    macd.restore(s.macd());
    restorePosition(s.position());
  }
}
