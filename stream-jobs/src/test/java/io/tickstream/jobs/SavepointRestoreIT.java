package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.jobs.AnalyticsJobIT.Collected;
import io.tickstream.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stop-with-savepoint in the middle of the trades, then a new job restored from that savepoint
 * (RocksDB state backend): the outputs of both runs together equal an uninterrupted run.
 */
class SavepointRestoreIT extends WithJobStack {
  private static final Logger LOG = LoggerFactory.getLogger(SavepointRestoreIT.class);

  @Test
  void stopWithSavepointAndRestoreGivesTheUninterruptedOutput() throws Exception {
    TradeScenario scenario =
        TradeScenario.generate(20260503L, 40_000, AnalyticsJobIT.INSTRUMENTS, 8, 1_500);
    var options = AnalyticsJobIT.withCheckpointEvery("1s");
    options.put("state.backend", "rocksdb");
    AnalyticsJobConfig cfg =
        AnalyticsJobConfig.fromMap(stack.options(dir, "savepoint-it", options));
    ReferenceAnalytics expected = new ReferenceAnalytics(scenario, cfg);
    int half = scenario.trades.size() / 2;
    stack.produce(scenario.trades.subList(0, half));

    JobClient first = submit(AnalyticsJob.clusterConfiguration(cfg), cfg);
    String savepoint;
    try (var bars = stack.committed(Topics.BARS)) {
      // Wait for committed output: the first run has done real work before it stops.
      List<Object> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (seen.size() < 200 && System.nanoTime() < deadline) {
        JobStack.pollInto(bars, seen::add);
      }
      assertThat(seen).hasSizeGreaterThanOrEqualTo(200);
      savepoint =
          first
              .stopWithSavepoint(
                  false,
                  dir.resolve("savepoints").toUri().toString(),
                  SavepointFormatType.CANONICAL)
              .get(60, TimeUnit.SECONDS);
    }
    LOG.info("stopped with savepoint {}", savepoint);

    stack.produce(
        AnalyticsJobIT.concat(
            scenario.trades.subList(half, scenario.trades.size()), scenario.watermarkPushers));
    Configuration restore = AnalyticsJob.clusterConfiguration(cfg);
    restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    JobClient second = submit(restore, cfg);
    Collected actual;
    try {
      actual = Collected.read(stack, expected, Duration.ofSeconds(120));
    } finally {
      second.cancel().get(30, TimeUnit.SECONDS);
    }
    actual.assertEqualTo(expected, LOG);
  }

  private static JobClient submit(Configuration conf, AnalyticsJobConfig cfg) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    AnalyticsJob.define(env, cfg);
    return env.executeAsync(AnalyticsJob.JOB_NAME);
  }
}
