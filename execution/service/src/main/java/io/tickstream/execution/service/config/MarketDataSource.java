package io.tickstream.execution.service.config;

/** Which topic marks positions, sets reference prices and fills paper orders. */
public enum MarketDataSource {
  /** {@code md.quotes}: bid/ask, the most realistic fills. */
  QUOTES,
  /** {@code md.trades}: both sides at the trade price. */
  TRADES,
  /** {@code md.bars}: the close of each bar (conservative, coarse). */
  BARS
}
