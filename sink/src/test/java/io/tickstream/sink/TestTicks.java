package io.tickstream.sink;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Trades and quotes for tests, and the rows tables trades, quotes and latest_prices should hold.
 */
final class TestTicks {
  private TestTicks() {}

  /** Three hours ago, on a minute: recent enough for any retention policy, on whole minutes. */
  static final long T0 =
      Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).getEpochSecond()
          * 1_000_000_000L;

  static final long SECOND = 1_000_000_000L;

  static TradeTick trade(String instrument, long n, String price) {
    return TradeTick.newBuilder()
        .setInstrumentId(instrument)
        .setPrice(TestBars.dec(price))
        .setSize(TestBars.dec(String.valueOf(1 + n % 5)))
        .setAggressorSide(n % 2 == 0 ? AggressorSide.BUYER : AggressorSide.SELLER)
        .setTradeId("t" + n)
        .setTsEvent(T0 + n * 7 * SECOND + 1_234) // several trades per minute, sub-micro dropped
        .setTsInit(T0 + n * 7 * SECOND + 5_000_000L)
        .build();
  }

  /** {@code count} trades per instrument {@code prefix-0..}, in time order. */
  static List<TradeTick> trades(String prefix, int instruments, int count) {
    List<TradeTick> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      for (int i = 0; i < instruments; i++) {
        out.add(trade(prefix + "-" + i, n, (100 + n % 13) + "." + (i + 1)));
      }
    }
    return out;
  }

  static QuoteTick quote(String instrument, long tsEvent, String bid) {
    BigDecimal b = TestBars.dec(bid);
    return QuoteTick.newBuilder()
        .setInstrumentId(instrument)
        .setBidPrice(b)
        .setAskPrice(b.add(TestBars.dec("0.01")))
        .setBidSize(TestBars.dec("3"))
        .setAskSize(TestBars.dec("4"))
        .setTsEvent(tsEvent)
        .setTsInit(tsEvent + 1_000_000L)
        .build();
  }

  /** {@code count} quotes per instrument; every fourth shares its microsecond with the previous. */
  static List<QuoteTick> quotes(String prefix, int instruments, int count) {
    List<QuoteTick> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      long ts = T0 + (n - (n % 4 == 3 ? 1 : 0)) * SECOND;
      for (int i = 0; i < instruments; i++) {
        out.add(quote(prefix + "-" + i, ts, (50 + n) + "." + i));
      }
    }
    return out;
  }

  static String micros(long nanos) {
    return String.valueOf(Math.floorDiv(nanos, 1000L));
  }

  static String tradeRow(TradeTick t) {
    return String.join(
        "|",
        t.getInstrumentId(),
        t.getTradeId(),
        micros(t.getTsEvent()),
        t.getPrice().toPlainString(),
        t.getSize().toPlainString(),
        t.getAggressorSide().name(),
        micros(t.getTsInit()));
  }

  /** Expected trades rows: one per (instrument, trade id), sorted like {@link #tradeRows}. */
  static List<String> expectedTrades(List<TradeTick> trades) {
    TreeMap<String, String> rows = new TreeMap<>();
    for (TradeTick t : trades) {
      rows.putIfAbsent(
          t.getInstrumentId() + "|" + micros(t.getTsEvent()) + "|" + t.getTradeId(), tradeRow(t));
    }
    return new ArrayList<>(rows.values());
  }

  static List<String> tradeRows(DataSource db, String prefix) throws SQLException {
    return query(
        db,
        "SELECT instrument_id, trade_id, (extract(epoch FROM ts_event) * 1000000)::bigint, price,"
            + " size, aggressor_side, (extract(epoch FROM ts_init) * 1000000)::bigint FROM trades"
            + " WHERE starts_with(instrument_id, ?) ORDER BY instrument_id, ts_event, trade_id",
        prefix);
  }

  /** Expected quote rows: distinct quotes numbered per instrument and microsecond in send order. */
  static List<String> expectedQuotes(List<QuoteTick> quotes) {
    Map<String, List<String>> byMicro = new TreeMap<>();
    for (QuoteTick q : quotes) {
      String values =
          String.join(
              "|",
              q.getBidPrice().toPlainString(),
              q.getAskPrice().toPlainString(),
              q.getBidSize().toPlainString(),
              q.getAskSize().toPlainString(),
              micros(q.getTsInit()));
      List<String> seen =
          byMicro.computeIfAbsent(
              q.getInstrumentId() + "|" + micros(q.getTsEvent()), k -> new ArrayList<>());
      if (!seen.contains(values)) {
        seen.add(values);
      }
    }
    List<String> out = new ArrayList<>();
    byMicro.forEach(
        (key, list) -> {
          for (int seq = 0; seq < list.size(); seq++) {
            out.add(key + "|" + seq + "|" + list.get(seq));
          }
        });
    return out;
  }

  static List<String> quoteRows(DataSource db, String prefix) throws SQLException {
    return query(
        db,
        "SELECT instrument_id, (extract(epoch FROM ts_event) * 1000000)::bigint, seq, bid_price,"
            + " ask_price, bid_size, ask_size, (extract(epoch FROM ts_init) * 1000000)::bigint"
            + " FROM quotes WHERE starts_with(instrument_id, ?) ORDER BY instrument_id, ts_event,"
            + " seq",
        prefix);
  }

  /** The first trade at the latest event time of each instrument. */
  static List<String> expectedLatest(List<TradeTick> trades) {
    Map<String, TradeTick> latest = new TreeMap<>();
    for (TradeTick t : trades) {
      latest.merge(
          t.getInstrumentId().toString(), t, (a, b) -> b.getTsEvent() > a.getTsEvent() ? b : a);
    }
    List<String> out = new ArrayList<>();
    latest.forEach(
        (k, t) ->
            out.add(
                k
                    + "|"
                    + t.getPrice().toPlainString()
                    + "|"
                    + micros(t.getTsEvent())
                    + "|"
                    + micros(t.getTsInit())));
    return out;
  }

  static List<String> latestRows(DataSource db, String prefix) throws SQLException {
    return query(
        db,
        "SELECT instrument_id, price, (extract(epoch FROM ts_event) * 1000000)::bigint,"
            + " (extract(epoch FROM ts_init) * 1000000)::bigint FROM latest_prices"
            + " WHERE starts_with(instrument_id, ?) ORDER BY instrument_id",
        prefix);
  }

  /** One-minute OHLCV of trades computed here, as trades_1m should show it. */
  static List<String> expectedMinutes(List<TradeTick> trades) {
    Map<String, List<TradeTick>> byMinute = new TreeMap<>();
    for (TradeTick t : trades) {
      long minute = Math.floorDiv(t.getTsEvent(), 60 * SECOND) * 60;
      byMinute.computeIfAbsent(t.getInstrumentId() + "|" + minute, k -> new ArrayList<>()).add(t);
    }
    List<String> out = new ArrayList<>();
    byMinute.forEach(
        (key, ts) -> {
          List<TradeTick> sorted = new ArrayList<>(new LinkedHashMap<>(dedupe(ts)).values());
          sorted.sort(Comparator.comparingLong(TradeTick::getTsEvent));
          BigDecimal volume = BigDecimal.ZERO;
          BigDecimal notional = BigDecimal.ZERO;
          for (TradeTick t : sorted) {
            volume = volume.add(t.getSize());
            notional = notional.add(t.getPrice().multiply(t.getSize()));
          }
          out.add(
              String.join(
                  "|",
                  key,
                  sorted.get(0).getPrice().toPlainString(),
                  sorted.stream()
                      .map(TradeTick::getPrice)
                      .max(BigDecimal::compareTo)
                      .orElseThrow()
                      .toPlainString(),
                  sorted.stream()
                      .map(TradeTick::getPrice)
                      .min(BigDecimal::compareTo)
                      .orElseThrow()
                      .toPlainString(),
                  sorted.get(sorted.size() - 1).getPrice().toPlainString(),
                  volume.toPlainString(),
                  String.valueOf(sorted.size()),
                  notional.divide(volume, 8, RoundingMode.HALF_UP).toPlainString()));
        });
    return out;
  }

  private static Map<String, TradeTick> dedupe(List<TradeTick> ts) {
    Map<String, TradeTick> out = new LinkedHashMap<>();
    ts.forEach(t -> out.putIfAbsent(t.getTradeId().toString(), t));
    return out;
  }

  static List<String> minuteRows(DataSource db, String prefix) throws SQLException {
    return query(
        db,
        "SELECT instrument_id, extract(epoch FROM bucket)::bigint, open, high, low, close, volume,"
            + " trade_count, round(vwap, 8) FROM trades_1m WHERE starts_with(instrument_id, ?)"
            + " ORDER BY instrument_id, bucket",
        prefix);
  }

  static List<String> query(DataSource db, String sql, String... params) throws SQLException {
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
            cols.add(rs.getString(i));
          }
          out.add(String.join("|", cols));
        }
      }
    }
    return out;
  }
}
