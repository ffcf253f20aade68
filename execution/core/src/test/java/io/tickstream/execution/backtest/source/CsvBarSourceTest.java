package io.tickstream.execution.backtest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.bars.Bar;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvBarSourceTest {

  private static final long MINUTE = 60_000_000_000L;
  // 2024-01-02T14:30:00Z
  private static final long T = 1_704_205_800L * 1_000_000_000L;

  private static List<Bar> read(String csv, String instrument, String spec) {
    List<Bar> bars = new ArrayList<>();
    try (CsvBarSource source =
        new CsvBarSource(new StringReader(csv), "test.csv", instrument, spec)) {
      source.forEachRemaining(bars::add);
    }
    return bars;
  }

  @Test
  void readsIsoTimesWithSpecAndEpochTimesWithEnd() {
    List<Bar> iso =
        read(
            "instrument,start,spec,open,high,low,close,volume\n"
                + "# comment\n"
                + "AAPL.XNAS,2024-01-02T14:30:00Z,1m,185.10,185.50,185.00,185.40,1200\n"
                + "\n"
                + "MSFT.XNAS,2024-01-02T14:30:00Z,1m,370.00,370.20,369.90,370.10,800\n",
            null,
            null);
    assertThat(iso).hasSize(2);
    assertThat(iso.get(0).start()).isEqualTo(T);
    assertThat(iso.get(0).end()).isEqualTo(T + MINUTE);
    assertThat(iso.get(0).close()).isEqualByComparingTo("185.40");
    assertThat(iso.get(1).instrumentId()).isEqualTo("MSFT.XNAS");

    // Seconds, milliseconds, microseconds and nanoseconds all read as the same instant.
    String[] starts = {"1704205800", "1704205800000", "1704205800000000", "1704205800000000000"};
    for (String start : starts) {
      List<Bar> epoch =
          read(
              "START,End,Open,High,Low,Close,Volume,trades,vwap\n"
                  + start
                  + ",1704205860,1,2,0.5,1.5,10,3,1.2\n",
              "BTC.BINANCE",
              null);
      assertThat(epoch.get(0).start()).isEqualTo(T);
      assertThat(epoch.get(0).end()).isEqualTo(T + MINUTE);
      assertThat(epoch.get(0).tradeCount()).isEqualTo(3);
      assertThat(epoch.get(0).vwap()).isEqualByComparingTo("1.2");
      assertThat(epoch.get(0).spec()).isEqualTo("custom");
    }
  }

  @Test
  void refusesBarsOutOfTimeOrder() {
    String csv =
        "date,open,high,low,close,volume\n" + "2013-01-03,1,1,1,1,1\n" + "2013-01-02,1,1,1,1,1\n";
    assertThatThrownBy(() -> read(csv, "AAPL.XNAS", "1d"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void namesTheLineOfABadValueAndAMissingColumn() {
    assertThatThrownBy(
            () -> read("date,open,high,low,close,volume\n2013-01-02,x,1,1,1,1\n", "A", "1d"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> read("date,open,high,low,close\n", "A", "1d"))
        .hasMessageContaining("'volume'");
  }
}
