package io.tickstream.jobs;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Signal;
import io.tickstream.signals.ensemble.Ensemble;
import io.tickstream.signals.strategies.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strategies and ensembles of one instrument at one resolution, in a fixed order: each bar
 * gives one signal per strategy, at the same index every time. Its state is a {@link State} of
 * plain records (an ensemble's member list becomes an array, which every state serializer handles).
 */
public final class StrategyBook {
  private final List<Strategy> strategies;

  /** The strategies, in the order their signals are returned. */
  public StrategyBook(List<Strategy> strategies) {
    this.strategies = List.copyOf(strategies);
  }

  /**
   * Per strategy, its state record.
   *
   * @param strategies the states, in book order
   */
  public record State(Record[] strategies) {}

  /**
   * An ensemble's state with its members as an array.
   *
   * @param members the members' states
   */
  public record EnsembleState(Record[] members) {}

  /** Whether the book holds no strategy. */
  public boolean isEmpty() {
    return strategies.isEmpty();
  }

  /** Takes the next closed bar (revision 0, in order) and returns one signal per strategy. */
  public List<Signal> onBar(BarInput bar) {
    List<Signal> out = new ArrayList<>(strategies.size());
    for (Strategy s : strategies) {
      out.add(s.onBar(bar));
    }
    return out;
  }

  /** The full state. */
  public State snapshot() {
    Record[] states = new Record[strategies.size()];
    for (int i = 0; i < states.length; i++) {
      Record r = strategies.get(i).snapshot();
      states[i] =
          r instanceof Ensemble.State e ? new EnsembleState(e.members().toArray(new Record[0])) : r;
    }
    return new State(states);
  }

  /**
   * Replaces the state.
   *
   * @throws IllegalArgumentException when the state was taken from another set of strategies
   */
  public void restore(State state) {
    if (state.strategies().length != strategies.size()) {
      throw new IllegalArgumentException(
          "strategy state of "
              + state.strategies().length
              + " strategies cannot restore "
              + strategies.size()
              + ": the configuration changed; start those instruments without state");
    }
    for (int i = 0; i < strategies.size(); i++) {
      Record r = state.strategies()[i];
      strategies
          .get(i)
          .restore(
              r instanceof EnsembleState e ? new Ensemble.State(Arrays.asList(e.members())) : r);
    }
  }
}
