package io.tickstream.bench.backtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one {@link BacktestBench} run and their JSON file.
 *
 * @param instruments instruments, one backtest each
 * @param barsPer bars per instrument
 * @param threads worker threads
 * @param rounds bar events per second per core (wall) of each timed round
 * @param best the best of {@code rounds}
 * @param bestCpu the best round's bar events per CPU-second of the workers
 * @param bestProcessCpu the best round's bar events per CPU-second of the whole process (collector
 *     and JIT threads included)
 * @param gcShare collection time of the best (wall) round as a share of its wall time
 * @param strategiesOnly bars per CPU-second through the vote alone, no engine
 * @param fills fills per round (the same every round)
 * @param loadAtStart system load average when the bench started
 * @param checksum sum of the final equities in cents (the same every round and every change that
 *     keeps results)
 */
record BacktestFigures(
    int instruments,
    int barsPer,
    int threads,
    List<Double> rounds,
    double best,
    double bestCpu,
    double bestProcessCpu,
    double gcShare,
    double strategiesOnly,
    long fills,
    double loadAtStart,
    long checksum) {

  /** What one bar event is; also in the JSON. */
  static final String BAR_EVENT =
      "one bar of one instrument processed by the backtest (source, engine market updates, the"
          + " three voting strategies and the vote, the signal through the engine and any order,"
          + " fill and accounting it causes, the equity point); a bar counts once, not once per"
          + " strategy";

  /** Writes {@code bench/results/backtest-<timestamp>.json} under {@code home}. */
  Path write(Path home) throws IOException {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .format(ZonedDateTime.now(ZoneOffset.UTC));
    Path dir = home.resolve("bench").resolve("results");
    Files.createDirectories(dir);
    Path file = dir.resolve("backtest-" + stamp + ".json");
    StringBuilder json = new StringBuilder();
    json.append("{\n");
    json.append("  \"timestamp\": \"").append(stamp).append("\",\n");
    json.append("  \"instruments\": ").append(instruments()).append(",\n");
    json.append("  \"bars_per_instrument\": ").append(barsPer()).append(",\n");
    json.append("  \"bars\": ").append((long) instruments() * barsPer()).append(",\n");
    json.append("  \"strategies_per_bar\": 3,\n");
    json.append("  \"bar_event\": \"").append(BAR_EVENT).append("\",\n");
    json.append("  \"fills_per_round\": ").append(fills()).append(",\n");
    json.append("  \"threads\": ").append(threads()).append(",\n");
    json.append("  \"java\": \"").append(System.getProperty("java.version")).append("\",\n");
    json.append("  \"garbage_collectors\": \"")
        .append(
            String.join(
                ", ",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(java.lang.management.GarbageCollectorMXBean::getName)
                    .toList()))
        .append("\",\n");
    json.append("  \"rounds_bar_events_per_s_per_core\": [");
    for (int i = 0; i < rounds().size(); i++) {
      json.append(i == 0 ? "" : ", ").append(whole(rounds().get(i)));
    }
    json.append("],\n");
    json.append("  \"bar_events_per_s_per_core\": ").append(whole(best())).append(",\n");
    json.append("  \"bar_events_per_worker_cpu_second\": ").append(whole(bestCpu())).append(",\n");
    json.append("  \"bar_events_per_process_cpu_second\": ")
        .append(whole(bestProcessCpu()))
        .append(",\n");
    json.append("  \"collector_share_of_best_round_wall_time\": ")
        .append(String.format(Locale.ROOT, "%.3f", gcShare()))
        .append(",\n");
    json.append("  \"strategies_only_bars_per_cpu_second\": ")
        .append(whole(strategiesOnly()))
        .append(",\n");
    json.append("  \"load_average_at_start\": ")
        .append(String.format(Locale.ROOT, "%.2f", loadAtStart()))
        .append(",\n");
    json.append("  \"load_average_at_end\": ")
        .append(
            String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
        .append(",\n");
    json.append("  \"final_equity_cents_checksum\": ").append(checksum()).append("\n");
    json.append("}\n");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static String whole(double x) {
    return String.format(Locale.ROOT, "%.0f", x);
  }
}
