package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.jobs.AnalyticsJobIT.Collected;
import io.tickstream.schemas.avro.TradeTick;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once under failures: the job (checkpoint every 500 ms, fixed-delay restarts) fails at 10
 * seeded random points, each after at least one checkpoint completed since the previous failure,
 * while 200,000 trades are replayed into it. Bars and features read with {@code read_committed}
 * must equal the failure-free result exactly (the independent computation, which {@link
 * AnalyticsJobIT} shows the failure-free job matches); signals, in either delivery mode, must have
 * no id missing and no id with two contents.
 */
class FailureRecoveryIT extends WithJobStack {
  private static final Logger LOG = LoggerFactory.getLogger(FailureRecoveryIT.class);
  private static final int TRADES = 200_000;
  private static final int FAILURES = Integer.getInteger("failure.it.failures", 10);
  private static final int CHUNK = 2_000;

  @Test
  void tenFailuresChangeNothingInCommittedBarsAndFeaturesAndLoseNoSignal() throws Exception {
    TradeScenario scenario =
        TradeScenario.generate(20260502L, TRADES, AnalyticsJobIT.INSTRUMENTS, 3, 1_500);
    // No idleness (JobStack's default): every chunk of trades reaches both partitions, so event
    // time is the minimum of both and the same in every attempt. Idleness is judged in processing
    // time: on a loaded machine a partition that is only slow (a restore, a GC pause) is taken for
    // idle, the other one's watermark runs ahead and its next trades are late in one attempt and on
    // time in another, which changes bars (and the signals a failed attempt already sent).
    var options = AnalyticsJobIT.withCheckpointEvery("500ms");
    // The job's default (exactly once); -Dfailure.it.signals=at-least-once checks that mode, where
    // signals of failed attempts stay on the topic and must equal the replayed ones.
    options.put("signals.delivery", System.getProperty("failure.it.signals", "exactly-once"));
    AnalyticsJobConfig cfg = AnalyticsJobConfig.fromMap(stack.options(dir, "failure-it", options));
    ReferenceAnalytics expected = new ReferenceAnalytics(scenario, cfg);
    FailureInjector.reset(42L, FAILURES, 1_500);

    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            JobStack.withRestarts(AnalyticsJob.clusterConfiguration(cfg), 3 * FAILURES));
    env.setParallelism(2);
    AnalyticsJob.toKafka(
        AnalyticsJob.build(
            AnalyticsJob.trades(env, cfg)
                .map(new FailureInjector())
                .name("failure injector")
                .uid("failure-injector"),
            cfg),
        cfg);
    List<TradeTick> trades = AnalyticsJobIT.concat(scenario.trades, scenario.watermarkPushers);
    // Both partitions hold trades before the job starts, so neither is idle at the start.
    stack.produce(trades.subList(0, CHUNK));
    JobClient job = env.executeAsync(AnalyticsJob.JOB_NAME);
    Collected actual;
    try {
      replayPacedByFailures(trades.subList(CHUNK, trades.size()));
      actual = Collected.read(stack, expected, Duration.ofSeconds(120));
      logTransactions();
      logLateTrades();
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
    LOG.info("{} injected failures", FailureInjector.FAILURES.get());
    assertThat(FailureInjector.FAILURES.get()).isEqualTo(FAILURES);
    actual.assertEqualTo(expected, LOG);
  }

  /** Late trades: none are expected; a watermark running ahead would make many. */
  private static void logLateTrades() {
    try (var late = stack.committed(io.tickstream.schemas.Topics.LATE_TRADES)) {
      List<TradeTick> all = new java.util.ArrayList<>();
      long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < until) {
        JobStack.pollInto(late, all::add);
      }
      LOG.info(
          "{} late trades; first {}",
          all.size(),
          all.stream().limit(3).map(t -> t.getInstrumentId() + "@" + t.getTsEvent()).toList());
    }
  }

  /** Kafka's view of the sinks' transactions: an ONGOING one would hold back read_committed. */
  private static void logTransactions() throws Exception {
    var admin = stack.kafka.admin();
    var listed = admin.listTransactions().all().get(10, TimeUnit.SECONDS);
    LOG.info(
        "transactions by state: {}",
        listed.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    t -> t.state().toString(), java.util.stream.Collectors.counting())));
    var ids = listed.stream().map(t -> t.transactionalId()).toList();
    admin
        .describeTransactions(ids)
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach(
            (id, d) ->
                LOG.debug(
                    "transaction {}: {} started {} partitions {}",
                    id,
                    d.state(),
                    d.transactionStartTimeMs(),
                    d.topicPartitions()));
  }

  /**
   * Produces the trades in chunks, keeping production at most about one failure ahead of the
   * injected failures so that all of them happen during the replay; if failures stall (the job
   * idles waiting for input), production goes on after a few seconds.
   */
  private static void replayPacedByFailures(List<TradeTick> trades) {
    int chunks = (trades.size() + CHUNK - 1) / CHUNK;
    long stalledSince = System.nanoTime();
    int lastFailures = 0;
    for (int i = 0; i < chunks; ) {
      int failures = FailureInjector.FAILURES.get();
      if (failures != lastFailures) {
        lastFailures = failures;
        stalledSince = System.nanoTime();
      }
      // All failures are due by 70% of the trades; the rest (and the pushers) come after them.
      boolean allowed = failures >= Math.min(FAILURES, (long) i * FAILURES / (chunks * 7 / 10));
      boolean stalled = System.nanoTime() - stalledSince > Duration.ofSeconds(4).toNanos();
      if (allowed || stalled || failures >= FAILURES) {
        stack.produce(trades.subList(i * CHUNK, Math.min(trades.size(), (i + 1) * CHUNK)));
        i++;
        if (!allowed) {
          stalledSince = System.nanoTime(); // one chunk per stall, then wait again
        }
      } else {
        // Wait for the next failure by polling its counter, with a bounded wait per round.
        long until = System.nanoTime() + Duration.ofMillis(50).toNanos();
        while (System.nanoTime() < until && FailureInjector.FAILURES.get() == failures) {
          Thread.onSpinWait();
        }
      }
    }
  }
}
