package io.tickstream.ingest.replay;

import static io.tickstream.ingest.replay.CsvValues.decimal;
import static io.tickstream.ingest.replay.CsvValues.required;
import static io.tickstream.ingest.replay.CsvValues.timestampNanos;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.util.List;
import java.util.Locale;

/** {@link ReplayFormat#TRADES} rows, columns located by the header. */
final class TradeRowFormat implements RowFormat {
  private final int ts;
  private final int instrument;
  private final int price;
  private final int size;
  private final int side;
  private final int tradeId;

  TradeRowFormat(List<String> header) {
    ts = header.indexOf("ts_event");
    instrument = header.indexOf("instrument_id");
    price = header.indexOf("price");
    size = header.indexOf("size");
    side = header.indexOf("aggressor_side");
    tradeId = header.indexOf("trade_id");
  }

  @Override
  public TradeTick parse(String[] f, long line) throws MalformedRowException {
    return TradeTick.newBuilder()
        .setTsEvent(timestampNanos("ts_event", f[ts]))
        .setInstrumentId(required("instrument_id", f[instrument]))
        .setPrice(decimal("price", f[price]))
        .setSize(decimal("size", f[size]))
        .setAggressorSide(side(f[side]))
        .setTradeId(required("trade_id", f[tradeId]))
        .setTsInit(0)
        .build();
  }

  private static AggressorSide side(String v) throws MalformedRowException {
    switch (v.toUpperCase(Locale.ROOT)) {
      case "BUYER", "B", "BUY" -> {
        return AggressorSide.BUYER;
      }
      case "SELLER", "S", "SELL" -> {
        return AggressorSide.SELLER;
      }
      case "NO_AGGRESSOR", "" -> {
        return AggressorSide.NO_AGGRESSOR;
      }
      default ->
          throw new MalformedRowException(
              "aggressor_side '" + v + "' is not BUYER, SELLER or NO_AGGRESSOR (B, S or empty)");
    }
  }
}
