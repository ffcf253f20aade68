package io.tickstream.ingest.replay;

import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.util.ArrayList;
import java.util.List;

/** A replay sink that keeps everything in lists. */
final class ListSink implements ReplaySink {
  final List<TradeTick> trades = new ArrayList<>();
  final List<QuoteTick> quotes = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();

  @Override
  public void trade(TradeTick t) {
    trades.add(t);
  }

  @Override
  public void quote(QuoteTick q) {
    quotes.add(q);
  }

  @Override
  public void deadLetter(DeadLetter d) {
    deadLetters.add(d);
  }
}
