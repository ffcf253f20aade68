package io.tickstream.execution.backtest;

import io.tickstream.signals.ensemble.Ensemble;
import io.tickstream.signals.strategies.Strategy;
import io.tickstream.signals.strategies.StrategyFactory;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to trade, as data: a backtest builds a fresh strategy from it for every instrument (a
 * strategy holds one instrument's state). Plans are values, so sweeps can list, compare and print
 * them; parameters are kept sorted by name for a stable {@code toString}.
 */
public sealed interface StrategyPlan permits StrategyPlan.Named, StrategyPlan.Vote {

  /** A new strategy in its initial state. */
  Strategy create();

  /** One strategy by name and parameters, as {@link StrategyFactory#create} takes them. */
  static Named named(String name, Map<String, ?> params) {
    return new Named(name, new TreeMap<String, Object>(params));
  }

  /**
   * A strategy of {@link StrategyFactory}.
   *
   * @param name registered name, e.g. {@code ma-crossover}
   * @param params parameter values (numbers, booleans, strings)
   */
  record Named(String name, Map<String, Object> params) implements StrategyPlan {
    public Named {
      Objects.requireNonNull(name, "name");
      params = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
      // Validate now, not in the middle of a run.
      StrategyFactory.create(name, params);
    }

    @Override
    public Strategy create() {
      return StrategyFactory.create(name, params);
    }

    /** The same strategy with {@code key} set to {@code value}. */
    public Named with(String key, Object value) {
      Map<String, Object> next = new TreeMap<>(params);
      next.put(key, value);
      return new Named(name, next);
    }
  }

  /**
   * A weighted vote of plans ({@link Ensemble}).
   *
   * @param id strategy id of the vote's signals
   * @param threshold |score| needed for LONG or SHORT, in (0, 1]
   * @param members the voters and their weights
   */
  record Vote(String id, double threshold, List<Weighted> members) implements StrategyPlan {
    public Vote {
      Objects.requireNonNull(id, "id");
      members = List.copyOf(members);
    }

    @Override
    public Strategy create() {
      return new Ensemble(
          id,
          members.stream().map(m -> new Ensemble.Member(m.plan().create(), m.weight())).toList(),
          threshold);
    }
  }

  /**
   * A voter of a {@link Vote}.
   *
   * @param plan the voter
   * @param weight its weight, {@code > 0}
   */
  record Weighted(StrategyPlan plan, double weight) {
    public Weighted {
      Objects.requireNonNull(plan, "plan");
    }
  }
}
