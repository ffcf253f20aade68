package io.tickstream.ingest.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command wait for Ctrl-C (SIGINT/SIGTERM) and finish its clean-up before the
 * JVM exits: the shutdown hook releases {@link #await()} and then waits for {@link #cleanedUp()}.
 */
final class ShutdownSignal {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);

  ShutdownSignal(String name) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    done.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                name + "-shutdown"));
  }

  /** Blocks until the JVM is asked to stop. */
  void await() throws InterruptedException {
    stop.await();
  }

  /** Tells the hook the command has closed its resources. */
  void cleanedUp() {
    done.countDown();
  }
}
