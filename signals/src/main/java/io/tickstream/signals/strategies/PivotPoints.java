package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.TimeBarSpec;

/**
 * Classic floor pivots from the previous session: P = (H + L + C) / 3, R1 = 2P − L, S1 = 2P − H, R2
 * = P + (H − L), S2 = P − (H − L), with H, L, C the previous session's high, low and last close.
 * Sessions are UTC-aligned intervals of {@code session} (e.g. 1d); a bar belongs to the session of
 * its start. From FLAT: LONG when a bar trades down to S1 (low ≤ S1) and closes back above it,
 * target P, stop a close below S2; SHORT mirrors at R1 (target P, stop above R2). Strength 1 while
 * in a position. Warms up until the first session has completed.
 */
public final class PivotPoints extends PositionStrategy {
  private final TimeBarSpec session;
  private long currentSession = Long.MIN_VALUE;
  private double sessionHigh = Double.NaN;
  private double sessionLow = Double.NaN;
  private double sessionClose = Double.NaN;
  private double[] pivots; // P, R1, S1, R2, S2; null before the first full session

  /**
   * @param config the parameters
   * @param position held position with stop and target
   * @param currentSession index of the current session
   * @param sessionHigh high of the current session so far
   * @param sessionLow low of the current session so far
   * @param sessionClose last close of the current session so far
   * @param pivots P, R1, S1, R2, S2 of the previous session; empty before one completed
   */
  public record State(
      String config,
      Position position,
      long currentSession,
      double sessionHigh,
      double sessionLow,
      double sessionClose,
      double[] pivots) {
    public State {
      pivots = pivots.clone();
    }

    @Override
    public double[] pivots() {
      return pivots.clone();
    }
  }

  public PivotPoints(String id, TimeBarSpec session, boolean allowShort) {
    super(id, allowShort);
    this.session = session;
  }

  @Override
  protected Signal decide(BarInput in) {
    long s = Math.floorDiv(in.bar().start(), session.sizeNanos());
    if (s != currentSession) {
      if (currentSession != Long.MIN_VALUE) {
        double p = (sessionHigh + sessionLow + sessionClose) / 3.0;
        double range = sessionHigh - sessionLow;
        pivots = new double[] {p, 2 * p - sessionLow, 2 * p - sessionHigh, p + range, p - range};
      }
      currentSession = s;
      sessionHigh = in.high();
      sessionLow = in.low();
    } else {
      sessionHigh = Math.max(sessionHigh, in.high());
      sessionLow = Math.min(sessionLow, in.low());
    }
    sessionClose = in.close();
    if (pivots == null) {
      return Signal.of(
          in.bar(),
          id(),
          Direction.FLAT,
          0.0,
          () -> "warming up: no completed " + session + " session yet");
    }
    double c = in.close();
    double p = pivots[0];
    double r1 = pivots[1];
    double s1 = pivots[2];
    // The stop is captured as a value: exit() clears the field before anyone reads the reason.
    double st = stop;
    switch (position) {
      case LONG:
        if (c < st) {
          return exit(in, () -> "closed below S2 " + fmt(st) + ": " + values(c, p, r1, s1));
        }
        return c >= target
            ? exit(in, () -> "reached the pivot: " + values(c, p, r1, s1))
            : hold(in, 1.0, () -> values(c, p, r1, s1));
      case SHORT:
        if (c > st) {
          return exit(in, () -> "closed above R2 " + fmt(st) + ": " + values(c, p, r1, s1));
        }
        return c <= target
            ? exit(in, () -> "reached the pivot: " + values(c, p, r1, s1))
            : hold(in, 1.0, () -> values(c, p, r1, s1));
      default:
        if (in.low() <= s1 && c > s1 && c < p) {
          Signal sig =
              enter(in, Direction.LONG, 1.0, () -> "bounced off S1: " + values(c, p, r1, s1));
          stop = pivots[4];
          target = p;
          return sig;
        }
        if (in.high() >= r1 && c < r1 && c > p) {
          Signal sig =
              enter(in, Direction.SHORT, 1.0, () -> "rejected at R1: " + values(c, p, r1, s1));
          if (position == Direction.SHORT) {
            stop = pivots[3];
            target = p;
          }
          return sig;
        }
        return hold(in, 0.0, () -> values(c, p, r1, s1));
    }
  }

  private static String values(double c, double p, double r1, double s1) {
    return "close=" + fmt(c) + " P=" + fmt(p) + " R1=" + fmt(r1) + " S1=" + fmt(s1);
  }

  @Override
  protected String config() {
    return "pivot-points(session=" + session + ",allowShort=" + allowShort + ")";
  }

  @Override
  public State snapshot() {
    return new State(
        config(),
        position(),
        currentSession,
        sessionHigh,
        sessionLow,
        sessionClose,
        pivots == null ? new double[0] : pivots);
  }

  @Override
  public void restore(Record state) {
    State s = expect(State.class, state);
    checkConfig(s.config());
    currentSession = s.currentSession();
    sessionHigh = s.sessionHigh();
    sessionLow = s.sessionLow();
    sessionClose = s.sessionClose();
    pivots = s.pivots().length == 0 ? null : s.pivots();
    restorePosition(s.position());
  }
}
