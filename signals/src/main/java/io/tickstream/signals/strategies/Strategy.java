package io.tickstream.signals.strategies;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;

/**
 * A trading strategy over closed bars of one instrument. After each bar it emits the position it
 * wants ({@link Signal}); it sees only that bar and earlier ones, so a signal never changes when
 * later bars arrive. State is explicit and plain data, restorable with identical continuation.
 */
public interface Strategy {

  /** The id put on its signals. */
  String id();

  /**
   * Takes the next closed bar and returns the signal computed on it.
   *
   * @throws IllegalArgumentException for a revision ({@code revision > 0}) or a bar that does not
   *     start at or after the end of the previous one: a strategy consumes each closed bar once, in
   *     order; to apply a revision, restore the snapshot taken before that bar and replay
   */
  Signal onBar(BarInput bar);

  /** {@link #onBar(BarInput)} for a bar not yet converted. */
  default Signal onBar(Bar bar) {
    return onBar(BarInput.of(bar));
  }

  /** The full state (a record of plain data). */
  Record snapshot();

  /**
   * Replaces the state.
   *
   * @throws IllegalArgumentException when the state belongs to another strategy or parameters
   */
  void restore(Record state);
}
