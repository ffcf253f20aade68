package io.tickstream.bench.indicators;

/**
 * One benchmarked computation done two ways over the same bars: ours (incremental updates) and
 * ta4j's (add each bar to a {@code BaseBarSeries}, then {@code getValue(endIndex)}). Both write
 * their {@code outputs} values per bar into {@code out[bar * outputs + k]}, which is how the
 * benchmark checks they computed the same numbers.
 */
interface IndicatorCase {
  /** Largest window a ta4j series needs to keep (bounded series, like a streaming user). */
  int TA4J_MAX_BARS = 400;

  String name();

  /** Values per bar. */
  int outputs();

  /** Bars before every output is past its warm-up; values before are not compared. */
  int warmUp();

  void ours(BenchSeries s, double[] out);

  void ta4j(BenchSeries s, double[] out);
}
