package io.tickstream.bench.indicators;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost per bar of each indicator (and of the full set), ours vs ta4j, over the same {@link
 * #BARS}-bar series. One invocation streams the whole series through a fresh instance, so the score
 * (ns/op with {@code @OperationsPerInvocation}) is the cost of one update including the amortised
 * set-up. The defaults here are for a thorough run; {@link IndicatorBench} overrides them for a
 * short one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx512m", "-XX:+UseParallelGC"})
public class IndicatorBenchmark {
  /** Bars per invocation. */
  public static final int BARS = 2_000;

  /** Seed of the benchmark series. */
  public static final long SEED = 20_240_301L;

  @Param({
    "SMA(20)",
    "EMA(20)",
    "WMA(20)",
    "RSI(14)",
    "MACD(12,26,9)",
    "BollingerBands(20,2)",
    "ATR(14)",
    "VWAP(20)",
    "SessionVWAP(1h)",
    "Donchian(20)",
    "Stochastic(14,3)",
    "OBV",
    "LogReturnVolatility(20)",
    "ZScore(20)",
    "FullSet(14 indicators + 3 strategies)"
  })
  public String indicator;

  private IndicatorCase c;
  private BenchSeries series;
  private double[] out;

  @Setup
  public void setUp() {
    c = IndicatorCases.byName().get(indicator);
    if (c == null) {
      throw new IllegalArgumentException("no benchmark case " + indicator);
    }
    series = new BenchSeries(BARS, SEED);
    out = new double[BARS * c.outputs()];
  }

  @Benchmark
  @OperationsPerInvocation(BARS)
  public void ours(Blackhole bh) {
    c.ours(series, out);
    bh.consume(out[out.length - 1]);
  }

  @Benchmark
  @OperationsPerInvocation(BARS)
  public void ta4j(Blackhole bh) {
    c.ta4j(series, out);
    bh.consume(out[out.length - 1]);
  }
}
