package io.tickstream.execution.backtest.sweep;

import io.tickstream.execution.backtest.StrategyPlan;
import java.util.Objects;

/**
 * One backtest of a sweep: a strategy on an instrument (or all) over a period.
 *
 * @param plan the strategy and its parameters
 * @param instrumentId the instrument traded, or null for every instrument in the data
 * @param period the bars used
 */
public record SweepCase(StrategyPlan plan, String instrumentId, Period period) {

  public SweepCase {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(period, "period");
  }

  /**
   * Bars ending in {@code [fromEnd, toEnd)}; those before {@code tradeFrom} only warm up.
   *
   * @param label name in reports, e.g. {@code 2013H1}
   * @param fromEnd first bar end included, epoch nanoseconds
   * @param tradeFrom first bar end traded ({@code >= fromEnd})
   * @param toEnd first bar end excluded
   */
  public record Period(String label, long fromEnd, long tradeFrom, long toEnd) {
    /** Everything. */
    public static final Period ALL =
        new Period("all", Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE);

    public Period {
      Objects.requireNonNull(label, "label");
      if (!(fromEnd <= tradeFrom && tradeFrom <= toEnd)) {
        throw new IllegalArgumentException(
            "period " + label + " needs fromEnd <= tradeFrom <= toEnd");
      }
    }
  }
}
