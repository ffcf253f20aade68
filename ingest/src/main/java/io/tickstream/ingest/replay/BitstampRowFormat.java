package io.tickstream.ingest.replay;

import static io.tickstream.ingest.replay.CsvValues.decimal;
import static io.tickstream.ingest.replay.CsvValues.epochSecondsAsNanos;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.util.List;

/**
 * {@link ReplayFormat#BITSTAMP} rows: {@code timestamp,price,amount}. The export has no trade id
 * and no side: the id is {@code <file name>:<line>} (stable across replays of the same file, so the
 * validator's duplicate check catches a file replayed twice) and the side NO_AGGRESSOR.
 */
final class BitstampRowFormat implements RowFormat {
  private final String instrumentId;
  private final String idPrefix;
  private final int ts;
  private final int price;
  private final int amount;

  BitstampRowFormat(List<String> header, String instrumentId, String fileName) {
    this.instrumentId = instrumentId;
    this.idPrefix = fileName + ":";
    ts = header.indexOf("timestamp");
    price = header.indexOf("price");
    amount = header.indexOf("amount");
  }

  @Override
  public TradeTick parse(String[] f, long line) throws MalformedRowException {
    return TradeTick.newBuilder()
        .setTsEvent(epochSecondsAsNanos("timestamp", f[ts]))
        .setInstrumentId(instrumentId)
        .setPrice(decimal("price", f[price]))
        .setSize(decimal("amount", f[amount]))
        .setAggressorSide(AggressorSide.NO_AGGRESSOR)
        .setTradeId(idPrefix + line)
        .setTsInit(0)
        .build();
  }
}
