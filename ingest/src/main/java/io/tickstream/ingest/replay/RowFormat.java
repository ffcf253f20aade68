package io.tickstream.ingest.replay;

import org.apache.avro.specific.SpecificRecord;

/**
 * One input format of {@link TickFileReader}: turns the fields of a row (split at commas, trimmed)
 * into a {@code TradeTick} or {@code QuoteTick} with {@code tsInit} 0 (set when published).
 */
interface RowFormat {
  /**
   * @param fields the row's fields
   * @param line the row's 1-based line number in the file (formats without trade ids derive them
   *     from it)
   */
  SpecificRecord parse(String[] fields, long line) throws MalformedRowException;
}
