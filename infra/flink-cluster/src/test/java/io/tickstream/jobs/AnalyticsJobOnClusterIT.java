package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstream.infra.flinkcluster.StandaloneFlinkCluster;
import io.tickstream.jobs.TradeScenario.ExpectedBar;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.TradeTick;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shaded job jar ({@code stream-jobs-*-job.jar}) submitted with {@code flink run -d} to a real
 * standalone Flink 2.2 cluster, a JobManager and a TaskManager JVM on Flink's lib/ only ({@link
 * StandaloneFlinkCluster}): the Kafka connector, Kafka client, Avro, registry client and our code
 * come from the job jar, loaded by Flink's child-first user-code class loader, on the RocksDB state
 * backend of lib/. Against a real broker and registry, bars, features and signals read
 * read_committed equal an independent computation ({@link ReferenceAnalytics}), and one
 * instrument's bars equal values worked out by hand; the job shows RUNNING in the REST API and
 * stops with a savepoint through it.
 */
class AnalyticsJobOnClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJobOnClusterIT.class);

  /** Six instruments, which the seeded scenario spreads over both partitions of md.trades. */
  private static final List<String> INSTRUMENTS =
      List.of("BTCUSD.SIM", "ETHUSD.SIM", "SOLUSD.SIM", "AAPL.XNAS", "MSFT.XNAS", "EURUSD.FX");

  /**
   * Two strategies on every instrument and spec, one on a subset, and an ensemble: the plan of
   * AnalyticsJobIT (not referenced, its MiniCluster base class is not on this classpath).
   */
  private static final Map<String, String> STRATEGIES =
      Map.of(
          "instruments.crypto", "*USD.SIM",
          "strategy.cross.type", "ma-crossover",
          "strategy.cross.param.fast", "3",
          "strategy.cross.param.slow", "8",
          "strategy.rsi.type", "rsi-mean-reversion",
          "strategy.rsi.instruments", "crypto",
          "strategy.bb.type", "bollinger-bands",
          "ensemble.vote.members", "cross:2,rsi:1,bb:1",
          "ensemble.vote.resolutions", "1s,1m");

  /** The instrument of the hand-computed bars, left out of the reference computation. */
  private static final String HAND = "HAND.TEST";

  private static final long T0_NANOS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z

  @TempDir static Path dir;
  static JobStack stack;
  static StandaloneFlinkCluster cluster;

  @RegisterExtension
  static final TestWatcher PRINT_CLUSTER_LOGS_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (cluster != null) {
            cluster.printLogs(System.out);
          }
        }
      };

  @BeforeAll
  static void startClusterAndStack() throws Exception {
    String lib = Files.readString(libClasspathFile()).trim();
    try {
      cluster =
          StandaloneFlinkCluster.start(
              dir.resolve("flink"),
              lib,
              Path.of(System.getProperty("flink.sample.conf")),
              2,
              Map.of());
      stack = JobStack.start(dir); // while the cluster's JVMs boot
      cluster.awaitTaskManagers(1, Duration.ofSeconds(90));
    } catch (Throwable e) {
      if (cluster != null) {
        cluster.printLogs(System.out);
      }
      throw e;
    }
  }

  @AfterAll
  static void stopClusterAndStack() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  @Test
  void jobJarRunsOnTheClusterAndItsOutputsEqualTheReference() throws Exception {
    TradeScenario scenario = TradeScenario.generate(20260507L, 10_000, INSTRUMENTS, 6, 1_500);
    Map<String, String> options = new HashMap<>(STRATEGIES);
    options.put("resolutions", "1s,1m,100t");
    options.put("checkpoint.interval", "1s");
    options.put("state.backend", "rocksdb");
    Map<String, String> jobOptions = stack.options(dir, "cluster-it", options);
    // Parsed here as the job will parse its arguments: the reference uses the same plan.
    AnalyticsJobConfig cfg = AnalyticsJobConfig.fromMap(jobOptions);
    ReferenceAnalytics expected = new ReferenceAnalytics(scenario, cfg);
    List<TradeTick> trades = new ArrayList<>(scenario.trades);
    // Where the scenario's own trades have reached the hand trades' event time: sent earlier, they
    // would move their partition's watermark past the scenario's trades and make those late.
    long handLast = handTrades().stream().mapToLong(TradeTick::getTsEvent).max().orElseThrow();
    int at = 0;
    while (trades.get(at).getTsEvent() < handLast) {
      at++;
    }
    trades.addAll(at + 1, handTrades());
    trades.addAll(scenario.watermarkPushers);
    stack.produce(trades);

    List<String> args = new ArrayList<>();
    jobOptions.forEach(
        (key, value) -> {
          args.add("--" + key);
          args.add(value);
        });
    long submitted = System.nanoTime();
    String jobId = cluster.runDetached(jobJar(), args, Duration.ofSeconds(120));
    LOG.info("flink run returned job {} after {} ms", jobId, millisSince(submitted));

    JsonNode job =
        await("job " + jobId + " RUNNING")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .ignoreExceptions()
            .until(() -> overview(jobId), j -> "RUNNING".equals(j.path("state").asText()));
    assertThat(job.path("name").asText()).isEqualTo(AnalyticsJob.JOB_NAME);

    Outputs actual = Outputs.read(expected, Duration.ofSeconds(120));
    LOG.info("outputs complete {} ms after submission", millisSince(submitted));

    assertThat(actual.hand)
        .as("the hand-computed bars of " + HAND)
        .containsExactlyInAnyOrderElementsOf(handBars());
    var barDiff =
        OutputDiff.of(
            "bars",
            expected.bars,
            actual.bars,
            b -> b.instrumentId() + "|" + b.spec() + "|" + b.start() + "|" + b.revision());
    var featureDiff =
        OutputDiff.of(
            "features",
            expected.features,
            actual.features,
            f -> f.getInstrumentId() + "|" + f.getSpec() + "|" + f.getBarEnd());
    var signalDiff =
        OutputDiff.of("signals", expected.signals, actual.signals, Signal::getSignalId);
    LOG.info("{}\n{}\n{}", barDiff, featureDiff, signalDiff);
    assertThat(expected.bars).hasSizeGreaterThan(400);
    assertThat(expected.signals).hasSizeGreaterThan(500);
    // Exactly once throughout (signals.delivery defaults to exactly-once): no duplicates either.
    for (OutputDiff diff : List.of(barDiff, featureDiff, signalDiff)) {
      assertThat(diff.missing() + diff.duplicated() + diff.mismatched())
          .as(diff.toString())
          .isZero();
    }

    assertThat(overview(jobId).path("state").asText()).isEqualTo("RUNNING");
    String savepoint =
        cluster.stopWithSavepoint(jobId, dir.resolve("savepoints"), Duration.ofSeconds(60));
    LOG.info("stopped with savepoint {}", savepoint);
    assertThat(Path.of(java.net.URI.create(savepoint)).resolve("_metadata")).isRegularFile();
    await("job " + jobId + " FINISHED")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> overview(jobId).path("state").asText(), "FINISHED"::equals);
  }

  /**
   * What makes the test mean something: lib/ holds Flink and its logging only, and the job jar
   * holds none of Flink's runtime and none of the embedded stack (broker, database, web server).
   */
  @Test
  void libHoldsOnlyFlinkAndTheJobJarNothingOfTheEmbeddedStack() throws IOException {
    List<String> lib =
        Arrays.asList(
            Files.readString(libClasspathFile()).trim().split(java.io.File.pathSeparator));
    assertThat(lib)
        .isNotEmpty()
        .noneMatch(
            jar ->
                jar.contains("kafka")
                    || jar.contains("/avro")
                    || jar.contains("flink-connector-kafka")
                    || jar.contains("flink-connector-base")
                    || jar.contains("confluent")
                    || jar.contains("io/tickstream"))
        .anyMatch(jar -> jar.contains("flink-runtime-2"))
        .anyMatch(jar -> jar.contains("flink-statebackend-rocksdb"));

    Set<String> prefixes = new HashSet<>();
    try (ZipFile jar = new ZipFile(jobJar().toFile())) {
      jar.stream()
          .map(e -> e.getName())
          .filter(n -> n.endsWith(".class"))
          .forEach(n -> prefixes.add(n.substring(0, Math.max(0, n.lastIndexOf('/')))));
    }
    Predicate<String> under = p -> prefixes.stream().anyMatch(q -> q.startsWith(p));
    assertThat(under.test("io/tickstream/jobs")).isTrue();
    assertThat(under.test("org/apache/flink/connector/kafka")).isTrue();
    assertThat(under.test("org/apache/kafka/clients")).isTrue();
    for (String absent :
        List.of(
            "org/apache/flink/runtime",
            "org/apache/flink/streaming/api",
            "org/apache/flink/configuration",
            "org/apache/flink/state/rocksdb",
            "org/rocksdb",
            "kafka/server",
            "org/apache/kafka/controller",
            "org/apache/kafka/raft",
            "io/tickstream/infra",
            "io/vertx",
            "org/postgresql",
            "org/slf4j",
            "org/apache/logging/log4j")) {
      assertThat(under.test(absent)).as("job jar holds %s", absent).isFalse();
    }
  }

  /**
   * Three trades of {@link #HAND} in one second, the last one sent arriving 400 ms out of
   * event-time order: open 100 (first by event time), high 101.5, low 99, close 99 (last by event
   * time), volume 1 + 2 + 1 = 4, VWAP (100 + 2 × 101.5 + 99) / 4 = 402 / 4 = 100.5.
   */
  private static List<TradeTick> handTrades() {
    long second = T0_NANOS + 42_000_000_000L; // 00:00:42
    return List.of(
        TradeTicks.trade(HAND, second + 100_000_000L, "100", "1"),
        TradeTicks.trade(HAND, second + 900_000_000L, "99", "1"),
        TradeTicks.trade(HAND, second + 500_000_000L, "101.5", "2"));
  }

  /** The bars of {@link #handTrades} at 1s and 1m; three trades make no 100-trade bar. */
  private static List<ExpectedBar> handBars() {
    long second = T0_NANOS + 42_000_000_000L;
    return List.of(
        handBar("1s", second, second + 1_000_000_000L),
        handBar("1m", T0_NANOS, T0_NANOS + 60_000_000_000L));
  }

  private static ExpectedBar handBar(String spec, long start, long end) {
    return new ExpectedBar(
        HAND,
        spec,
        start,
        end,
        new BigDecimal("100.00000000"),
        new BigDecimal("101.50000000"),
        new BigDecimal("99.00000000"),
        new BigDecimal("99.00000000"),
        new BigDecimal("4.00000000"),
        3,
        new BigDecimal("100.50000000"),
        0);
  }

  /** The job's entry in the REST API's {@code /jobs/overview}. */
  private static JsonNode overview(String jobId) throws IOException, InterruptedException {
    for (JsonNode j : cluster.get("/jobs/overview").path("jobs")) {
      if (jobId.equals(j.path("jid").asText())) {
        return j;
      }
    }
    throw new AssertionError("job " + jobId + " not in /jobs/overview");
  }

  private static Path libClasspathFile() {
    return Path.of(System.getProperty("flink.lib.classpath.file"));
  }

  private static Path jobJar() {
    return Path.of(System.getProperty("job.jar"));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** Outputs read from Kafka read_committed; {@link #HAND}'s bars apart, its features dropped. */
  private record Outputs(
      List<ExpectedBar> bars,
      List<ExpectedBar> hand,
      List<FeatureVector> features,
      List<Signal> signals) {

    /** Reads until every expected record could be there, then 3 s longer to catch extras. */
    static Outputs read(ReferenceAnalytics expected, Duration patience) {
      Outputs o =
          new Outputs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      try (var bars = stack.committed(Topics.BARS);
          var features = stack.committed(Topics.FEATURES);
          var signals = stack.committed(Topics.SIGNALS)) {
        long deadline = System.nanoTime() + patience.toNanos();
        long settle = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settle)) {
          JobStack.pollInto(
              bars,
              b -> (HAND.equals(b.getInstrumentId()) ? o.hand : o.bars).add(ExpectedBar.of(b)));
          JobStack.pollInto(
              features,
              f -> {
                if (!HAND.equals(f.getInstrumentId())) {
                  o.features.add(ReferenceAnalytics.comparable(f));
                }
              });
          JobStack.pollInto(
              signals,
              s -> {
                if (!HAND.equals(s.getInstrumentId())) {
                  o.signals.add(ReferenceAnalytics.comparable(s));
                }
              });
          if (settle == Long.MAX_VALUE
              && o.bars.size() >= expected.bars.size()
              && o.hand.size() >= 2
              && o.features.size() >= expected.features.size()
              && o.signals.size() >= expected.signals.size()) {
            settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
          }
        }
      }
      return o;
    }
  }
}
