package io.tickstream.bench.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Load from {@code wrk} (Debian's wrk 4 has no rate option): a Lua script paces each connection to
 * {@code rate / connections} requests per second with {@code delay()}, rotates the key, and prints
 * the latency percentiles and counts in {@code done()}.
 */
final class WrkLoad implements LoadGenerator {
  private static final int CONNECTIONS = 32;
  private final Path work;

  WrkLoad(Path work) {
    this.work = work;
  }

  @Override
  public String name() {
    return "wrk";
  }

  @Override
  public LoadResult run(String base, String pathFormat, int keys, int rate, int seconds)
      throws Exception {
    double delayMs = 1000.0 * CONNECTIONS / rate;
    String lua =
        String.join(
            "\n",
            "local n = 0",
            "request = function()",
            "  n = n + 1",
            "  return wrk.format('GET', string.format('"
                + pathFormat.replace("%d", "%d")
                + "', n % "
                + keys
                + "))",
            "end",
            "delay = function() return " + delayMs + " end",
            "done = function(summary, latency, requests)",
            "  local errors = summary.errors.connect + summary.errors.read + summary.errors.write"
                + " + summary.errors.status + summary.errors.timeout",
            "  io.write(string.format('RESULT %d %d %f %f %f %f %f\\n', summary.requests, errors,"
                + " summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,"
                + " latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))",
            "end");
    Path script = work.resolve("pace.lua");
    Files.writeString(script, lua);
    Process wrk =
        new ProcessBuilder(
                List.of(
                    "wrk",
                    "-t2",
                    "-c" + CONNECTIONS,
                    "-d" + seconds + "s",
                    "--timeout",
                    "5s",
                    "-s",
                    script.toString(),
                    base))
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    String line =
        out.lines()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no wrk result: " + out));
    String[] f = line.split(" ");
    return new LoadResult(
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Double.parseDouble(f[3]),
        Double.parseDouble(f[4]),
        Double.parseDouble(f[5]),
        Double.parseDouble(f[6]),
        Double.parseDouble(f[7]));
  }
}
