package io.tickstream.jobs.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Ranks all rows at once (the job runs it with parallelism 1 over the whole bounded input): by
 * score, higher first, NaN last, ties by case index, ranks from 1. This is the order of the
 * engine's {@code ParameterSweep.rank}, which is package-private in execution core; {@code
 * SweepJobIT} checks the two rankings are identical.
 */
final class SweepRanking implements MapPartitionFunction<SweepRow, SweepRow> {
  private static final long serialVersionUID = 1L;

  /** The ranking order. */
  static final Comparator<SweepRow> ORDER =
      Comparator.<SweepRow>comparingInt(r -> Double.isNaN(r.score()) ? 1 : 0)
          .thenComparing(r -> -r.score(), Double::compare)
          .thenComparingInt(SweepRow::caseIndex);

  @Override
  public void mapPartition(Iterable<SweepRow> rows, Collector<SweepRow> out) {
    List<SweepRow> all = new ArrayList<>();
    rows.forEach(all::add);
    all.sort(ORDER);
    for (int i = 0; i < all.size(); i++) {
      out.collect(all.get(i).withRank(i + 1));
    }
  }
}
