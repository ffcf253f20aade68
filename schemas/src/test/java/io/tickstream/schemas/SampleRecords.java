package io.tickstream.schemas;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One valid record of every value type, with exact 8-place decimals, for tests. */
public final class SampleRecords {
  private SampleRecords() {}

  /** {@code value} with the wire scale of 8 decimal places. */
  public static BigDecimal dec(String value) {
    return new BigDecimal(value).setScale(8);
  }

  /** A BTCUSD trade with sequence number {@code n} in its trade id and timestamps. */
  public static TradeTick trade(int n) {
    return TradeTick.newBuilder()
        .setInstrumentId("BTCUSD.BITSTAMP")
        .setPrice(dec("64250.12345678"))
        .setSize(dec("0.015"))
        .setAggressorSide(AggressorSide.SELLER)
        .setTradeId("t-" + n)
        .setTsEvent(1_700_000_000_000_000_000L + n)
        .setTsInit(1_700_000_000_000_500_000L + n)
        .build();
  }

  public static QuoteTick quote() {
    return QuoteTick.newBuilder()
        .setInstrumentId("AAPL.XNAS")
        .setBidPrice(dec("189.99"))
        .setAskPrice(dec("190.01"))
        .setBidSize(dec("300"))
        .setAskSize(dec("120.5"))
        .setTsEvent(1_700_000_000_000_000_000L)
        .setTsInit(1_700_000_000_000_100_000L)
        .build();
  }

  public static Bar bar() {
    return Bar.newBuilder()
        .setInstrumentId("BTCUSD.BITSTAMP")
        .setSpec("1m")
        .setStart(1_700_000_040_000_000_000L)
        .setEnd(1_700_000_100_000_000_000L)
        .setOpen(dec("64250"))
        .setHigh(dec("64300.5"))
        .setLow(dec("64200.25"))
        .setClose(dec("64280"))
        .setVolume(dec("12.34567891"))
        .setTradeCount(42)
        .setVwap(dec("64261.12345678"))
        .setRevision(1)
        .setTsEvent(1_700_000_100_000_000_000L)
        .setTsInit(1_700_000_100_000_200_000L)
        .build();
  }

  public static Instrument instrument() {
    return Instrument.newBuilder()
        .setInstrumentId("AAPL.XNAS")
        .setSymbol("AAPL")
        .setVenue("XNAS")
        .setAssetClass("EQUITY")
        .setCurrency("USD")
        .setTickSize(dec("0.01"))
        .setLotSize(dec("1"))
        .setTradingHours("09:30-16:00 America/New_York")
        .setActive(true)
        .setTsInit(1_700_000_000_000_000_000L)
        .build();
  }

  public static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setReasonCode("BAD_MAGIC_BYTE")
        .setMessage("first byte is 0x7B")
        .setStage("ingest-validator")
        .setOriginalKey(ByteBuffer.wrap(new byte[] {'k'}))
        .setOriginalValue(ByteBuffer.wrap(new byte[] {'{', '}'}))
        .setSourceTopic("md.trades.raw")
        .setSourcePartition(0)
        .setSourceOffset(17)
        .setTsInit(1_700_000_000_000_000_000L)
        .build();
  }

  /** One record of every value type in the catalogue. */
  public static List<SpecificRecord> everyType() {
    return List.of(trade(1), quote(), bar(), instrument(), deadLetter());
  }
}
