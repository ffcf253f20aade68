package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@link BinaryLine} against the real server: values written in PostgreSQL's binary COPY format
 * read back as the server's own text output, compared with what Java's types say the values are
 * ({@link BigDecimal#toPlainString()}, microseconds since the epoch, UTF-8 strings).
 */
class BinaryCopyIT {
  @TempDir static Path dir;
  private static TestDatabase db;
  private static DataSource source;

  private static final String COPY =
      "COPY binary_probe (t, n, i2, i4, i8, f, b, raw, ts) FROM STDIN WITH (FORMAT csv)";

  @BeforeAll
  static void start() throws SQLException {
    db = TestDatabase.start(dir.resolve("pg"));
    source = db.dataSource();
    SinkSchema.migrate(source); // the real tables, for the writers' tests
    try (Connection c = source.getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE binary_probe (id serial, t text, n numeric, i2 smallint, i4 int, i8 bigint,"
              + " f double precision, b boolean, raw bytea, ts timestamptz)");
      st.execute("CREATE TABLE json_probe (t text, j jsonb)");
    }
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  private record Row(
      String t,
      BigDecimal n,
      long i2,
      long i4,
      long i8,
      Double f,
      boolean b,
      byte[] raw,
      long ns) {}

  @Test
  void everyTypeReadsBackAsTheServerPrintsIt() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    List<Row> rows = new ArrayList<>();
    String[] texts = {"", "plain", "Zürich \"€\" 😀", "comma, quote \" and \\ backslash", null};
    for (int i = 0; i < 5_000; i++) {
      rows.add(
          new Row(
              texts[i % texts.length],
              i % 97 == 0 ? null : decimal(random, i),
              (short) random.nextInt(),
              random.nextInt(),
              i < 2 ? (i == 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong(),
              i % 50 == 0
                  ? Double.NaN
                  : i % 51 == 0 ? Double.NEGATIVE_INFINITY : random.nextDouble(),
              random.nextBoolean(),
              i % 7 == 0 ? null : bytes(random),
              i < 2 ? (i == 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong()));
    }
    try (Connection c = source.getConnection()) {
      CopyFormat format = CopyFormat.resolve(c, COPY);
      assertThat(format.statement(COPY)).endsWith("(FORMAT binary)");
      copy(c, format, rows);
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT t, n::text, i2, i4, i8, f, b, raw,"
                      + " (extract(epoch FROM ts) * 1000000)::numeric::text"
                      + " FROM binary_probe ORDER BY id")) {
        for (Row row : rows) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(row.t());
          assertThat(rs.getString(2)).isEqualTo(row.n() == null ? null : plain(row.n()));
          assertThat(rs.getLong(3)).isEqualTo(row.i2());
          assertThat(rs.getLong(4)).isEqualTo(row.i4());
          assertThat(rs.getLong(5)).isEqualTo(row.i8());
          assertThat(rs.getDouble(6)).isEqualTo(row.f());
          assertThat(rs.getBoolean(7)).isEqualTo(row.b());
          assertThat(rs.getBytes(8)).isEqualTo(row.raw());
          assertThat(new BigDecimal(rs.getString(9)).toBigIntegerExact())
              .isEqualTo(BigInteger.valueOf(Math.floorDiv(row.ns(), 1_000L)));
        }
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void anIntegerOutOfItsColumnsRangeIsRefusedAsTheServerWould() throws Exception {
    try (Connection c = source.getConnection()) {
      CopyFormat format = CopyFormat.resolve(c, COPY);
      CopyBuffer out = new CopyBuffer(64);
      format.begin(out);
      assertThatThrownBy(() -> format.line(out).text("x").decimal(BigDecimal.ONE).integer(1 << 20))
          .isInstanceOfSatisfying(
              CopyValueRefused.class, e -> assertThat(e.sqlState()).isEqualTo("22003"))
          .hasMessageContaining("i2");
    }
  }

  @Test
  void aMethodThatDoesNotFitTheColumnTypeIsABug() throws Exception {
    try (Connection c = source.getConnection()) {
      CopyFormat format = CopyFormat.resolve(c, COPY);
      CopyBuffer out = new CopyBuffer(64);
      assertThatThrownBy(() -> format.line(out).decimal(BigDecimal.ONE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("decimal given for column t of type text");
    }
  }

  @Test
  void aColumnTypeWithoutABinaryEncoderKeepsTheStatementOnCsv() throws Exception {
    String sql = "COPY json_probe (t, j) FROM STDIN WITH (FORMAT csv)";
    try (Connection c = source.getConnection()) {
      assertThat(CopyFormat.resolve(c, sql)).isSameAs(CopyFormat.CSV);
    }
  }

  @Test
  void aMissingTableFailsAsTheCopyWould() throws Exception {
    try (Connection c = source.getConnection()) {
      assertThatThrownBy(
              () -> CopyFormat.resolve(c, "COPY no_such (a) FROM STDIN WITH (FORMAT csv)"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
    }
  }

  @Test
  void aBatchEncodedAheadOnAnotherThreadIsStoredAsItIs() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    StagedUpsert<TradeTick> trades = new StagedUpsert<>(new TradeWriter(), new SinkMetrics(meters));
    List<TradeTick> ticks = TestTicks.trades("AHEAD", 3, 100);
    List<Decoded<TradeTick>> first = decoded(ticks.subList(0, 100));
    List<Decoded<TradeTick>> second = decoded(ticks.subList(100, 200));
    List<Decoded<TradeTick>> third = decoded(ticks.subList(200, 300));
    // The table's binary layout comes from the catalog with the first batch stored.
    assertThat(trades.encode(first)).isNull();
    assertThat(store(trades, first, null)).isEqualTo(100);

    StagedUpsert.Encoded ahead = CompletableFuture.supplyAsync(() -> trades.encode(second)).get();
    assertThat(ahead).isNotNull();
    // Input encoded for another batch is not used for this one.
    assertThat(store(trades, third, ahead)).isEqualTo(100);
    assertThat(encodedAhead(meters)).isZero();
    assertThat(store(trades, second, ahead)).isEqualTo(100);
    assertThat(encodedAhead(meters)).isEqualTo(1.0);

    assertThat(TestTicks.tradeRows(source, "AHEAD-")).isEqualTo(TestTicks.expectedTrades(ticks));
  }

  private static double encodedAhead(SimpleMeterRegistry meters) {
    var counter = meters.find("tickstream.sink.copy.encoded.ahead").counter();
    return counter == null ? 0 : counter.count();
  }

  private static int store(
      StagedUpsert<TradeTick> table, List<Decoded<TradeTick>> batch, StagedUpsert.Encoded ahead)
      throws SQLException {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      int n = table.writeFast(c, batch, ahead);
      c.commit();
      return n;
    }
  }

  private static List<Decoded<TradeTick>> decoded(List<TradeTick> ticks) {
    List<Decoded<TradeTick>> out = new ArrayList<>();
    long offset = 0;
    for (TradeTick t : ticks) {
      out.add(
          new Decoded<>(
              t, new ConsumerRecord<>("md.trades", 0, offset++, new byte[0], new byte[0])));
    }
    return out;
  }

  private static void copy(Connection c, CopyFormat format, List<Row> rows) throws Exception {
    CopyBuffer out = new CopyBuffer(1024);
    format.begin(out);
    for (Row r : rows) {
      CopyLine line =
          format
              .line(out)
              .text(r.t())
              .decimal(r.n())
              .integer(r.i2())
              .integer(r.i4())
              .integer(r.i8())
              .float8(r.f())
              .bool(r.b())
              .bytes(r.raw())
              .epochNanos(r.ns());
      line.end();
    }
    format.end(out);
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(format.statement(COPY));
    in.writeToCopy(out.array(), 0, out.size());
    in.endCopy();
  }

  /**
   * Decimals of every shape: zero with and without a scale, negative scales, scales 0 to 20 (so
   * every alignment to base-10000 digits), trailing zeros, and unscaled values from 1 digit to 40
   * (past a long).
   */
  private static BigDecimal decimal(SplittableRandom random, int i) {
    if (i % 13 == 0) {
      return BigDecimal.ZERO.setScale(i % 9);
    }
    int digits = 1 + random.nextInt(40);
    StringBuilder unscaled = new StringBuilder(random.nextBoolean() ? "-" : "");
    unscaled.append(1 + random.nextInt(9));
    for (int d = 1; d < digits; d++) {
      unscaled.append(i % 5 == 0 ? '0' : (char) ('0' + random.nextInt(10)));
    }
    int scale = random.nextInt(24) - 3;
    return new BigDecimal(new BigInteger(unscaled.toString()), scale);
  }

  /** numeric's text output: the plain digits at the value's scale (none below zero). */
  private static String plain(BigDecimal n) {
    return n.scale() < 0 ? n.setScale(0).toPlainString() : n.toPlainString();
  }

  private static byte[] bytes(SplittableRandom random) {
    byte[] b = new byte[random.nextInt(12)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }
}
