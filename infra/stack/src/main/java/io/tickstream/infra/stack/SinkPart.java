package io.tickstream.infra.stack;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.tickstream.sink.SinkConfig;
import io.tickstream.sink.SinkService;
import java.time.Duration;

/** The sink: Kafka topics into PostgreSQL, after migrating the schema. */
final class SinkPart implements AutoCloseable {
  private final SinkService service;

  private SinkPart(SinkService service) {
    this.service = service;
  }

  static SinkPart start(
      String bootstrap, String registryUrl, EmbeddedPostgres postgres, MeterRegistry registry) {
    var config =
        new SinkConfig(
            bootstrap,
            registryUrl,
            postgres.jdbcUrl(),
            postgres.user(),
            "",
            "tickstream-sink",
            5_000,
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofSeconds(10),
            0);
    SinkService.migrate(postgres.dataSource());
    var service = new SinkService(config, registry);
    service.start();
    return new SinkPart(service);
  }

  @Override
  public void close() {
    service.close();
  }
}
