package io.tickstream.execution.service.config;

import io.tickstream.execution.Instruments;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The execution service's configuration, parsed once by {@link ServiceConfigReader}.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible registry URL (or {@code mock://scope} in tests)
 * @param applicationId Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir Kafka Streams state directory (in-memory stores keep only checkpoints there) and
 *     the REST venue's submission ledger
 * @param commitIntervalMs transaction commit interval. Under exactly-once an output is visible to
 *     read_committed consumers only when its transaction commits, and a signal crosses two
 *     transactions (the account-keyed internal topic, then the outputs): its order event is read
 *     about two intervals plus two commit latencies after it. Smaller lowers that latency and costs
 *     throughput (each commit is several broker round trips and a marker on every partition
 *     written); the producer lingers up to this interval, which under exactly-once costs nothing.
 * @param streamThreads Kafka Streams threads
 * @param accountPartitions partitions of the internal topic keyed by account (parallelism)
 * @param marketData which market data topic drives marks and fills
 * @param httpPort port of {@code /health} and {@code /metrics}; 0 picks a free one
 * @param venue where orders go
 * @param instruments the tradable instruments (tick and lot sizes)
 * @param accounts the accounts, ids unique
 */
public record ServiceConfig(
    String bootstrapServers,
    String schemaRegistryUrl,
    String applicationId,
    Path stateDir,
    int commitIntervalMs,
    int streamThreads,
    int accountPartitions,
    MarketDataSource marketData,
    int httpPort,
    VenueSettings venue,
    Instruments instruments,
    List<AccountSettings> accounts) {

  public ServiceConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(marketData, "marketData");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(instruments, "instruments");
    accounts = List.copyOf(accounts);
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("no accounts configured");
    }
    Set<String> ids = new HashSet<>();
    for (AccountSettings a : accounts) {
      if (!ids.add(a.accountId())) {
        throw new IllegalArgumentException("duplicate accountId " + a.accountId());
      }
    }
    if (commitIntervalMs <= 0 || streamThreads <= 0 || accountPartitions <= 0) {
      throw new IllegalArgumentException(
          "commitIntervalMs, streamThreads and accountPartitions must be > 0");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("httpPort must be in [0, 65535], got " + httpPort);
    }
  }

  /** What the topology needs of this configuration (no connection settings). */
  public TradingSettings trading() {
    return new TradingSettings(instruments, accounts, marketData, accountPartitions);
  }
}
