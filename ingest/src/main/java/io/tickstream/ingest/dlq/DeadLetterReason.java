package io.tickstream.ingest.dlq;

/**
 * The machine-readable reasons ingest puts into {@code DeadLetter.reasonCode}. Each rule of the
 * validator and each way an input can be unreadable has its own code, so a dead letter says exactly
 * which check it failed.
 */
public enum DeadLetterReason {
  /** Price is zero or negative (or not a finite number in a text input). */
  NON_POSITIVE_PRICE,
  /** Size is zero or negative (or not a finite number in a text input). */
  NON_POSITIVE_SIZE,
  /** A price is not a multiple of the instrument's tick size. */
  OFF_TICK_GRID,
  /** A quote's bid is above its ask (a locked quote, bid = ask, is valid). */
  CROSSED_QUOTE,
  /** The instrument is not in {@code md.instruments}. */
  UNKNOWN_INSTRUMENT,
  /** {@code tsEvent} is later than the validator's clock plus the tolerance. */
  FUTURE_TIMESTAMP,
  /** The same venue trade id of the same instrument was already accepted within the window. */
  DUPLICATE_TRADE,
  /** The price is outside the band around the instrument's recent accepted prices. */
  BAD_PRINT,
  /** The value's first byte is not the Confluent magic byte. */
  BAD_MAGIC_BYTE,
  /** The schema id in the value's header is unknown to the registry. */
  UNKNOWN_SCHEMA_ID,
  /** The value is shorter than its header or its Avro body ends early. */
  TRUNCATED,
  /** The Avro body does not decode with the writer schema. */
  UNREADABLE_BODY,
  /** The record has no value (a tombstone on a topic of ticks). */
  NULL_VALUE,
  /** A check failed unexpectedly; the message carries the exception. */
  PROCESSING_ERROR,
  /** A row of a replayed file could not be parsed. */
  MALFORMED_ROW,
  /** A WebSocket frame of a live feed could not be parsed. */
  MALFORMED_FRAME
}
