package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.PortfolioSnapshot;

/**
 * Stores {@link Topics#PORTFOLIO_SNAPSHOTS} into table {@code equity_snapshots} (the equity curve):
 * one row per account and event time, the snapshot made last at that time winning. Mode, peak
 * equity and the counts of the snapshot have no column there.
 */
final class EquitySnapshotWriter implements TableWriter<PortfolioSnapshot> {

  @Override
  public Topic<String, PortfolioSnapshot> topic() {
    return Topics.PORTFOLIO_SNAPSHOTS;
  }

  @Override
  public String table() {
    return "equity_snapshots";
  }

  @Override
  public SinkSql.Upsert sql() {
    return TradingSql.EQUITY_SNAPSHOTS;
  }

  @Override
  public void columns(PortfolioSnapshot s, long kafkaTimestampMs, CopyLine line) {
    line.text(s.getAccountId())
        .epochNanos(s.getTsEvent())
        .decimal(s.getEquity())
        .decimal(s.getCash())
        .decimal(s.getGrossExposure())
        .epochNanos(s.getTsInit());
  }
}
