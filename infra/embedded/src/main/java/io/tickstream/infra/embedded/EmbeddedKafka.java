package io.tickstream.infra.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 * Used by the local stack and by every {@code *IT}. Storage is formatted on first start and kept
 * when the directory already holds a formatted log.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String CLUSTER_ID = "tickstream-local-kraft1";

  /**
   * Kafka's transaction protocol version. Version 2 (KIP-890, the 4.x default) bumps the producer
   * epoch at every commit, while Flink's exactly-once KafkaSink (connector 5.0.0-2.2) re-commits a
   * transaction recovered from a checkpoint with the producer id and epoch it stored, which breaks
   * at least when the epoch rolls over (FLINK-40689, apache/flink-connector-kafka#321, open). The
   * analytics job's exactly-once output is verified on version 1 (stream-jobs FailureRecoveryIT: 10
   * failovers, nothing lost or duplicated); Kafka Streams' exactly_once_v2 works on either. Real
   * clusters running the analytics job should use the same setting.
   */
  public static final short TRANSACTION_VERSION = 1;

  private final int port;
  private final int controllerPort;
  private final Path logDir;
  private final KafkaRaftServer server;

  private EmbeddedKafka(int port, int controllerPort, Path logDir, KafkaRaftServer server) {
    this.port = port;
    this.controllerPort = controllerPort;
    this.logDir = logDir;
    this.server = server;
  }

  /**
   * Starts a broker on {@code port} (0 picks a free one) with its log in {@code logDir}.
   *
   * @throws PortInUseException when the port is taken
   */
  public static EmbeddedKafka start(int port, Path logDir) {
    int brokerPort = port == 0 ? FreePorts.pick() : FreePorts.requireFree(port, "Kafka broker");
    int controllerPort = FreePorts.pick();
    try {
      Files.createDirectories(logDir);
      Properties props = new Properties();
      props.put("process.roles", "broker,controller");
      props.put("node.id", "1");
      props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
      props.put(
          "listeners",
          "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
      props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      props.put("controller.listener.names", "CONTROLLER");
      props.put("inter.broker.listener.name", "PLAINTEXT");
      props.put("log.dirs", logDir.toAbsolutePath().toString());
      props.put("num.partitions", "2");
      props.put("offsets.topic.replication.factor", "1");
      props.put("offsets.topic.num.partitions", "4");
      props.put("transaction.state.log.replication.factor", "1");
      props.put("transaction.state.log.min.isr", "1");
      props.put("transaction.state.log.num.partitions", "4");
      props.put("min.insync.replicas", "1");
      props.put("default.replication.factor", "1");
      props.put("group.initial.rebalance.delay.ms", "0");
      props.put("share.coordinator.state.topic.replication.factor", "1");
      props.put("share.coordinator.state.topic.min.isr", "1");
      props.put("auto.create.topics.enable", "false");
      props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
      // Transactions of a crashed producer are aborted quickly (tests kill producers on purpose).
      props.put("transaction.max.timeout.ms", "900000");
      props.put("log.cleaner.backoff.ms", "1000");

      Path propsFile = logDir.resolve("server.properties");
      try (var out = Files.newOutputStream(propsFile)) {
        props.store(out, "tickstream embedded broker");
      }
      format(propsFile);
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      EmbeddedKafka kafka = new EmbeddedKafka(brokerPort, controllerPort, logDir, server);
      kafka.awaitReady();
      kafka.requireTransactionVersion();
      LOG.info("Kafka broker up at {} (log dir {})", kafka.bootstrapServers(), logDir);
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka log dir " + logDir, e);
    }
  }

  private static void format(Path propsFile) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      code =
          kafka.tools.StorageTool.execute(
              new String[] {
                "format",
                "-t",
                CLUSTER_ID,
                "-c",
                propsFile.toString(),
                "--ignore-formatted",
                "--feature",
                "transaction.version=" + TRANSACTION_VERSION
              },
              out);
    }
    if (code != 0) {
      throw new IllegalStateException(
          "formatting Kafka storage failed ("
              + code
              + "): "
              + buffer.toString(StandardCharsets.UTF_8));
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + 60_000_000_000L;
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try (Admin admin = admin()) {
        admin.describeCluster().nodes().get();
        return;
      } catch (Exception e) {
        last = e;
      }
    }
    throw new IllegalStateException("Kafka broker did not become ready within 60 s", last);
  }

  /** Lowers the transaction protocol of a log formatted before {@link #TRANSACTION_VERSION}. */
  private void requireTransactionVersion() {
    try (Admin admin = admin()) {
      var finalized = admin.describeFeatures().featureMetadata().get().finalizedFeatures();
      var tv = finalized.get("transaction.version");
      if (tv != null && tv.maxVersionLevel() != TRANSACTION_VERSION) {
        admin
            .updateFeatures(
                Map.of(
                    "transaction.version",
                    new FeatureUpdate(
                        TRANSACTION_VERSION, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)),
                new UpdateFeaturesOptions())
            .all()
            .get();
        LOG.info(
            "transaction.version set from {} to {}", tv.maxVersionLevel(), TRANSACTION_VERSION);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking transaction.version", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot set transaction.version", e.getCause());
    }
  }

  /** {@code localhost:<port>}, for clients. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** The broker's client port. */
  public int port() {
    return port;
  }

  /** A new admin client for this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
  }

  /** Creates the given topics unless they exist already. */
  public void createTopics(Collection<NewTopic> topics) {
    try (Admin admin = admin()) {
      for (var entry : admin.createTopics(topics).values().entrySet()) {
        try {
          entry.getValue().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Creates topics with {@code partitions} partitions each, unless they exist. */
  public void createTopics(int partitions, String... names) {
    createTopics(
        List.of(names).stream()
            .map(n -> new NewTopic(n, partitions, (short) 1))
            .collect(Collectors.toList()));
  }

  @Override
  public void close() {
    LOG.info("stopping Kafka broker at {}", bootstrapServers());
    server.shutdown();
    server.awaitShutdown();
  }

  /** Log directory of the broker. */
  public Path logDir() {
    return logDir;
  }

  int controllerPort() {
    return controllerPort;
  }
}
