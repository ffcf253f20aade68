package io.tickstream.infra.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything the local stack needs to start. Ports of 0 pick free ones (tests); the CLI passes the
 * well-known defaults.
 *
 * @param home directory for all state (Kafka log, PostgreSQL data, Flink checkpoints)
 * @param kafkaPort Kafka broker client port (default 9092)
 * @param registryPort schema registry HTTP port (default 8085)
 * @param postgresPort PostgreSQL port (default 54320)
 * @param flinkPort Flink dashboard and REST port (default 8081)
 * @param apiPort query API port (default 8080)
 * @param resolutions bar resolutions of the analytics job
 * @param demoFeed whether to run the simulated market feed
 * @param demoRate ticks per second of the demo feed
 * @param seed seed of the demo feed
 */
public record StackConfig(
    Path home,
    int kafkaPort,
    int registryPort,
    int postgresPort,
    int flinkPort,
    int apiPort,
    List<String> resolutions,
    boolean demoFeed,
    double demoRate,
    long seed) {

  /** Default ports, as documented in the README. */
  public static final int KAFKA_PORT = 9092;

  public static final int REGISTRY_PORT = 8085;
  public static final int POSTGRES_PORT = 54320;
  public static final int FLINK_PORT = 8081;
  public static final int API_PORT = 8080;

  public StackConfig {
    Objects.requireNonNull(home, "home");
    for (int p : new int[] {kafkaPort, registryPort, postgresPort, flinkPort, apiPort}) {
      if (p < 0 || p > 65_535) {
        throw new IllegalArgumentException("port " + p + " is outside 0..65535");
      }
    }
    resolutions = List.copyOf(resolutions);
    if (resolutions.isEmpty()) {
      throw new IllegalArgumentException("at least one bar resolution is needed (e.g. 1s,1m)");
    }
    if (demoFeed && !(demoRate > 0 && demoRate <= 100_000)) {
      throw new IllegalArgumentException(
          "demo rate must be in (0, 100000] ticks/s, got " + demoRate);
    }
  }

  /** A config for tests: free ports everywhere, no demo feed. */
  public static StackConfig forTests(Path home) {
    return new StackConfig(home, 0, 0, 0, 0, 0, List.of("1s", "1m"), false, 1, 1);
  }
}
