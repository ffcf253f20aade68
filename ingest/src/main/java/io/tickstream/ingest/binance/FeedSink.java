package io.tickstream.ingest.binance;

import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.TradeTick;

/**
 * Where a live feed sends what it receives. Called from the WebSocket client's threads, one frame
 * at a time per connection: implementations must be thread-safe.
 */
public interface FeedSink {
  /** A parsed trade. */
  void trade(TradeTick trade);

  /** A frame that could not be parsed. */
  void deadLetter(DeadLetter deadLetter);
}
