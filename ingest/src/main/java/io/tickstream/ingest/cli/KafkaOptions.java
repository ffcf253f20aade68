package io.tickstream.ingest.cli;

import picocli.CommandLine.Option;

/** The connection options every ingest command shares (a picocli mixin). */
public final class KafkaOptions {
  @Option(
      names = {"-b", "--bootstrap-servers"},
      defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = {"-r", "--registry-url"},
      defaultValue = "http://localhost:8085",
      description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
  String registryUrl;

  /** Kafka bootstrap servers. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Schema registry URL. */
  public String registryUrl() {
    return registryUrl;
  }
}
