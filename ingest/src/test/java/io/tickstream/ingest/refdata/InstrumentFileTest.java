package io.tickstream.ingest.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.avro.Instrument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentFileTest {
  @TempDir Path dir;

  @Test
  void csvRowsAreCheckedAndBadOnesReportedWithTheirLine() throws Exception {
    Path f = dir.resolve("instruments.csv");
    Files.writeString(
        f,
        String.join(
            "\n",
            "# reference data",
            "instrument_id,venue,tick_size,lot_size,currency,trading_hours,asset_class",
            "AAPL.XNAS,XNAS,0.01,1,USD,09:30-16:00 America/New_York,EQUITY",
            "BTCUSDT.BINANCE,BINANCE,0.01,0.00001,USDT,,CRYPTO",
            "msft.xnas,XNAS,0.01,1,USD,,EQUITY",
            "MSFT.XNAS,XNYS,0,1,USD,9:30-16:00,STOCK",
            "EURUSD.SIM,SIM,0.000000001,1000,USD,,FX",
            "AAPL.XNAS,XNAS,0.01,1,USD,,EQUITY",
            "ETHUSD.SIM,SIM,0.01,0.001,USD",
            "SPY.ARCX,ARCX,0.01,1,USD,09:30-16:00 Mars/Olympus,EQUITY",
            ""));
    InstrumentFile.Contents c = InstrumentFile.read(f, 7);
    assertThat(c.instruments())
        .extracting(Instrument::getInstrumentId)
        .containsExactly("AAPL.XNAS", "BTCUSDT.BINANCE");
    Instrument aapl = c.instruments().get(0);
    assertThat(aapl.getSymbol()).isEqualTo("AAPL");
    assertThat(aapl.getTickSize()).isEqualByComparingTo("0.01");
    assertThat(aapl.getTickSize().scale()).isEqualTo(8);
    assertThat(aapl.getTradingHours()).isEqualTo("09:30-16:00 America/New_York");
    assertThat(aapl.getActive()).isTrue();
    assertThat(aapl.getTsInit()).isEqualTo(7);
    assertThat(c.instruments().get(1).getTradingHours()).isNull();
    assertThat(c.errors())
        .containsExactly(
            "instruments.csv:5: instrumentId 'msft.xnas' is not SYMBOL.VENUE in capitals (e.g. AAPL.XNAS).",
            "instruments.csv:6: venue 'XNYS' does not match the instrumentId's venue 'XNAS'. tickSize '0' must be > 0."
                + " assetClass 'STOCK' is not one of "
                + errorsAssetClasses(c)
                + ". tradingHours '9:30-16:00' is not HH:mm-HH:mm Zone/Id (e.g. 09:30-16:00 America/New_York).",
            "instruments.csv:7: tickSize '0.000000001' has more than 8 decimal places.",
            "instruments.csv:8: AAPL.XNAS appears more than once in the file",
            "instruments.csv:9: expected 7 fields like the header, found 5",
            "instruments.csv:10: tradingHours zone 'Mars/Olympus' is not a time zone id.");
  }

  private static String errorsAssetClasses(InstrumentFile.Contents c) {
    String e = c.errors().get(1);
    int i = e.indexOf("is not one of ") + "is not one of ".length();
    return e.substring(i, e.indexOf(']', i) + 1);
  }

  @Test
  void jsonObjectsAreCheckedWithTheLineTheyStartOn() throws Exception {
    Path f = dir.resolve("instruments.json");
    Files.writeString(
        f,
        """
        [
          {"instrumentId": "AAPL.XNAS", "venue": "XNAS", "tickSize": 0.01, "lotSize": "1",
           "currency": "USD", "tradingHours": "09:30-16:00 America/New_York", "assetClass": "EQUITY"},
          {"instrumentId": "BAD.XNAS", "tickSize": -1, "lotSize": 1},
          {"instrument_id": "EURUSD.SIM", "tick_size": 0.00001, "lot_size": 1000, "currency": "USD", "active": false}
        ]
        """);
    InstrumentFile.Contents c = InstrumentFile.read(f, 0);
    assertThat(c.instruments())
        .extracting(Instrument::getInstrumentId)
        .containsExactly("AAPL.XNAS", "EURUSD.SIM");
    assertThat(c.instruments().get(1).getActive()).isFalse();
    assertThat(c.instruments().get(1).getTickSize()).isEqualByComparingTo("0.00001");
    assertThat(c.errors())
        .containsExactly(
            "instruments.json:4: tickSize '-1' must be > 0. currency '' is not a currency code such as USD.");
  }

  @Test
  void brokenJsonIsReportedWithItsLine() throws Exception {
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "[\n {\"instrumentId\": \"AAPL.XNAS\",\n");
    assertThat(InstrumentFile.read(f, 0).errors())
        .singleElement()
        .asString()
        .startsWith("broken.json:3: not valid JSON");
  }

  @Test
  void theShippedSampleFileLoadsCleanly() throws Exception {
    Path f = dir.resolve("instruments.sample.csv");
    try (var in = InstrumentFile.class.getResourceAsStream("instruments.sample.csv")) {
      Files.copy(in, f);
    }
    InstrumentFile.Contents c = InstrumentFile.read(f, 0);
    assertThat(c.errors()).isEmpty();
    assertThat(c.instruments()).hasSize(6);
  }
}
