package io.tickstream.api.backtest;

import io.tickstream.api.ApiException;
import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.store.BacktestStore;
import io.tickstream.execution.backtest.store.DatabaseBacktest;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs accepted backtests on a fixed pool of worker threads behind a bounded queue, recording each
 * run's state in the {@link BacktestStore}. Every method blocks on JDBC: call it off the event
 * loop.
 *
 * <p>Admission: a user with {@code maxActivePerUser} queued or running backtests gets 429; a full
 * queue gets 503. Either way nothing is stored, or the stored run is marked FAILED with the reason,
 * so an accepted (202) run always ends SUCCEEDED or FAILED.
 */
public final class BacktestWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BacktestWorkers.class);
  private static final long RETRY_AFTER_SECONDS = 10;

  private final DataSource db;
  private final BacktestStore store;
  private final Clock clock;
  private final ThreadPoolExecutor pool;
  private final int maxActivePerUser;
  private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();

  /**
   * @param workers threads
   * @param queueSize runs waiting for a thread (0: none wait)
   * @param maxActivePerUser queued or running runs per user
   */
  public BacktestWorkers(
      DataSource db, Clock clock, int workers, int queueSize, int maxActivePerUser) {
    this.db = db;
    this.store = new BacktestStore(db);
    this.clock = clock;
    this.maxActivePerUser = maxActivePerUser;
    BlockingQueue<Runnable> queue =
        queueSize == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueSize);
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            queue,
            r -> {
              Thread t = new Thread(r, "backtest-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** The store the runs are recorded in. */
  public BacktestStore store() {
    return store;
  }

  /**
   * Stores {@code request} as QUEUED for {@code user} and queues it.
   *
   * @return the run id
   * @throws ApiException 429 when the user has too many active runs, 503 when the queue is full
   */
  public UUID submit(BacktestRequest request, String user) {
    AtomicInteger mine = active.computeIfAbsent(user, u -> new AtomicInteger());
    if (mine.incrementAndGet() > maxActivePerUser) {
      mine.decrementAndGet();
      throw ApiException.tooManyActive(
          "you have " + maxActivePerUser + " backtests queued or running; wait for one to finish",
          RETRY_AFTER_SECONDS);
    }
    if (pool.getQueue().remainingCapacity() == 0
        && pool.getActiveCount() >= pool.getMaximumPoolSize()) {
      mine.decrementAndGet();
      throw busy();
    }
    UUID id;
    try {
      id = store.create(request, user, clock.instant());
    } catch (RuntimeException e) {
      mine.decrementAndGet();
      throw e;
    }
    try {
      pool.execute(() -> run(id, request, mine));
    } catch (RejectedExecutionException e) {
      // Filled up between the check and here.
      mine.decrementAndGet();
      store.markFailed(id, "rejected: the backtest queue is full", clock.instant());
      throw busy();
    }
    return id;
  }

  private ApiException busy() {
    return ApiException.busy(
        "the backtest queue is full ("
            + pool.getQueue().size()
            + " waiting, "
            + pool.getActiveCount()
            + " running); retry later",
        RETRY_AFTER_SECONDS);
  }

  private void run(UUID id, BacktestRequest request, AtomicInteger mine) {
    BacktestResult result = null;
    RuntimeException failure = null;
    try {
      store.markRunning(id, clock.instant());
      result = DatabaseBacktest.run(db, request, BacktestProgress.NONE);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      // Before the final write: once a client sees the run finished, it may submit the next.
      mine.decrementAndGet();
    }
    try {
      if (failure == null) {
        store.saveResult(id, result, clock.instant());
        LOG.info("backtest {} done: {} bars, {} trades", id, result.bars(), result.trades().size());
      } else {
        LOG.warn("backtest {} failed: {}", id, failure.toString());
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        store.markFailed(id, reason, clock.instant());
      }
    } catch (RuntimeException e) {
      LOG.error("backtest {}: cannot record its end: {}", id, e.toString());
    }
  }

  /** Backtests waiting for a worker. */
  public int queued() {
    return pool.getQueue().size();
  }

  /** Stops the workers; runs still going are interrupted and stay RUNNING in the store. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
