package io.tickstream.execution.backtest.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs independent tasks on a caller's executor and waits for all of them. The core starts no
 * threads of its own (so Flink or a CLI decides the parallelism); results come back in task order
 * whatever the executor's order, which is what makes sweeps deterministic.
 */
final class ParallelRuns {

  private ParallelRuns() {}

  /** The tasks' results in task order; the first failure is rethrown after all have finished. */
  static <T> List<T> run(List<? extends Supplier<T>> tasks, Executor executor) {
    int n = tasks.size();
    Object[] results = new Object[n];
    Object lock = new Object();
    int[] remaining = {n};
    Throwable[] failure = {null};
    for (int i = 0; i < n; i++) {
      int index = i;
      Supplier<T> task = tasks.get(i);
      executor.execute(
          () -> {
            Object value = null;
            Throwable error = null;
            try {
              value = task.get();
            } catch (Throwable t) {
              error = t;
            }
            // Publishing under the lock makes each result visible to the waiting thread.
            synchronized (lock) {
              results[index] = value;
              if (error != null && failure[0] == null) {
                failure[0] = error;
              }
              remaining[0]--;
              lock.notifyAll();
            }
          });
    }
    synchronized (lock) {
      while (remaining[0] > 0) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for sweep runs", e);
        }
      }
      if (failure[0] instanceof RuntimeException r) {
        throw r;
      }
      if (failure[0] instanceof Error e) {
        throw e;
      }
      if (failure[0] != null) {
        throw new IllegalStateException(failure[0]);
      }
      @SuppressWarnings("unchecked")
      List<T> out = (List<T>) new ArrayList<>(Arrays.asList(results));
      return out;
    }
  }
}
