package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.OrderEventType;
import io.tickstream.schemas.avro.OrderSideCode;
import io.tickstream.schemas.avro.PortfolioSnapshot;
import io.tickstream.schemas.avro.PositionState;
import io.tickstream.schemas.avro.TradingModeCode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Order events, positions and portfolio snapshots land exactly once: order events numbered per
 * order, orders folded from them (status, filled quantity, average fill price), positions at their
 * latest record with tombstones deleting, the last snapshot per time winning; an event or tombstone
 * the tables refuse becomes one dead letter each; a second consumer group re-reading everything
 * changes no row (not even its row version); a crash between the database commit and the offset
 * commit is repaired on restart. Expected rows are worked out by hand from the input.
 */
class TradingExactlyOnceIT extends WithSinkStack {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long T0 = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
  private static final long SECOND = 1_000_000_000L;
  private static final long T0_MICROS = T0 / 1_000;

  private static OrderEvent.Builder event(
      String account, String order, OrderEventType type, int second) {
    return OrderEvent.newBuilder()
        .setEventType(type)
        .setAccountId(account)
        .setClientOrderId(order)
        .setInstrumentId("BTC.SIM")
        .setTsEvent(T0 + second * SECOND)
        .setTsInit(T0 + second * SECOND + 1_000);
  }

  private static OrderEvent submitted(
      String account, String order, OrderSideCode side, String type, String qty, int second) {
    return event(account, order, OrderEventType.SUBMITTED, second)
        .setSignalId("sig-" + order)
        .setStrategyId("ma")
        .setSide(side)
        .setOrderType(type)
        .setTimeInForce("GTC")
        .setQuantity(dec(qty))
        .setLimitPrice(type.equals("LIMIT") ? dec("100") : null)
        .build();
  }

  private static OrderEvent filled(
      String account, String order, String qty, String px, String leaves, int second) {
    return event(account, order, OrderEventType.FILLED, second)
        .setSide(order.equals("O2") ? OrderSideCode.SELL : OrderSideCode.BUY)
        .setTradeId("t-" + order + "-" + second + "-" + qty)
        .setLastQty(dec(qty))
        .setLastPx(dec(px))
        .setCommission(dec("0.1"))
        .setLeavesQty(dec(leaves))
        .build();
  }

  private static BigDecimal dec(String v) {
    return new BigDecimal(v).setScale(8);
  }

  /** Five orders of {@code account}, and one event of a type the table does not know. */
  private static List<OrderEvent> orderEvents(String account) {
    return List.of(
        submitted(account, "O1", OrderSideCode.BUY, "LIMIT", "2", 1),
        event(account, "O1", OrderEventType.ACCEPTED, 1).setVenueOrderId("v1").build(),
        filled(account, "O1", "0.5", "99.5", "1.5", 2),
        submitted(account, "O2", OrderSideCode.SELL, "MARKET", "3", 3),
        filled(account, "O1", "1.5", "100", "0", 4),
        event(account, "O2", OrderEventType.ACCEPTED, 3).build(),
        event(account, "O3", OrderEventType.DENIED, 5)
            .setSignalId("sig-O3")
            .setDenialReason("MISSING_REFERENCE_PRICE")
            .setReason("no market price seen yet")
            .build(),
        // Sized, then denied by a risk rule: the denial carries the order's terms.
        event(account, "O6", OrderEventType.DENIED, 5)
            .setSignalId("sig-O6")
            .setStrategyId("ma")
            .setSide(OrderSideCode.SELL)
            .setOrderType("LIMIT")
            .setTimeInForce("DAY")
            .setQuantity(dec("99"))
            .setLimitPrice(dec("100.5"))
            .setDenialReason("MAX_ORDER_QUANTITY")
            .setReason("quantity 99 > 10")
            .build(),
        filled(account, "O2", "1", "101", "2", 6),
        event(account, "O5", OrderEventType.UNKNOWN, 6).build(),
        submitted(account, "O4", OrderSideCode.BUY, "MARKET", "2", 7),
        // Two equal partial fills of one venue report: the same times, price and quantity.
        filled(account, "O4", "1", "100", "1", 8),
        filled(account, "O4", "1", "100", "0", 8));
  }

  /** Hand-worked: account, order, seq, type, ts_event micros after T0, fill, reason. */
  private static List<String> expectedEvents(String a) {
    return sorted(
        a + "|O1|0|SUBMITTED|1000000|||",
        a + "|O1|1|ACCEPTED|1000000|||",
        a + "|O1|2|FILLED|2000000|99.50000000|0.50000000|",
        a + "|O1|3|FILLED|4000000|100.00000000|1.50000000|",
        a + "|O2|0|SUBMITTED|3000000|||",
        a + "|O2|1|ACCEPTED|3000000|||",
        a + "|O2|2|FILLED|6000000|101.00000000|1.00000000|",
        a + "|O3|0|DENIED|5000000|||MISSING_REFERENCE_PRICE",
        a + "|O6|0|DENIED|5000000|||MAX_ORDER_QUANTITY",
        a + "|O4|0|SUBMITTED|7000000|||",
        a + "|O4|1|FILLED|8000000|100.00000000|1.00000000|",
        a + "|O4|2|FILLED|8000000|100.00000000|1.00000000|");
  }

  /**
   * Hand-worked: O1 bought 0.5 at 99.5 and 1.5 at 100, (49.75 + 150) / 2 = 99.875; O2 filled 1 of
   * 3; O3 denied before it was sized has no terms; O6 denied after sizing keeps its terms; O4
   * filled 1 + 1 at 100.
   */
  private static List<String> expectedOrders(String a) {
    return sorted(
        a
            + "|O1|sig-O1|BUY|LIMIT|2.00000000|100.00000000|GTC|FILLED|2.00000000|99.87500000"
            + "|1000000|4000000",
        a
            + "|O2|sig-O2|SELL|MARKET|3.00000000||GTC|PARTIALLY_FILLED|1.00000000|101.00000000"
            + "|3000000|6000000",
        a + "|O3|sig-O3||||||DENIED|0.00000000||5000000|5000000",
        a + "|O6|sig-O6|SELL|LIMIT|99.00000000|100.50000000|DAY|DENIED|0.00000000||5000000|5000000",
        a
            + "|O4|sig-O4|BUY|MARKET|2.00000000||GTC|FILLED|2.00000000|100.00000000"
            + "|7000000|8000000");
  }

  private static PositionState position(String account, String instrument, String qty, int s) {
    return PositionState.newBuilder()
        .setAccountId(account)
        .setInstrumentId(instrument)
        .setQuantity(dec(qty))
        .setAvgCost(dec("100"))
        .setRealizedPnl(dec("1.5"))
        .setUnrealizedPnl(dec("-2"))
        .setCash(dec("1000"))
        .setTsEvent(T0 + s * SECOND)
        .setTsInit(T0 + s * SECOND + 1_000)
        .build();
  }

  /** A snapshot; {@code gross} null as in records written before the field existed. */
  private static PortfolioSnapshot snapshot(
      String account, String equity, String gross, int second, int madeUs) {
    return PortfolioSnapshot.newBuilder()
        .setAccountId(account)
        .setCurrency("USD")
        .setMode(TradingModeCode.NORMAL)
        .setCash(dec("900"))
        .setEquity(dec(equity))
        .setPeakEquity(dec("1000"))
        .setGrossExposure(gross == null ? null : dec(gross))
        .setOpenPositions(1)
        .setWorkingOrders(0)
        .setTsEvent(T0 + second * SECOND)
        .setTsInit(T0 + second * SECOND + madeUs * 1_000L)
        .build();
  }

  private static void sendPortfolio(String a) {
    stack.sendTo(
        Topics.POSITIONS,
        List.of(
            position(a, "AAA", "0.5", 1),
            position(a, "BBB", "1", 1),
            position(a, "AAA", "2", 2),
            position(a, "CCC", "-3", 3)),
        p -> p.getAccountId() + "|" + p.getInstrumentId());
    stack.sendRaw(Topics.POSITIONS.name(), a + "|BBB", null); // BBB closed and compacted away
    stack.sendTo(
        Topics.PORTFOLIO_SNAPSHOTS,
        List.of(
            snapshot(a, "1000", null, 1, 1),
            snapshot(a, "990", "90", 2, 1),
            // A mode change at the same event time, made later: it wins.
            snapshot(a, "995", "95", 2, 2),
            snapshot(a, "1010", "110", 3, 1)),
        s -> s.getAccountId().toString());
  }

  private static List<String> expectedPositions(String a) {
    return sorted(
        a + "|AAA|2.00000000|100.00000000|1.50000000|-2.00000000|2000000",
        a + "|CCC|-3.00000000|100.00000000|1.50000000|-2.00000000|3000000");
  }

  private static List<String> expectedSnapshots(String a) {
    return sorted(
        a + "|1000000|1000.00000000|900.00000000|",
        a + "|2000000|995.00000000|900.00000000|95.00000000",
        a + "|3000000|1010.00000000|900.00000000|110.00000000");
  }

  @Test
  void tradingTopicsLandOnceAndARedeliveryChangesNoRow() throws Exception {
    String a = "ACC-T";
    stack.sendTo(Topics.ORDER_EVENTS, orderEvents(a), e -> e.getAccountId().toString());
    sendPortfolio(a);
    stack.sendRaw(Topics.POSITIONS.name(), "no-separator", null);

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (SinkService sink = new SinkService(stack.config("tr-1", 4), meters)) {
      sink.start();
      await().atMost(WAIT).until(() -> stack.caughtUp("tr-1"));
    }
    for (String table : List.of("order_events", "orders", "positions", "equity_snapshots")) {
      assertThat(meters.find("tickstream.sink.rows.written").tag("table", table).counter())
          .as("rows written to %s", table)
          .satisfies(c -> assertThat(c.count()).isPositive());
      assertThat(meters.find("tickstream.sink.table.write.latency").tag("table", table).timer())
          .as("write latency of %s", table)
          .satisfies(t -> assertThat(t.count()).isPositive());
    }
    assertThat(meters.find("tickstream.sink.batch.size").summary().count()).isPositive();
    assertThat(meters.find("tickstream.sink.batch.latency").timer().count()).isPositive();
    assertThat(meters.find("tickstream.sink.consumer.lag").gauge()).isNotNull();
    assertThat(meters.find("tickstream.sink.retries").counter()).isNotNull();
    DataSource db = stack.db.dataSource();
    assertThat(eventRows(db, a)).isEqualTo(expectedEvents(a));
    assertThat(orderRows(db, a)).isEqualTo(expectedOrders(a));
    assertThat(positionRows(db, a)).isEqualTo(expectedPositions(a));
    assertThat(snapshotRows(db, a)).isEqualTo(expectedSnapshots(a));
    assertThat(stack.deadLetters())
        .filteredOn(d -> d.getReasonCode().equals("DB_REJECTED"))
        .extracting(d -> d.getSourceTopic().toString())
        .containsExactlyInAnyOrder(Topics.ORDER_EVENTS.name(), Topics.POSITIONS.name());
    List<String> versions = rowVersions(db);

    try (SinkService again = stack.startSink("tr-2", 7)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("tr-2"));
    }
    assertThat(eventRows(db, a)).isEqualTo(expectedEvents(a));
    assertThat(orderRows(db, a)).isEqualTo(expectedOrders(a));
    assertThat(positionRows(db, a)).isEqualTo(expectedPositions(a));
    assertThat(snapshotRows(db, a)).isEqualTo(expectedSnapshots(a));
    // BBB's record is before its tombstone: a group replaying them in separate batches writes
    // and deletes it again, so only the rows that exist at the end are compared by version.
    assertThat(rowVersions(db)).isEqualTo(versions);
  }

  @Test
  void aCrashBetweenDatabaseCommitAndOffsetCommitIsRepairedOnRestart() throws Exception {
    String a = "ACC-C";
    List<OrderEvent> events = new ArrayList<>(orderEvents(a));
    events.removeIf(e -> e.getEventType() == OrderEventType.UNKNOWN);
    stack.sendTo(Topics.ORDER_EVENTS, events, e -> e.getAccountId().toString());
    sendPortfolio(a);
    AtomicInteger commits = new AtomicInteger();
    SinkService first = new SinkService(stack.config("tc", 3), new SimpleMeterRegistry());
    first.afterDatabaseCommit(
        () -> {
          if (commits.incrementAndGet() == 3) {
            throw new SinkCrashIT.SimulatedCrash();
          }
        });
    first.start();
    await().atMost(WAIT).until(() -> first.state() == SinkService.State.FAILED);
    first.close();
    DataSource db = stack.db.dataSource();
    assertThat(stack.caughtUp("tc")).isFalse();

    try (SinkService second = stack.startSink("tc", 3)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("tc"));
    }
    assertThat(eventRows(db, a)).isEqualTo(expectedEvents(a));
    assertThat(orderRows(db, a)).isEqualTo(expectedOrders(a));
    assertThat(positionRows(db, a)).isEqualTo(expectedPositions(a));
    assertThat(snapshotRows(db, a)).isEqualTo(expectedSnapshots(a));
  }

  private static List<String> eventRows(DataSource db, String account) throws Exception {
    return rows(
        db,
        "SELECT account_id, client_order_id, seq, event_type, "
            + micros("ts_event")
            + ", fill_price, fill_quantity, reason FROM order_events WHERE account_id = ?",
        account);
  }

  private static List<String> orderRows(DataSource db, String account) throws Exception {
    return rows(
        db,
        "SELECT account_id, client_order_id, signal_id, side, order_type, quantity, limit_price,"
            + " time_in_force, status, filled_quantity, avg_fill_price, "
            + micros("created_at")
            + ", "
            + micros("updated_at")
            + " FROM orders WHERE account_id = ?",
        account);
  }

  private static List<String> positionRows(DataSource db, String account) throws Exception {
    return rows(
        db,
        "SELECT account_id, instrument_id, quantity, avg_price, realized_pnl, unrealized_pnl, "
            + micros("ts_event")
            + " FROM positions WHERE account_id = ?",
        account);
  }

  private static List<String> snapshotRows(DataSource db, String account) throws Exception {
    return rows(
        db,
        "SELECT account_id, "
            + micros("ts_event")
            + ", equity, cash, gross_exposure FROM equity_snapshots WHERE account_id = ?",
        account);
  }

  /** The row version (xmin) of every row of the four tables: unchanged when nothing is written. */
  private static List<String> rowVersions(DataSource db) throws Exception {
    List<String> out = new ArrayList<>();
    for (String table : List.of("order_events", "orders", "positions", "equity_snapshots")) {
      out.addAll(rows(db, "SELECT '" + table + "', xmin::text, ctid::text FROM " + table));
    }
    return out;
  }

  /** Microseconds after T0 (2026-01-01T00:00Z). */
  private static String micros(String column) {
    return "((extract(epoch FROM " + column + ") * 1000000)::bigint - " + T0_MICROS + ")";
  }

  private static List<String> rows(DataSource db, String sql, String... params) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setString(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> cols = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            String v = rs.getString(i);
            cols.add(v == null ? "" : v);
          }
          out.add(String.join("|", cols));
        }
      }
    }
    return sorted(out.toArray(String[]::new));
  }

  private static List<String> sorted(String... rows) {
    List<String> out = new ArrayList<>(List.of(rows));
    out.sort(null);
    return out;
  }
}
