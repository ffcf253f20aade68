package io.tickstream.sink;

import java.util.Objects;

/**
 * What the sink stores and how TimescaleDB keeps it. Raw ticks can be switched off per table:
 * stored at full rate they compete with the pipeline for the same cores. {@code latest_prices},
 * bars, instruments and dead letters are always stored.
 *
 * @param storeTrades write every trade into {@code trades}
 * @param storeQuotes write every quote into {@code quotes} (md.quotes is not read when off)
 * @param trades hypertable policy of {@code trades}
 * @param quotes hypertable policy of {@code quotes}
 * @param bars hypertable policy of {@code bars}
 */
public record StorageOptions(
    boolean storeTrades,
    boolean storeQuotes,
    TablePolicy trades,
    TablePolicy quotes,
    TablePolicy bars) {

  /** Requires every policy. */
  public StorageOptions {
    Objects.requireNonNull(trades, "trades");
    Objects.requireNonNull(quotes, "quotes");
    Objects.requireNonNull(bars, "bars");
  }

  /** Every option at its default (see {@link SinkSetting}). */
  public static StorageOptions defaults() {
    return SinkConfig.defaults().storage();
  }
}
