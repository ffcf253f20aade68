package io.tickstream.sink;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sink as a process: {@code SinkMain [--config sink.properties] [--key value]...}. Serves
 * {@code /health} and {@code /metrics} on {@code http.port}; stops cleanly on SIGTERM/Ctrl-C.
 */
public final class SinkMain {
  private static final Logger LOG = LoggerFactory.getLogger(SinkMain.class);

  private SinkMain() {}

  /** Parses the configuration, starts the sink and its HTTP endpoints, waits for shutdown. */
  public static void main(String[] args) throws InterruptedException {
    SinkConfig config;
    try {
      config = SinkConfig.fromArgs(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: SinkMain [--config file.properties] [--key value]...; options:");
      for (SinkSetting s : SinkSetting.values()) {
        System.err.printf(
            "  --%-22s %s (default: %s)%n", s.key(), s.description(), s.defaultValue());
      }
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SinkService sink = new SinkService(config, prometheus);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sink.close();
                  stopped.countDown();
                },
                "tickstream-sink-shutdown"));
    sink.start();
    try (SinkHttp http = SinkHttp.start(config.httpPort(), sink, prometheus)) {
      LOG.info(
          "sink running; health at http://localhost:{}/health, metrics at /metrics", http.port());
      while (!stopped.await(1, TimeUnit.SECONDS)) {
        if (sink.state() == SinkService.State.FAILED) {
          LOG.error("sink failed; exiting");
          System.exit(1);
        }
      }
    }
  }
}
