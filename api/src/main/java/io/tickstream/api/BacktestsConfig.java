package io.tickstream.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backtests run by the API ({@code POST /api/v1/backtests}): a fixed pool of worker threads with a
 * bounded queue, and caps per request and per user. The body's shape (instruments and parameter
 * counts, value lengths) is capped by the OpenAPI schema.
 *
 * @param workers backtests running at once ({@code backtest.workers}, default 2)
 * @param queueSize accepted backtests waiting for a worker; beyond it 503 ({@code
 *     backtest.queue.size}, default 16)
 * @param maxDays largest {@code to - from} of one backtest in days ({@code backtest.max.days},
 *     default 366)
 * @param maxActivePerUser queued or running backtests one user may have; beyond it 429 ({@code
 *     backtest.max.active.per.user}, default 4)
 */
public record BacktestsConfig(int workers, int queueSize, int maxDays, int maxActivePerUser) {

  /** Every key with its description. */
  public static final Map<String, String> DESCRIPTIONS = descriptions();

  /** Validates every field; messages name the key. */
  public BacktestsConfig {
    ConfigValues.requireRange(workers, 1, 64, "backtest.workers");
    ConfigValues.requireRange(queueSize, 0, 10_000, "backtest.queue.size");
    ConfigValues.requireRange(maxDays, 1, 36_500, "backtest.max.days");
    ConfigValues.requireRange(maxActivePerUser, 1, 10_000, "backtest.max.active.per.user");
  }

  /** The defaults. */
  public static BacktestsConfig defaults() {
    return new BacktestsConfig(2, 16, 366, 4);
  }

  static BacktestsConfig from(ConfigValues v) {
    BacktestsConfig d = defaults();
    return new BacktestsConfig(
        v.integer("backtest.workers", d.workers),
        v.integer("backtest.queue.size", d.queueSize),
        v.integer("backtest.max.days", d.maxDays),
        v.integer("backtest.max.active.per.user", d.maxActivePerUser));
  }

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("backtest.workers", "backtests running at once, 1..64 (default 2)");
    d.put(
        "backtest.queue.size", "backtests waiting for a worker before 503, 0..10000 (default 16)");
    d.put("backtest.max.days", "largest to-from span of one backtest in days (default 366)");
    d.put(
        "backtest.max.active.per.user",
        "queued or running backtests per user before 429 (default 4)");
    return Collections.unmodifiableMap(d);
  }
}
