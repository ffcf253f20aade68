package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page in headless Chromium (Playwright) against the secured API on seeded data: the chart
 * draws the bars, signal and fill markers and the positions table. Saves {@code
 * target/screenshots/chart.png}.
 */
class WebPageIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path WEB = Path.of("src/main/web");

  @TempDir Path dir;

  @Test
  void theChartDrawsBarsMarkersAndPositionsFromTheApi() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "skipped: /usr/bin/chromium is missing (apt-get install -y chromium)");
    assumeTrue(
        Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
        "skipped: npm ci has not run in src/main/web");
    Path screenshot = Path.of("target/screenshots/chart.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    try (SecuredApi api = SecuredApi.start(dir, Map.of())) {
      String token = api.tokens.admin("ACC-1");
      String url =
          "http://127.0.0.1:"
              + api.server.port()
              + "/?instrument=BTCUSDT.BINANCE&spec=1m&account=ACC-1&token="
              + token;
      Process node =
          new ProcessBuilder(List.of("node", "e2e/chart.mjs", url, screenshot.toString()))
              .directory(WEB.toFile())
              .redirectErrorStream(true)
              .start();
      boolean done = node.waitFor(90, TimeUnit.SECONDS);
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!done) {
        node.destroyForcibly();
      }
      assertThat(done).as(output).isTrue();
      assertThat(node.exitValue()).as(output).isZero();
      List<String> lines = output.lines().toList();
      JsonObject result = new JsonObject(lines.get(lines.size() - 1));
      assertThat(result.getInteger("barsDrawn")).isEqualTo(10);
      assertThat(result.getInteger("markers")).isGreaterThanOrEqualTo(10);
      assertThat(result.getInteger("positions")).isEqualTo(1);
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
  }
}
