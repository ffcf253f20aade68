package io.tickstream.execution.backtest.sweep;

import io.tickstream.execution.backtest.StrategyPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every combination of parameter values of one strategy, in a fixed order (parameters by name, each
 * parameter's values in the given order, the last parameter varying fastest). Combinations the
 * strategy refuses (e.g. fast >= slow) are left out, so a grid can be written as plain ranges.
 */
public final class ParameterGrid {

  private ParameterGrid() {}

  /**
   * The plans of {@code strategy} for the product of {@code values}, each merged over {@code
   * fixed}.
   *
   * @param strategy registered name
   * @param fixed parameters common to all plans
   * @param values candidate values per varied parameter
   */
  public static List<StrategyPlan> of(
      String strategy, Map<String, ?> fixed, Map<String, ? extends List<?>> values) {
    List<String> names = new ArrayList<>(new TreeMap<>(values).keySet());
    List<StrategyPlan> plans = new ArrayList<>();
    expand(strategy, names, 0, new TreeMap<>(fixed), values, plans);
    return List.copyOf(plans);
  }

  private static void expand(
      String strategy,
      List<String> names,
      int depth,
      TreeMap<String, Object> chosen,
      Map<String, ? extends List<?>> values,
      List<StrategyPlan> out) {
    if (depth == names.size()) {
      try {
        out.add(StrategyPlan.named(strategy, chosen));
      } catch (IllegalArgumentException inconsistent) {
        // Not a strategy (e.g. fast >= slow): skipped, as the class comment says.
      }
      return;
    }
    String name = names.get(depth);
    for (Object v : values.get(name)) {
      chosen.put(name, v);
      expand(strategy, names, depth + 1, chosen, values, out);
    }
    chosen.remove(name);
  }
}
