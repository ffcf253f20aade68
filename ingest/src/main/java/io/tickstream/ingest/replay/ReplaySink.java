package io.tickstream.ingest.replay;

import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;

/** Where a replay sends what it reads: {@link KafkaReplaySink} in production, a list in tests. */
public interface ReplaySink {
  /** A trade, with {@code tsInit} set. */
  void trade(TradeTick trade);

  /** A quote, with {@code tsInit} set. */
  void quote(QuoteTick quote);

  /** A malformed row. */
  void deadLetter(DeadLetter deadLetter);
}
