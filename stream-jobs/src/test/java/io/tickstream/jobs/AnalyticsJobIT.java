package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.jobs.TradeScenario.ExpectedBar;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole analytics job ({@link AnalyticsJob#define}) on a MiniCluster with parallelism 2,
 * against a real broker and registry: bars, features and signals on Kafka equal an independent
 * computation over the same trades ({@link ReferenceAnalytics}, no Flink).
 */
class AnalyticsJobIT extends WithJobStack {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJobIT.class);
  static final List<String> INSTRUMENTS =
      List.of("BTCUSD.SIM", "ETHUSD.SIM", "SOLUSD.SIM", "AAPL.XNAS", "MSFT.XNAS", "EURUSD.FX");

  /** Two strategies on every instrument and spec, one on a subset, and an ensemble. */
  static final Map<String, String> STRATEGIES =
      Map.of(
          "resolutions", "1s,1m,5m",
          "instruments.crypto", "*USD.SIM",
          "strategy.cross.type", "ma-crossover",
          "strategy.cross.param.fast", "3",
          "strategy.cross.param.slow", "8",
          "strategy.rsi.type", "rsi-mean-reversion",
          "strategy.rsi.instruments", "crypto",
          "strategy.bb.type", "bollinger-bands",
          "ensemble.vote.members", "cross:2,rsi:1,bb:1",
          "ensemble.vote.resolutions", "1s,1m");

  @Test
  void barsFeaturesAndSignalsEqualTheSignalsClassesOverTheSameTrades() throws Exception {
    TradeScenario scenario = TradeScenario.generate(20260501L, 30_000, INSTRUMENTS, 10, 1_500);
    Map<String, String> options = withCheckpointEvery("1s");
    // Time bars, and tick and volume bars (200 trades; ~30 trades at this scenario's sizes).
    options.put("resolutions", "1s,1m,5m,200t,1000000v");
    AnalyticsJobConfig cfg =
        AnalyticsJobConfig.fromMap(stack.options(dir, "analytics-job-it", options));
    ReferenceAnalytics expected = new ReferenceAnalytics(scenario, cfg);
    long startMillis = System.currentTimeMillis();
    stack.produce(concat(scenario.trades, scenario.watermarkPushers));

    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(AnalyticsJob.clusterConfiguration(cfg));
    AnalyticsJob.define(env, cfg);
    JobClient job = env.executeAsync(AnalyticsJob.JOB_NAME);
    Collected actual;
    try {
      actual = Collected.read(stack, expected, Duration.ofSeconds(150));
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
    actual.assertEqualTo(expected, LOG);
    assertStampedAtWriteTime(startMillis);
  }

  /**
   * The job's records carry the time they were written as Kafka timestamp, not the trades' event
   * time (January 2026): stamped with event time, the broker's time retention would delete them.
   */
  private static void assertStampedAtWriteTime(long sinceMillis) {
    for (var topic : List.of(Topics.BARS, Topics.FEATURES, Topics.SIGNALS)) {
      try (var consumer = stack.committed(topic)) {
        List<Long> timestamps = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (timestamps.size() < 100 && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> timestamps.add(r.timestamp()));
        }
        assertThat(timestamps).as(topic.name()).isNotEmpty().allMatch(t -> t >= sinceMillis);
      }
    }
  }

  static Map<String, String> withCheckpointEvery(String interval) {
    Map<String, String> m = new java.util.HashMap<>(STRATEGIES);
    m.put("checkpoint.interval", interval);
    return m;
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Outputs read from Kafka: bars and features read_committed, signals as delivered. */
  record Collected(List<ExpectedBar> bars, List<FeatureVector> features, List<Signal> signals) {

    /** Reads until every expected record could be there, then a little longer to catch extras. */
    static Collected read(JobStack stack, ReferenceAnalytics expected, Duration patience) {
      Collected c = new Collected(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      try (var bars = stack.committed(Topics.BARS);
          var features = stack.committed(Topics.FEATURES);
          var signals = stack.committed(Topics.SIGNALS)) {
        long deadline = System.nanoTime() + patience.toNanos();
        long settle = Long.MAX_VALUE;
        java.util.Set<String> ids = new java.util.HashSet<>(); // signals may repeat: count ids
        long nextLog = System.nanoTime();
        while (System.nanoTime() < Math.min(deadline, settle)) {
          if (System.nanoTime() >= nextLog) {
            nextLog = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            LoggerFactory.getLogger(AnalyticsJobIT.class)
                .info(
                    "read so far: {} bars, {} features, {} signals",
                    c.bars.size(),
                    c.features.size(),
                    c.signals.size());
          }
          JobStack.pollInto(bars, b -> c.bars.add(ExpectedBar.of(b)));
          JobStack.pollInto(features, f -> c.features.add(ReferenceAnalytics.comparable(f)));
          JobStack.pollInto(
              signals,
              s -> {
                c.signals.add(ReferenceAnalytics.comparable(s));
                ids.add(s.getSignalId());
              });
          if (settle == Long.MAX_VALUE
              && c.bars.size() >= expected.bars.size()
              && c.features.size() >= expected.features.size()
              && ids.size() >= expected.signals.size()) {
            settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
          }
        }
      }
      // Read from the beginning: nothing may have gone before it was read.
      for (var topic : List.of(Topics.BARS, Topics.FEATURES, Topics.SIGNALS)) {
        assertThat(stack.firstOffsets(topic).values())
            .as("records of %s deleted by the broker (retention)", topic.name())
            .containsOnly(0L);
      }
      return c;
    }

    void assertEqualTo(ReferenceAnalytics expected, Logger log) {
      var barDiff =
          OutputDiff.of(
              "bars",
              expected.bars,
              bars,
              b -> b.instrumentId() + "|" + b.spec() + "|" + b.start() + "|" + b.revision());
      var featureDiff =
          OutputDiff.of(
              "features",
              expected.features,
              features,
              f ->
                  f.getInstrumentId()
                      + "|"
                      + f.getSpec()
                      + "|"
                      + f.getBarEnd()
                      + "|"
                      + f.getRevision());
      var signalDiff = OutputDiff.of("signals", expected.signals, signals, Signal::getSignalId);
      log.info("{}", barDiff);
      log.info("{}", featureDiff);
      log.info("{} (duplicates are allowed for at-least-once signals)", signalDiff);
      assertThat(barDiff.missing() + barDiff.duplicated() + barDiff.mismatched()).isZero();
      assertThat(featureDiff.missing() + featureDiff.duplicated() + featureDiff.mismatched())
          .isZero();
      assertThat(signalDiff.missing() + signalDiff.mismatched()).as(signalDiff.toString()).isZero();
      assertThat(expected.signals).hasSizeGreaterThan(1_000);
    }
  }
}
