package io.tickstream.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./tickstream bench NAME [args]}: runs one benchmark. Each prints its figures, writes them
 * under {@code bench/results/}, and ends with one summary line {@code NAME: key=value ...}.
 */
public final class BenchMain {
  private static final Map<String, String> BENCHMARKS = new LinkedHashMap<>();

  static {
    BENCHMARKS.put("indicators", "io.tickstream.bench.indicators.IndicatorBench");
    BENCHMARKS.put("ingest", "io.tickstream.bench.ingest.IngestBench");
    BENCHMARKS.put("flink", "io.tickstream.bench.flink.FlinkBench");
    BENCHMARKS.put("execution", "io.tickstream.bench.execution.ExecutionBench");
    BENCHMARKS.put("sink", "io.tickstream.bench.sink.SinkBench");
    BENCHMARKS.put("api", "io.tickstream.bench.api.ApiBench");
    BENCHMARKS.put("backtest", "io.tickstream.bench.backtest.BacktestBench");
  }

  private BenchMain() {}

  /** Dispatches to the benchmark's own {@code main}. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
      System.err.println(
          "usage: ./tickstream bench NAME [args]   NAME is one of " + BENCHMARKS.keySet());
      System.exit(2);
    }
    // Looked up by name: each benchmark arrives with its issue, and the launcher must still tell
    // which ones this build has.
    Class<?> bench;
    try {
      bench = Class.forName(BENCHMARKS.get(args[0]));
    } catch (ClassNotFoundException e) {
      System.err.println("benchmark '" + args[0] + "' is not part of this build yet");
      System.exit(2);
      return;
    }
    Method main = bench.getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
