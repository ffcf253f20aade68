package io.tickstream.bench.execution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Percentiles, process CPU and the JSON report of the execution benchmark. */
final class BenchReport {
  private BenchReport() {}

  static double percentile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static Path write(
      Path home,
      int signals,
      double perSecond,
      double baselinePerSecond,
      double cpuPerSignalUs,
      double baselineCpuPerSignalUs,
      int latencySignals,
      int rate,
      double p50,
      double p99,
      double max,
      int commitMs,
      int threads,
      int accounts,
      int instruments)
      throws java.io.IOException {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .format(ZonedDateTime.now(ZoneOffset.UTC));
    Path dir = home.resolve("bench").resolve("results");
    Files.createDirectories(dir);
    Path file = dir.resolve("execution-" + stamp + ".json");
    String json =
        String.format(
            java.util.Locale.ROOT,
            "{%n  \"timestamp\": \"%s\",%n  \"cpus\": %d,%n  \"java\": \"%s\",%n"
                + "  \"shared_box\": true,%n  \"commit_interval_ms\": %d,%n  \"stream_threads\": %d,%n"
                + "  \"accounts\": %d,%n  \"instruments\": %d,%n  \"throughput_signals\": %d,%n"
                + "  \"signals_per_s\": %.1f,%n  \"baseline_eos_passthrough_per_s\": %.1f,%n"
                + "  \"ratio_to_baseline\": %.3f,%n  \"process_cpu_us_per_signal\": %.1f,%n  \"baseline_process_cpu_us_per_signal\": %.1f,%n  \"latency_signals\": %d,%n  \"latency_rate_per_s\": %d,%n"
                + "  \"p50_signal_to_ack_ms\": %.3f,%n  \"p99_signal_to_ack_ms\": %.3f,%n"
                + "  \"max_signal_to_ack_ms\": %.3f%n}%n",
            stamp,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            commitMs,
            threads,
            accounts,
            instruments,
            signals,
            perSecond,
            baselinePerSecond,
            perSecond / baselinePerSecond,
            cpuPerSignalUs,
            baselineCpuPerSignalUs,
            latencySignals,
            rate,
            p50,
            p99,
            max);
    Files.writeString(file, json);
    return file;
  }
}
