package io.tickstream.bench.indicators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Short benchmark run (CLI entry point): JMH with brief warm-up and measurement and one fork per
 * benchmark, then a value check of ours against ta4j over the benchmark series. Writes {@code
 * bench/results/indicators-<timestamp>.json} under {@code -Dtickstream.home} (default: the current
 * directory) and prints as its last line {@code indicators: speedup_vs_ta4j=<x> max_abs_diff=<y>},
 * x the geometric mean of the per-indicator speedups (the full set is reported, not averaged in), y
 * the largest |ours − ta4j| past warm-up over all cases.
 */
public final class IndicatorBench {
  private IndicatorBench() {}

  /** One row of the report. */
  record Row(String name, double oursNs, double ta4jNs, double maxAbsDiff, long compared) {
    double speedup() {
      return ta4jNs / oursNs;
    }
  }

  public static void main(String[] args) throws RunnerException, IOException {
    Path home = Path.of(System.getProperty("tickstream.home", "."));
    Options options =
        new OptionsBuilder()
            .include(IndicatorBenchmark.class.getName())
            // The full set streams 2,000 bars through ~40 ta4j indicators per invocation: shorter
            // iterations leave too few invocations for the JIT to settle.
            .warmupIterations(3)
            .warmupTime(TimeValue.milliseconds(500))
            .measurementIterations(3)
            .measurementTime(TimeValue.milliseconds(500))
            .forks(1)
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();

    Map<String, double[]> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getParam("indicator");
      boolean ours = r.getParams().getBenchmark().endsWith(".ours");
      scores.computeIfAbsent(name, n -> new double[2])[ours ? 0 : 1] =
          r.getPrimaryResult().getScore();
    }

    BenchSeries series = new BenchSeries(IndicatorBenchmark.BARS, IndicatorBenchmark.SEED);
    List<Row> rows = new ArrayList<>();
    for (IndicatorCase c : IndicatorCases.all()) {
      double[] s = scores.get(c.name());
      if (s == null) {
        throw new IllegalStateException("JMH produced no result for " + c.name());
      }
      double[] ours = new double[series.size * c.outputs()];
      double[] ta4j = new double[ours.length];
      c.ours(series, ours);
      c.ta4j(series, ta4j);
      double max = 0;
      long compared = 0;
      for (int i = (c.warmUp() - 1) * c.outputs(); i < ours.length; i++) {
        double d = Math.abs(ours[i] - ta4j[i]);
        max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
        compared++;
      }
      rows.add(new Row(c.name(), s[0], s[1], max, compared));
    }

    double logSum = 0;
    int n = 0;
    double maxDiff = 0;
    for (Row r : rows) {
      maxDiff = Math.max(maxDiff, r.maxAbsDiff());
      if (!r.name().startsWith("FullSet")) {
        logSum += Math.log(r.speedup());
        n++;
      }
    }
    double geoMean = Math.exp(logSum / n);
    Path file = write(home, rows, geoMean, maxDiff);

    System.out.printf(
        Locale.ROOT,
        "%-40s %12s %12s %9s %12s%n",
        "indicator",
        "ours ns/bar",
        "ta4j ns/bar",
        "speedup",
        "max|diff|");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "%-40s %12.1f %12.1f %9.1f %12.3g%n",
          r.name(),
          r.oursNs(),
          r.ta4jNs(),
          r.speedup(),
          r.maxAbsDiff());
    }
    System.out.println("results: " + file);
    System.out.printf(
        Locale.ROOT, "indicators: speedup_vs_ta4j=%.1f max_abs_diff=%.3g%n", geoMean, maxDiff);
  }

  private static Path write(Path home, List<Row> rows, double geoMean, double maxDiff)
      throws IOException {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .format(ZonedDateTime.now(ZoneOffset.UTC));
    Path dir = home.resolve("bench").resolve("results");
    Files.createDirectories(dir);
    Path file = dir.resolve("indicators-" + stamp + ".json");
    StringBuilder json = new StringBuilder();
    json.append("{\n");
    json.append("  \"timestamp\": \"").append(stamp).append("\",\n");
    json.append("  \"bars\": ").append(IndicatorBenchmark.BARS).append(",\n");
    json.append("  \"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
    json.append("  \"java\": \"").append(System.getProperty("java.version")).append("\",\n");
    json.append("  \"speedup_vs_ta4j_geomean\": ").append(num(geoMean)).append(",\n");
    json.append("  \"max_abs_diff\": ").append(num(maxDiff)).append(",\n");
    json.append("  \"indicators\": [\n");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      json.append("    {\"name\": \"")
          .append(r.name())
          .append("\", \"ours_ns_per_update\": ")
          .append(num(r.oursNs()))
          .append(", \"ta4j_ns_per_update\": ")
          .append(num(r.ta4jNs()))
          .append(", \"speedup\": ")
          .append(num(r.speedup()))
          .append(", \"max_abs_diff\": ")
          .append(num(r.maxAbsDiff()))
          .append(", \"values_compared\": ")
          .append(r.compared())
          .append(i + 1 < rows.size() ? "},\n" : "}\n");
    }
    json.append("  ]\n}\n");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static String num(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6g", x) : "null";
  }
}
