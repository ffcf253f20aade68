package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.tickstream.schemas.avro.Bar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL stopped and restarted during writes: the sink waits, retries and catches up. */
class DatabaseOutageIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir static Path dir;
  static SinkStack stack;

  @BeforeAll
  static void up() {
    stack = new SinkStack(dir);
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void writesResumeAfterTheDatabaseComesBack() throws Exception {
    List<Bar> all = TestBars.series("PG", 4, 100);
    int port = stack.postgres.port();
    Path dataDir = stack.postgres.dataDir();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AtomicInteger commits = new AtomicInteger();
    CountDownLatch stopped = new CountDownLatch(1);
    try (SinkService sink = new SinkService(stack.config("pg", 20), meters)) {
      // Stop the server right after the third transaction, on the sink's own thread: the outage
      // hits in the middle of the stream, whatever the timing of the machine.
      sink.afterDatabaseCommit(
          () -> {
            if (commits.incrementAndGet() == 3) {
              stack.postgres.close();
              stopped.countDown();
            }
          });
      sink.start();
      stack.send(all.subList(0, 200));
      assertThat(stopped.await(60, TimeUnit.SECONDS)).isTrue();
      stack.send(all.subList(200, 400));

      await().atMost(WAIT).until(() -> sink.state() == SinkService.State.RETRYING);
      long committedAtOutage = stack.committedRecords("pg");
      await()
          .atMost(WAIT)
          .until(() -> meters.get("tickstream.sink.retries").counter().count() >= 3);
      assertThat(stack.committedRecords("pg"))
          .as("no offsets advance while down")
          .isEqualTo(committedAtOutage);
      assertThat(committedAtOutage).isLessThan(400);

      stack.postgres = EmbeddedPostgres.start(port, dataDir);
      await().atMost(WAIT).until(() -> stack.caughtUp("pg"));
      assertThat(sink.state()).isEqualTo(SinkService.State.RUNNING);
    }
    assertThat(TestBars.rows(stack.postgres.dataSource(), "PG-"))
        .hasSize(400)
        .isEqualTo(TestBars.expectedRows(all));
  }
}
