package io.tickstream.infra.stack;

import io.tickstream.infra.embedded.FreePorts;
import io.tickstream.jobs.AnalyticsJob;
import io.tickstream.jobs.AnalyticsJobConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics job on a Flink MiniCluster with the web dashboard. It stops with a savepoint and,
 * on the next start, resumes from the newest savepoint or retained checkpoint, so bars that were
 * open at shutdown are completed rather than lost.
 */
final class FlinkPart implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlinkPart.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final JobClient job;
  private final int port;
  private final Path savepoints;

  private FlinkPart(JobClient job, int port, Path savepoints) {
    this.job = job;
    this.port = port;
    this.savepoints = savepoints;
  }

  static FlinkPart start(StackConfig config, String bootstrap, String registryUrl) {
    Path checkpoints = config.home().resolve("flink/checkpoints");
    Path savepoints = config.home().resolve("flink/savepoints");
    AnalyticsJobConfig job =
        AnalyticsJobConfig.fromMap(
            Map.ofEntries(
                Map.entry("bootstrap.servers", bootstrap),
                Map.entry("registry.url", registryUrl),
                Map.entry("resolutions", String.join(",", config.resolutions())),
                Map.entry("parallelism", "2"),
                Map.entry("checkpoint.interval", "2s"),
                Map.entry("checkpoint.dir", checkpoints.toUri().toString()),
                // A demo strategy set, so the stack emits signals as well as bars and features.
                Map.entry("strategy.ma-cross.type", "ma-crossover"),
                Map.entry("strategy.ma-cross.param.fast", "10"),
                Map.entry("strategy.ma-cross.param.slow", "30"),
                Map.entry("strategy.rsi.type", "rsi-mean-reversion"),
                Map.entry("strategy.rsi.param.period", "14")));
    int port = config.flinkPort() == 0 ? FreePorts.pick() : config.flinkPort();
    Configuration conf = AnalyticsJob.clusterConfiguration(job);
    conf.set(RestOptions.PORT, port);
    conf.set(RestOptions.BIND_ADDRESS, "localhost");
    // A laptop-sized MiniCluster: the job keeps small keyed state on the heap.
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(32));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(32));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(32));
    latestSnapshot(savepoints, checkpoints)
        .ifPresent(
            p -> {
              LOG.info("resuming the analytics job from {}", p);
              conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString());
            });
    var env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    AnalyticsJob.define(env, job);
    try {
      JobClient client = env.executeAsync(AnalyticsJob.JOB_NAME);
      awaitRunning(client);
      return new FlinkPart(client, port, savepoints);
    } catch (Exception e) {
      throw new IllegalStateException("the analytics job did not start: " + e.getMessage(), e);
    }
  }

  private static void awaitRunning(JobClient client) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JobStatus status = client.getJobStatus().get(10, TimeUnit.SECONDS);
      if (status == JobStatus.RUNNING) {
        return;
      }
      if (status.isGloballyTerminalState()) {
        throw new IllegalStateException("job ended as " + status);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    throw new IllegalStateException("job not RUNNING after " + START_TIMEOUT.toSeconds() + " s");
  }

  /** Newest savepoint or completed checkpoint (a directory with a {@code _metadata} file). */
  static Optional<Path> latestSnapshot(Path... roots) {
    return Stream.of(roots)
        .filter(Files::isDirectory)
        .flatMap(FlinkPart::metadataFiles)
        .max(Comparator.comparingLong(FlinkPart::modified))
        .map(Path::getParent);
  }

  private static Stream<Path> metadataFiles(Path root) {
    try (Stream<Path> files = Files.walk(root, 3)) {
      return files.filter(p -> p.getFileName().toString().equals("_metadata")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  String dashboardUrl() {
    return "http://localhost:" + port;
  }

  String jobName() {
    return AnalyticsJob.JOB_NAME;
  }

  @Override
  public void close() throws Exception {
    try {
      String path =
          job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
              .get(60, TimeUnit.SECONDS);
      LOG.info("analytics job stopped with savepoint {}", path);
    } catch (Exception e) {
      LOG.warn(
          "stop-with-savepoint failed ({}); cancelling, the next start resumes from the last"
              + " checkpoint",
          e.toString());
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }
}
