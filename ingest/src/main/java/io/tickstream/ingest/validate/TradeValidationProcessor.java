package io.tickstream.ingest.validate;

import io.tickstream.ingest.dlq.DeadLetterReason;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Validates trades: the stateless {@link TickChecks}, then duplicates (the same instrument and
 * venue trade id accepted within {@link ValidationRules#duplicateWindow()} of record time) and bad
 * prints (outside the band around the median of recent accepted prices). Both kinds of state live
 * in changelogged in-memory stores; the reference prices are also kept decoded in a map that
 * mirrors the store and is rebuilt from it whenever the task is (re)initialised.
 */
final class TradeValidationProcessor extends TickValidationProcessor<TradeTick> {
  private final ValidationRules rules;
  private final ValidationCodecs codecs;
  private InstrumentDirectory instruments;
  private KeyValueStore<String, Long> tradeIds;
  private KeyValueStore<String, String> prices;
  private final Map<String, PriceReference> references = new HashMap<>();
  private final long windowMs;

  TradeValidationProcessor(
      ValidationRules rules,
      ValidationCodecs codecs,
      java.time.Clock clock,
      ValidationListener listener) {
    super(
        ValidationTopology.TRADES_STREAM,
        codecs.trades,
        codecs.deadLetters,
        ValidationTopology.TRADES_SINK,
        ValidationTopology.DLQ_SINK,
        clock,
        listener);
    this.rules = rules;
    this.codecs = codecs;
    this.windowMs = rules.duplicateWindow().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    super.init(context);
    instruments =
        new InstrumentDirectory(
            context.getStateStore(ValidationTopology.INSTRUMENT_STORE), codecs.instruments);
    tradeIds = context.getStateStore(ValidationTopology.TRADE_ID_STORE);
    prices = context.getStateStore(ValidationTopology.PRICE_STORE);
    references.clear();
    long every = Math.max(1_000, windowMs / 10);
    context.schedule(Duration.ofMillis(every), PunctuationType.STREAM_TIME, this::expireTradeIds);
  }

  @Override
  String instrumentId(TradeTick tick) {
    return tick.getInstrumentId();
  }

  @Override
  Rejection validate(TradeTick t, Record<byte[], byte[]> record, long nowNanos) {
    BigDecimal tick = instruments.tickSize(t.getInstrumentId());
    Rejection r = TickChecks.check(t, tick, nowNanos, rules);
    if (r != null) {
      return r;
    }
    Long seen = tradeIds.get(idKey(t));
    if (seen != null && seen >= record.timestamp() - windowMs) {
      return new Rejection(
          DeadLetterReason.DUPLICATE_TRADE,
          "trade id '" + t.getTradeId() + "' of " + t.getInstrumentId() + " was already accepted");
    }
    PriceReference ref = reference(t.getInstrumentId());
    if (ref.samples() >= rules.referenceMinSamples()
        && !ref.withinBand(t.getPrice(), rules.badPrintBand())) {
      return new Rejection(
          DeadLetterReason.BAD_PRINT,
          "trade price "
              + t.getPrice().toPlainString()
              + " is outside ±"
              + rules.badPrintBand().movePointRight(2).stripTrailingZeros().toPlainString()
              + " % of the reference "
              + ref.median().toPlainString()
              + " (median of the last "
              + ref.samples()
              + " accepted prices)");
    }
    return null;
  }

  @Override
  void accepted(TradeTick t, Record<byte[], byte[]> record) {
    tradeIds.put(idKey(t), record.timestamp());
    PriceReference ref = reference(t.getInstrumentId());
    ref.add(t.getPrice());
    prices.put(t.getInstrumentId(), ref.toText());
  }

  private PriceReference reference(String instrumentId) {
    PriceReference ref = references.get(instrumentId);
    if (ref == null) {
      ref = PriceReference.fromText(prices.get(instrumentId), rules.referenceWindow());
      references.put(instrumentId, ref);
    }
    return ref;
  }

  private static String idKey(TradeTick t) {
    return t.getInstrumentId() + '\u0000' + t.getTradeId();
  }

  /** Forgets trade ids older than the window (in stream time), so the store stays bounded. */
  private void expireTradeIds(long streamTime) {
    long cutoff = streamTime - windowMs;
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = tradeIds.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> e = it.next();
        if (e.value < cutoff) {
          expired.add(e.key);
        }
      }
    }
    for (String k : expired) {
      tradeIds.delete(k);
    }
  }
}
