package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.jobs.AnalyticsJobConfig.StartingOffsets;
import io.tickstream.jobs.AnalyticsJobConfig.StateBackendKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsJobConfigTest {

  @Test
  void defaults() {
    AnalyticsJobConfig cfg = AnalyticsJobConfig.defaults();
    assertThat(cfg.resolutionsText()).isEqualTo("1s,1m,5m,1h,1d");
    assertThat(cfg.emptyBars()).isEqualTo(AnalyticsJobConfig.EmptyBars.SKIP);
    assertThat(cfg.stateTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(cfg.signalsDelivery()).isEqualTo(AnalyticsJobConfig.Delivery.EXACTLY_ONCE);
    assertThat(cfg.plan().hasSignals()).isFalse();
    assertThat(cfg.plan().featuresFor("ANY.X", "5m")).isTrue();
    assertThat(cfg.transactionalIdPrefix("bars")).isEqualTo("tickstream-analytics-bars");
    assertThat(cfg.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(2));
    assertThat(cfg.idleness()).isEqualTo(Duration.ofSeconds(5));
    assertThat(cfg.allowedLateness()).isZero();
    assertThat(cfg.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(cfg.stateBackend()).isEqualTo(StateBackendKind.HASHMAP);
    assertThat(cfg.transactionalIdPrefix()).isEqualTo("tickstream-analytics");
    assertThat(cfg.transactionTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(cfg.startingOffsets()).isEqualTo(StartingOffsets.EARLIEST);
    assertThat(cfg.parallelism()).isZero();
  }

  @Test
  void tickAndVolumeBarsAreResolutionsWithTheCoresWireSpec() {
    AnalyticsJobConfig cfg =
        AnalyticsJobConfig.fromMap(
            Map.of(
                "resolutions", "1m,100t,2500.5v",
                "strategy.x.type", "ma-crossover",
                "strategy.x.param.fast", "3",
                "strategy.x.param.slow", "8"));
    assertThat(cfg.resolutionsText()).isEqualTo("1m,tick-100,volume-2500.5");
    assertThat(cfg.thresholdBars())
        .extracting(ThresholdBarSpec::text)
        .containsExactly("tick-100", "volume-2500.5");
    assertThat(cfg.plan().strategiesFor("ANY.X", "tick-100")).hasSize(1);
    assertThat(AnalyticsJobConfig.fromMap(Map.of("resolutions", "tick-100")).resolutionsText())
        .isEqualTo("tick-100");
  }

  @Test
  void refusesABadTickBar() {
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("resolutions", "1m,0t")))
        .hasMessageContaining("'resolutions'")
        .hasMessageContaining("tick bar threshold must be > 0");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("resolutions", "1.5t")))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("resolutions", "10t,tick-10")))
        .hasMessageContaining("twice");
  }

  @Test
  void sampleFileHoldsEveryOptionAtItsDefault() throws Exception {
    Properties sample = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/analytics-job.properties")) {
      sample.load(in);
    }
    for (AnalyticsJobOption o : AnalyticsJobOption.values()) {
      assertThat(sample.getProperty(o.key())).as(o.key()).isEqualTo(o.defaultValue());
    }
    assertThat(sample.stringPropertyNames()).hasSize(AnalyticsJobOption.values().length);
  }

  @Test
  void commandLineOverridesTheConfigFileWhateverTheOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("job.properties");
    Files.writeString(file, "resolutions=5s, 1h\nallowed.lateness=3s\nstate.backend=rocksdb\n");
    AnalyticsJobConfig cfg =
        AnalyticsJobConfig.fromArgs(
            "--allowed.lateness", "500ms", "--config", file.toString(), "--parallelism", "4");
    assertThat(cfg.resolutionsText()).isEqualTo("5s,1h");
    assertThat(cfg.allowedLateness()).isEqualTo(Duration.ofMillis(500));
    assertThat(cfg.stateBackend()).isEqualTo(StateBackendKind.ROCKSDB);
    assertThat(cfg.parallelism()).isEqualTo(4);
    assertThat(AnalyticsJobConfig.fromProperties(file).allowedLateness())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void invalidValuesNameTheOption() {
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("resolutions", "1x")))
        .hasMessageContaining("'resolutions'")
        .hasMessageContaining("1x");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("resolutions", "60s,1m")))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("idleness", "-1s")))
        .hasMessageContaining("'idleness' '-1s'");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("state.backend", "memory")))
        .hasMessageContaining("[hashmap, rocksdb]");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("transaction.timeout", "20min")))
        .hasMessageContaining("15 minutes");
    assertThatThrownBy(
            () -> AnalyticsJobConfig.fromMap(Map.of("transactional.id.prefix", "has space")))
        .hasMessageContaining("transactional.id.prefix");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("checkpoint.interval", "soon")))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("bootstrap.server", "x:1")))
        .hasMessageContaining("unknown option 'bootstrap.server'");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromArgs("--parallelism"))
        .hasMessageContaining("--key value");
  }

  @Test
  void clusterConfigurationUsesFlink2Keys() {
    AnalyticsJobConfig cfg =
        AnalyticsJobConfig.fromMap(
            Map.of("checkpoint.interval", "1s", "checkpoint.dir", "file:///tmp/cp"));
    Configuration conf = AnalyticsJob.clusterConfiguration(cfg);
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE))
        .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///tmp/cp");
    assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
    assertThat(conf.get(PipelineOptions.OBJECT_REUSE)).isTrue();
    assertThat(conf.get(PipelineOptions.AUTO_WATERMARK_INTERVAL)).isEqualTo(Duration.ofMillis(10));
    assertThat(conf.toMap()).containsKeys("execution.checkpointing.interval", "state.backend.type");
  }

  @Test
  void watermarkIntervalIsSetAndMustBePositive() {
    AnalyticsJobConfig cfg = AnalyticsJobConfig.fromMap(Map.of("watermark.interval", "50ms"));
    assertThat(cfg.watermarkInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(AnalyticsJob.clusterConfiguration(cfg).get(PipelineOptions.AUTO_WATERMARK_INTERVAL))
        .isEqualTo(Duration.ofMillis(50));
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("watermark.interval", "0s")))
        .hasMessageContaining("watermark.interval")
        .hasMessageContaining("no bar would close");
  }
}
