package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.avro.Bar;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A sink that dies or is stopped mid-stream and restarts leaves 0 duplicated and 0 missing rows.
 */
class SinkCrashIT extends WithSinkStack {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Thrown by the test hook: the process "dies" after a database commit. */
  static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash() {
      super("simulated crash between database commit and offset commit");
    }
  }

  @Test
  void aCrashBetweenDatabaseCommitAndOffsetCommitIsRepairedOnRestart() throws Exception {
    List<Bar> all = TestBars.series("CR", 4, 75);
    stack.send(all.subList(0, 200));
    AtomicInteger commits = new AtomicInteger();
    SinkService first = new SinkService(stack.config("cr", 20), new SimpleMeterRegistry());
    first.afterDatabaseCommit(
        () -> {
          if (commits.incrementAndGet() == 4) {
            throw new SimulatedCrash();
          }
        });
    first.start();
    await().atMost(WAIT).until(() -> first.state() == SinkService.State.FAILED);
    first.close();

    long stored = TestBars.rows(stack.db.dataSource(), "CR-").size();
    // The fourth batch is in the table but its offsets are not committed.
    assertThat(stored).isGreaterThan(stack.committedRecords("cr")).isLessThan(200);

    stack.send(all.subList(200, 300));
    try (SinkService second = stack.startSink("cr", 20)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("cr"));
    }
    assertThat(TestBars.rows(stack.db.dataSource(), "CR-"))
        .hasSize(300)
        .isEqualTo(TestBars.expectedRows(all));
  }

  @Test
  void aSinkStoppedMidStreamAndReplacedByANewInstanceMissesNothing() throws Exception {
    List<Bar> all = TestBars.series("ST", 5, 80);
    try (SinkService first = stack.startSink("st", 10)) {
      stack.send(all);
      await().atMost(WAIT).until(() -> !TestBars.rows(stack.db.dataSource(), "ST-").isEmpty());
    }
    assertThat(stack.caughtUp("st")).as("stopped before the end of the stream").isFalse();
    try (SinkService second = stack.startSink("st", 10)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("st"));
    }
    assertThat(TestBars.rows(stack.db.dataSource(), "ST-"))
        .hasSize(400)
        .isEqualTo(TestBars.expectedRows(all));
  }
}
