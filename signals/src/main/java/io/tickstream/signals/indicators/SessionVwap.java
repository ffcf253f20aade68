package io.tickstream.signals.indicators;

import io.tickstream.signals.BarInput;

/**
 * Volume-weighted average of the typical price {@code (h + l + c) / 3} since the start of the
 * session, resetting when a bar falls into a new session. Sessions are consecutive intervals of
 * {@code sessionNanos} aligned to the UTC epoch shifted by {@code offsetNanos} (e.g. 1 day with
 * offset 13h30 for a 13:30 UTC open). A bar belongs to the session containing its start.
 *
 * <p>Reference: ta4j 0.17 {@code VWAPIndicator} over the bars of each session alone with a window
 * covering the session (ta4j has no session VWAP). With no volume yet in the session the value is
 * the latest typical price. Ready from the first bar of a session.
 */
public final class SessionVwap implements Indicator<SessionVwap.State> {
  private final long sessionNanos;
  private final long offsetNanos;
  private long session = Long.MIN_VALUE;
  private double priceVolume;
  private double volume;
  private double value = Double.NaN;

  /**
   * @param sessionNanos session length
   * @param offsetNanos session start offset from the epoch
   * @param session index of the current session, {@link Long#MIN_VALUE} before the first bar
   * @param priceVolume session sum of typical price × volume
   * @param volume session sum of volume
   * @param value the latest value
   */
  public record State(
      long sessionNanos,
      long offsetNanos,
      long session,
      double priceVolume,
      double volume,
      double value) {}

  public SessionVwap(long sessionNanos, long offsetNanos) {
    if (sessionNanos <= 0) {
      throw new IllegalArgumentException("session VWAP session length must be > 0");
    }
    this.sessionNanos = sessionNanos;
    this.offsetNanos = Math.floorMod(offsetNanos, sessionNanos);
  }

  /** Takes the next bar, starting at {@code startNanos}, and returns the new value. */
  public double update(long startNanos, double high, double low, double close, double vol) {
    long s = Math.floorDiv(startNanos - offsetNanos, sessionNanos);
    if (s != session) {
      session = s;
      priceVolume = 0.0;
      volume = 0.0;
    }
    double tp = RollingVwap.typicalPrice(high, low, close);
    priceVolume += tp * vol;
    volume += vol;
    value = volume == 0.0 ? tp : priceVolume / volume;
    return value;
  }

  /** Takes the next bar (which must carry its {@link BarInput#bar()}). */
  public double update(BarInput bar) {
    return update(bar.bar().start(), bar.high(), bar.low(), bar.close(), bar.volume());
  }

  @Override
  public boolean isReady() {
    return session != Long.MIN_VALUE;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmUp() {
    return 1;
  }

  @Override
  public State snapshot() {
    return new State(sessionNanos, offsetNanos, session, priceVolume, volume, value);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters(
        "session VWAP",
        sessionNanos + "/" + offsetNanos,
        state.sessionNanos() + "/" + state.offsetNanos());
    session = state.session();
    priceVolume = state.priceVolume();
    volume = state.volume();
    value = state.value();
  }
}
