package io.tickstream.sink;

import io.tickstream.schemas.avro.Bar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Bars for tests and the same bars as the rows table {@code bars} should hold. */
final class TestBars {
  private TestBars() {}

  static final long T0 = 1_700_000_040_000_000_000L;
  private static final long MINUTE = 60_000_000_000L;

  static BigDecimal dec(String v) {
    return new BigDecimal(v).setScale(8);
  }

  /** A 1m bar of {@code instrument}, {@code minute} minutes after T0, with a close price. */
  static Bar bar(String instrument, int minute, int revision, String close) {
    long start = T0 + minute * MINUTE;
    return Bar.newBuilder()
        .setInstrumentId(instrument)
        .setSpec("1m")
        .setStart(start)
        .setEnd(start + MINUTE)
        .setOpen(dec("100.5"))
        .setHigh(dec("101.25"))
        .setLow(dec("99.12345678"))
        .setClose(dec(close))
        .setVolume(dec("12.5"))
        .setTradeCount(7 + revision)
        .setVwap(dec("100.00000001"))
        .setRevision(revision)
        .setTsEvent(start + MINUTE)
        .setTsInit(start + MINUTE + 123_456_789L) // sub-microsecond part is dropped
        .build();
  }

  /** {@code count} bars per instrument {@code prefix-0..prefix-(instruments-1)}, revision 0. */
  static List<Bar> series(String prefix, int instruments, int count) {
    List<Bar> out = new ArrayList<>();
    for (int m = 0; m < count; m++) {
      for (int i = 0; i < instruments; i++) {
        out.add(bar(prefix + "-" + i, m, 0, (100 + m) + "." + i));
      }
    }
    return out;
  }

  /** The row of table {@code bars} a bar becomes, as text (timestamps in UTC, micros). */
  static String row(Bar b) {
    return String.join(
        "|",
        b.getInstrumentId(),
        b.getSpec(),
        micros(b.getStart()),
        micros(b.getEnd()),
        b.getOpen().toPlainString(),
        b.getHigh().toPlainString(),
        b.getLow().toPlainString(),
        b.getClose().toPlainString(),
        b.getVolume().toPlainString(),
        String.valueOf(b.getTradeCount()),
        b.getVwap().toPlainString(),
        String.valueOf(b.getRevision()),
        micros(b.getTsInit()));
  }

  private static String micros(long nanos) {
    return String.valueOf(Math.floorDiv(nanos, 1000L));
  }

  /** Rows of table {@code bars} whose instrument starts with {@code prefix}, sorted by key. */
  static List<String> rows(DataSource db, String prefix) throws SQLException {
    String sql =
        "SELECT instrument_id, spec, (extract(epoch FROM start_ts) * 1000000)::bigint,"
            + " (extract(epoch FROM end_ts) * 1000000)::bigint, open, high, low, close, volume,"
            + " trade_count, vwap, revision, (extract(epoch FROM ts_init) * 1000000)::bigint"
            + " FROM bars WHERE starts_with(instrument_id, ?) ORDER BY instrument_id, spec, start_ts";
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, prefix);
      ResultSet rs = st.executeQuery();
      while (rs.next()) {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
          cols.add(rs.getString(i));
        }
        out.add(String.join("|", cols));
      }
    }
    return out;
  }

  /** Expected rows of a list of bars: highest revision per key, sorted like {@link #rows}. */
  static List<String> expectedRows(List<Bar> bars) {
    var latest = new java.util.TreeMap<String, Bar>();
    for (Bar b : bars) {
      String key =
          b.getInstrumentId() + "|" + b.getSpec() + "|" + String.format("%020d", b.getStart());
      latest.merge(key, b, (old, neu) -> neu.getRevision() >= old.getRevision() ? neu : old);
    }
    return latest.values().stream().map(TestBars::row).toList();
  }

  /**
   * Confluent-framed bytes of {@code bar} with its open price replaced by {@code open}, which may
   * exceed what the Avro decimal(28,8) admits: the generic writer (no decimal conversion) writes
   * the unscaled bytes as they are, like a foreign producer could.
   */
  static byte[] withOpen(byte[] framed, Bar bar, BigDecimal open) {
    Schema schema = Bar.getClassSchema();
    GenericData.Record r = new GenericData.Record(schema);
    for (Schema.Field f : schema.getFields()) {
      Object v = bar.get(f.pos());
      r.put(f.pos(), v instanceof BigDecimal d ? unscaled(d) : v);
    }
    r.put("open", unscaled(open));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(framed, 0, 5);
    BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<GenericData.Record>(schema, GenericData.get()).write(r, enc);
      enc.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static ByteBuffer unscaled(BigDecimal d) {
    return ByteBuffer.wrap(d.setScale(8).unscaledValue().toByteArray());
  }
}
