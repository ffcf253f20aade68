package io.tickstream.signals.indicators;

/**
 * An incremental indicator: one O(1) (amortised) update per input, no look-back over history.
 *
 * <p>State is explicit: {@link #snapshot()} returns an immutable record of plain data (primitives,
 * arrays copied on the way out and in, nested records) that holds everything future outputs depend
 * on, parameters included, so a checkpoint can be restored with bit-identical continuation.
 *
 * @param <S> the state record
 */
public interface Indicator<S extends Record> {

  /** Whether {@link #warmUp()} inputs were seen, so the value follows the full definition. */
  boolean isReady();

  /**
   * The latest value. Before {@link #isReady()} it is computed over the inputs seen so far (as ta4j
   * does); NaN before the first input.
   */
  double value();

  /** Number of inputs after which {@link #isReady()} turns true. */
  int warmUp();

  /** The full state, as plain immutable data. */
  S snapshot();

  /**
   * Replaces the state with {@code state}.
   *
   * @throws IllegalArgumentException when the state was taken with other parameters
   */
  void restore(S state);
}
