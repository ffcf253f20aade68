package io.tickstream.ingest.replay;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The CSV layouts replay reads. Every file starts with a header row naming its columns; lines that
 * are blank or start with {@code #} are skipped; fields are separated by commas and not quoted; the
 * file may be gzip-compressed (detected by its first bytes, whatever its name).
 *
 * <ul>
 *   <li>{@link #TRADES}: {@code ts_event,instrument_id,price,size,aggressor_side,trade_id} in any
 *       column order. {@code ts_event} is epoch nanoseconds or an ISO-8601 instant; {@code
 *       aggressor_side} is BUYER/SELLER/NO_AGGRESSOR (or B/S/empty); prices and sizes have at most
 *       8 decimal places.
 *   <li>{@link #QUOTES}: {@code ts_event,instrument_id,bid_price,ask_price,bid_size,ask_size}.
 *   <li>{@link #BITSTAMP}: {@code timestamp,price,amount}, Bitstamp's historical trade export
 *       (epoch seconds, price, amount), as shipped in ta4j-examples; the instrument is given on the
 *       command line and the trade id is derived from the file name and line number.
 * </ul>
 */
public enum ReplayFormat {
  TRADES("ts_event", "instrument_id", "price", "size", "aggressor_side", "trade_id"),
  QUOTES("ts_event", "instrument_id", "bid_price", "ask_price", "bid_size", "ask_size"),
  BITSTAMP("timestamp", "price", "amount");

  private final List<String> columns;

  ReplayFormat(String... columns) {
    this.columns = List.of(columns);
  }

  /** The header columns of this format. */
  public List<String> columns() {
    return columns;
  }

  /** The format whose columns the header has (in any order), or {@code null}. */
  public static ReplayFormat detect(String[] header) {
    List<String> names = Arrays.stream(header).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    for (ReplayFormat f : values()) {
      if (names.size() == f.columns.size() && names.containsAll(f.columns)) {
        return f;
      }
    }
    return null;
  }
}
