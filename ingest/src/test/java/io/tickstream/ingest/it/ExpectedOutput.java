package io.tickstream.ingest.it;

import io.tickstream.ingest.sim.SimulatedInstrument;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The valid ticks sent, held compactly (a long per tick: instrument and trade sequence for trades,
 * the unique event time for quotes), and which of them came out, how often.
 */
final class ExpectedOutput {
  private final Map<String, Long> index = new HashMap<>();
  private long[] trades = new long[1 << 16];
  private long[] quotes = new long[1 << 16];
  private int tradeCount;
  private int quoteCount;
  private boolean sorted;
  private final BitSet seenTrades = new BitSet();
  private final BitSet seenQuotes = new BitSet();
  private long unexpected;
  private long duplicated;

  ExpectedOutput(List<SimulatedInstrument> instruments) {
    for (int i = 0; i < instruments.size(); i++) {
      index.put(instruments.get(i).instrumentId(), (long) i);
    }
  }

  void add(TickMix.Tick t) {
    if (t.trade()) {
      if (tradeCount == trades.length) {
        trades = Arrays.copyOf(trades, tradeCount * 2);
      }
      trades[tradeCount++] = key(t.t());
    } else {
      if (quoteCount == quotes.length) {
        quotes = Arrays.copyOf(quotes, quoteCount * 2);
      }
      quotes[quoteCount++] = t.q().getTsEvent();
    }
  }

  private long key(TradeTick t) {
    Long i = index.get(t.getInstrumentId());
    try {
      return i == null ? -1 : (i << 40) | Long.parseLong(t.getTradeId());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void sort() {
    if (!sorted) {
      Arrays.sort(trades, 0, tradeCount);
      Arrays.sort(quotes, 0, quoteCount);
      sorted = true;
    }
  }

  void seen(TradeTick t) {
    sort();
    mark(Arrays.binarySearch(trades, 0, tradeCount, key(t)), seenTrades);
  }

  void seen(QuoteTick q) {
    sort();
    mark(Arrays.binarySearch(quotes, 0, quoteCount, q.getTsEvent()), seenQuotes);
  }

  private void mark(int at, BitSet seen) {
    if (at < 0) {
      unexpected++;
    } else if (seen.get(at)) {
      duplicated++;
    } else {
      seen.set(at);
    }
  }

  int trades() {
    return tradeCount;
  }

  int quotes() {
    return quoteCount;
  }

  long unexpected() {
    return unexpected;
  }

  long duplicated() {
    return duplicated;
  }

  long missingTrades() {
    return tradeCount - seenTrades.cardinality();
  }

  long missingQuotes() {
    return quoteCount - seenQuotes.cardinality();
  }
}
