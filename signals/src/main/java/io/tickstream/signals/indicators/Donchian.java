package io.tickstream.signals.indicators;

/**
 * Donchian channel: upper = highest high and lower = lowest low of the last {@code period} bars
 * (the current one included), middle = (lower + upper) / 2; {@link #value()} is the middle.
 * Reference: ta4j 0.17 {@code DonchianChannelUpper/Lower/MiddleIndicator}. Each extreme is a {@link
 * MonotonicDeque}, O(1) amortised. Ready after {@code period} bars; before, over the bars so far.
 *
 * <p>Breakout rules compare a close with the channel of the bars before it: read {@link #upper()}
 * and {@link #lower()} before updating with the new bar.
 */
public final class Donchian implements BarIndicator<Donchian.State> {
  private final int period;
  private final MonotonicDeque highs;
  private final MonotonicDeque lows;
  private long count;

  /**
   * @param period the window in bars
   * @param highs running maximum of highs
   * @param lows running minimum of lows
   * @param count bars seen
   */
  public record State(
      int period, MonotonicDeque.State highs, MonotonicDeque.State lows, long count) {}

  public Donchian(int period) {
    this.period = StateChecks.period("Donchian", "period", period, 1);
    this.highs = MonotonicDeque.max(period);
    this.lows = MonotonicDeque.min(period);
  }

  @Override
  public double update(double high, double low, double close, double volume) {
    highs.add(high);
    lows.add(low);
    count++;
    return value();
  }

  /** Highest high of the window. */
  public double upper() {
    return highs.value();
  }

  /** Lowest low of the window. */
  public double lower() {
    return lows.value();
  }

  @Override
  public boolean isReady() {
    return count >= period;
  }

  @Override
  public double value() {
    return (lows.value() + highs.value()) / 2.0;
  }

  @Override
  public int warmUp() {
    return period;
  }

  @Override
  public State snapshot() {
    return new State(period, highs.snapshot(), lows.snapshot(), count);
  }

  @Override
  public void restore(State state) {
    StateChecks.sameParameters("Donchian", period, state.period());
    highs.restore(state.highs());
    lows.restore(state.lows());
    count = state.count();
  }
}
