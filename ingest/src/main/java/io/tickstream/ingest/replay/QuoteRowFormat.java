package io.tickstream.ingest.replay;

import static io.tickstream.ingest.replay.CsvValues.decimal;
import static io.tickstream.ingest.replay.CsvValues.required;
import static io.tickstream.ingest.replay.CsvValues.timestampNanos;

import io.tickstream.schemas.avro.QuoteTick;
import java.util.List;

/** {@link ReplayFormat#QUOTES} rows, columns located by the header. */
final class QuoteRowFormat implements RowFormat {
  private final int ts;
  private final int instrument;
  private final int bid;
  private final int ask;
  private final int bidSize;
  private final int askSize;

  QuoteRowFormat(List<String> header) {
    ts = header.indexOf("ts_event");
    instrument = header.indexOf("instrument_id");
    bid = header.indexOf("bid_price");
    ask = header.indexOf("ask_price");
    bidSize = header.indexOf("bid_size");
    askSize = header.indexOf("ask_size");
  }

  @Override
  public QuoteTick parse(String[] f, long line) throws MalformedRowException {
    return QuoteTick.newBuilder()
        .setTsEvent(timestampNanos("ts_event", f[ts]))
        .setInstrumentId(required("instrument_id", f[instrument]))
        .setBidPrice(decimal("bid_price", f[bid]))
        .setAskPrice(decimal("ask_price", f[ask]))
        .setBidSize(decimal("bid_size", f[bidSize]))
        .setAskSize(decimal("ask_size", f[askSize]))
        .setTsInit(0)
        .build();
  }
}
