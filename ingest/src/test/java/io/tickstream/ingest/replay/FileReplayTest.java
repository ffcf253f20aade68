package io.tickstream.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.TradeTick;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FileReplayTest {
  private static final String BITSTAMP = "/bitstamp_trades_from_20131125_usd.csv";

  private static FileReplay.Summary replay(TickFileReader reader, ListSink sink) throws Exception {
    return new FileReplay(sink, ReplayPacer.realTime(0), null, () -> 42L).replay(reader);
  }

  @Test
  void replaysTheRealBitstampFileFromTa4jExamples() throws Exception {
    long rows;
    String firstRow;
    try (var r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream(BITSTAMP), StandardCharsets.UTF_8))) {
      r.readLine(); // header
      firstRow = r.readLine();
      rows = 1 + r.lines().count();
    }
    ListSink sink = new ListSink();
    try (InputStream in = getClass().getResourceAsStream(BITSTAMP);
        var reader = new TickFileReader("bitstamp.csv", in, null, "BTCUSD.BITSTAMP")) {
      assertThat(reader.format()).isEqualTo(ReplayFormat.BITSTAMP);
      FileReplay.Summary s = replay(reader, sink);
      assertThat(s.trades()).isEqualTo(rows).isEqualTo(100_000);
      assertThat(s.malformed()).isZero();
    }
    String[] f = firstRow.strip().split(",");
    TradeTick first = sink.trades.get(0);
    assertThat(first.getInstrumentId()).isEqualTo("BTCUSD.BITSTAMP");
    assertThat(first.getTsEvent()).isEqualTo(Long.parseLong(f[0]) * 1_000_000_000L);
    assertThat(first.getPrice()).isEqualByComparingTo(new BigDecimal(f[1]));
    assertThat(first.getSize()).isEqualByComparingTo(new BigDecimal(f[2]));
    assertThat(first.getTradeId()).isEqualTo("bitstamp.csv:2");
    assertThat(first.getTsInit()).isEqualTo(42L);
    assertThat(sink.trades).extracting(TradeTick::getTradeId).doesNotHaveDuplicates();
  }

  @Test
  void malformedRowsOfAGzipFileAreDeadLetteredWithFileAndLineAndTheRestReplayed() throws Exception {
    String csv =
        String.join(
            "\n",
            "# our trade layout, columns in any order",
            "trade_id,ts_event,instrument_id,price,size,aggressor_side",
            "t1,1767366000000000000,AAPL.XNAS,228.17,100,BUYER",
            "t2,2026-01-02T15:00:00.5Z,AAPL.XNAS,228.18,5,S",
            "t3,1767366000000000000,AAPL.XNAS,abc,100,BUYER",
            "t4,1767366000000000000,AAPL.XNAS,NaN,100,BUYER",
            "t5,1767366000000000000,AAPL.XNAS,228.123456789,100,BUYER",
            "t6,1767366000000000000,AAPL.XNAS,228.17,100",
            "t7,yesterday,AAPL.XNAS,228.17,100,BUYER",
            "t8,1767366000000000000,AAPL.XNAS,228.17,100,SIDEWAYS",
            "",
            "t9,1767366000000000000,AAPL.XNAS,-1,100,",
            "");
    ListSink sink = new ListSink();
    try (var reader =
        new TickFileReader("day.csv.gz", new ByteArrayInputStream(gzip(csv)), null, null)) {
      FileReplay.Summary s = replay(reader, sink);
      assertThat(s.trades()).isEqualTo(3);
      assertThat(s.malformed()).isEqualTo(6);
      assertThat(s.rows()).isEqualTo(9);
    }
    assertThat(sink.trades).extracting(TradeTick::getTradeId).containsExactly("t1", "t2", "t9");
    assertThat(sink.trades.get(1).getTsEvent()).isEqualTo(1_767_366_000_500_000_000L);
    assertThat(sink.trades.get(1).getAggressorSide()).isEqualTo(AggressorSide.SELLER);
    assertThat(sink.trades.get(2).getPrice()).isEqualByComparingTo("-1"); // the validator's call
    DeadLetter d = sink.deadLetters.get(0);
    assertThat(d.getReasonCode()).isEqualTo("MALFORMED_ROW");
    assertThat(d.getSourceTopic()).isEqualTo("day.csv.gz");
    assertThat(d.getSourceOffset()).isEqualTo(5);
    assertThat(d.getSourcePartition()).isEqualTo(-1);
    assertThat(d.getMessage())
        .isEqualTo("day.csv.gz:5: price 'abc' is not a finite decimal number");
    assertThat(StandardCharsets.UTF_8.decode(d.getOriginalValue()).toString())
        .isEqualTo("t3,1767366000000000000,AAPL.XNAS,abc,100,BUYER");
    assertThat(sink.deadLetters)
        .extracting(DeadLetter::getMessage)
        .containsExactly(
            "day.csv.gz:5: price 'abc' is not a finite decimal number",
            "day.csv.gz:6: price 'NaN' is not a finite decimal number",
            "day.csv.gz:7: price '228.123456789' has more than 8 decimal places",
            "day.csv.gz:8: expected 6 fields like the header, found 5",
            "day.csv.gz:9: ts_event 'yesterday' is neither epoch nanoseconds nor an ISO-8601 instant",
            "day.csv.gz:10: aggressor_side 'SIDEWAYS' is not BUYER, SELLER or NO_AGGRESSOR (B, S or empty)");
  }

  @Test
  void quotesAreReadFromTheQuoteLayout() throws Exception {
    String csv =
        "ts_event,instrument_id,bid_price,ask_price,bid_size,ask_size\n"
            + "2026-01-02T15:00:00Z,EURUSD.SIM,1.08500,1.08502,1000000,2000000\n";
    ListSink sink = new ListSink();
    try (var reader =
        new TickFileReader(
            "q.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, null)) {
      assertThat(reader.format()).isEqualTo(ReplayFormat.QUOTES);
      replay(reader, sink);
    }
    assertThat(sink.quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.getBidPrice()).isEqualByComparingTo("1.085");
              assertThat(q.getAskSize()).isEqualByComparingTo("2000000");
              assertThat(q.getBidPrice().scale()).isEqualTo(8);
            });
  }

  @Test
  void anUnknownHeaderIsAClearErrorNamingFileAndLine() {
    byte[] csv = "\n# comment\ntime,px,qty\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new TickFileReader("x.csv", new ByteArrayInputStream(csv), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("x.csv:3: header 'time,px,qty' is not a known layout")
        .hasMessageContaining("bitstamp [timestamp, price, amount]");
    byte[] trades = "timestamp,price,amount\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                new TickFileReader(
                    "y.csv", new ByteArrayInputStream(trades), ReplayFormat.QUOTES, null))
        .hasMessageContaining("is not the QUOTES layout");
  }

  private static byte[] gzip(String s) throws Exception {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
