package io.tickstream.jobs;

import java.nio.file.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared set-up of the job ITs: a MiniCluster with two slots and a {@link JobStack} (broker and
 * registry) in a temporary directory, one of each per test class.
 */
abstract class WithJobStack {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir static Path dir;
  static JobStack stack;

  @BeforeAll
  static void startStack() {
    stack = JobStack.start(dir);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }
}
