package io.tickstream.infra.stack;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickstream.ingest.validate.ValidationRules;
import io.tickstream.ingest.validate.ValidatorConfig;
import io.tickstream.ingest.validate.ValidatorService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The ingest validator: {@code md.trades.raw}/{@code md.quotes.raw} into {@code md.trades}/{@code
 * md.quotes}, rejects into {@code md.dlq}. Its Kafka Streams stores are in memory, so it shares
 * this JVM with Flink's RocksDB-free MiniCluster safely.
 */
final class ValidatorPart implements AutoCloseable {
  private final ValidatorService service;

  private ValidatorPart(ValidatorService service) {
    this.service = service;
  }

  static ValidatorPart start(
      String bootstrap, String registryUrl, Path stateDir, MeterRegistry meters) {
    var config =
        new ValidatorConfig(
            bootstrap,
            registryUrl,
            "tickstream-validator",
            stateDir,
            1,
            Duration.ofMillis(100),
            ValidationRules.defaults(),
            Map.of());
    var service = new ValidatorService(config, meters, Clock.systemUTC()).start();
    try {
      if (!service.awaitRunning(Duration.ofSeconds(60))) {
        throw new IllegalStateException(
            "the validator is " + service.state() + " after 60 s; see the log for why");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the validator", e);
    }
    return new ValidatorPart(service);
  }

  @Override
  public void close() {
    service.close();
  }
}
