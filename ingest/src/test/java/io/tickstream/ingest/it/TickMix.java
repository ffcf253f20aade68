package io.tickstream.ingest.it;

import io.tickstream.ingest.dlq.DeadLetterReason;
import io.tickstream.ingest.sim.MarketSimulator;
import io.tickstream.ingest.sim.SimulatedInstrument;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireCodec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the IT's input: valid simulated trades and quotes, with invalid records of every kind
 * spread evenly among them. Each invalid record breaks exactly one rule; each valid one breaks
 * none.
 */
final class TickMix {
  /** One record to send: its topic (trades or quotes), key, bytes and, if invalid, its reason. */
  record Tick(
      boolean trade,
      String key,
      byte[] value,
      DeadLetterReason expected,
      TradeTick t,
      QuoteTick q) {}

  static final List<DeadLetterReason> TRADE_DEFECTS =
      List.of(
          DeadLetterReason.NON_POSITIVE_PRICE,
          DeadLetterReason.NON_POSITIVE_SIZE,
          DeadLetterReason.OFF_TICK_GRID,
          DeadLetterReason.UNKNOWN_INSTRUMENT,
          DeadLetterReason.FUTURE_TIMESTAMP,
          DeadLetterReason.DUPLICATE_TRADE,
          DeadLetterReason.BAD_PRINT,
          DeadLetterReason.BAD_MAGIC_BYTE,
          DeadLetterReason.UNKNOWN_SCHEMA_ID,
          DeadLetterReason.TRUNCATED);
  static final List<DeadLetterReason> QUOTE_DEFECTS =
      List.of(
          DeadLetterReason.CROSSED_QUOTE,
          DeadLetterReason.OFF_TICK_GRID,
          DeadLetterReason.NON_POSITIVE_SIZE,
          DeadLetterReason.BAD_MAGIC_BYTE);

  private final MarketSimulator sim;
  private final Map<String, SimulatedInstrument> byId = new HashMap<>();
  private final AvroWireCodec<TradeTick> trades;
  private final AvroWireCodec<QuoteTick> quotes;
  private final SplittableRandom random = new SplittableRandom(7);
  private final Map<String, Integer> acceptedTrades = new HashMap<>();
  private TradeTick lastTrade;
  private byte[] lastTradeBytes;
  private long invalidSeq;
  private int defect;

  TickMix(MarketSimulator sim, AvroWireCodec<TradeTick> trades, AvroWireCodec<QuoteTick> quotes) {
    this.sim = sim;
    this.trades = trades;
    this.quotes = quotes;
    sim.instruments().forEach(i -> byId.put(i.instrumentId(), i));
  }

  /** A valid tick: a trade or a quote, half and half. */
  Tick valid() {
    if (random.nextBoolean()) {
      TradeTick t = sim.nextTrade(sim.clockNanos());
      byte[] bytes = trades.encode(t);
      lastTrade = t;
      lastTradeBytes = bytes;
      acceptedTrades.merge(t.getInstrumentId(), 1, Integer::sum);
      return new Tick(true, t.getInstrumentId(), bytes, null, t, null);
    }
    QuoteTick q = sim.nextQuote(sim.clockNanos());
    return new Tick(false, q.getInstrumentId(), quotes.encode(q), null, null, q);
  }

  /** The next invalid record, cycling through every kind of defect. */
  Tick invalid() {
    int kinds = TRADE_DEFECTS.size() + QUOTE_DEFECTS.size();
    int k = defect++ % kinds;
    String xid = "x" + (++invalidSeq);
    if (k >= TRADE_DEFECTS.size()) {
      DeadLetterReason r = QUOTE_DEFECTS.get(k - TRADE_DEFECTS.size());
      QuoteTick q = sim.nextQuote(sim.clockNanos());
      BigDecimal tick = byId.get(q.getInstrumentId()).tickSize();
      switch (r) {
        case CROSSED_QUOTE -> q.setBidPrice(q.getAskPrice().add(tick).setScale(8));
        case OFF_TICK_GRID -> q.setAskPrice(q.getAskPrice().add(new BigDecimal("0.00000001")));
        case NON_POSITIVE_SIZE -> q.setBidSize(BigDecimal.ZERO.setScale(8));
        default -> {}
      }
      byte[] bytes = quotes.encode(q);
      if (r == DeadLetterReason.BAD_MAGIC_BYTE) {
        bytes[0] = '{';
      }
      return new Tick(false, q.getInstrumentId(), bytes, r, null, q);
    }
    DeadLetterReason r = TRADE_DEFECTS.get(k);
    if (r == DeadLetterReason.DUPLICATE_TRADE) {
      return new Tick(true, lastTrade.getInstrumentId(), lastTradeBytes, r, lastTrade, null);
    }
    TradeTick t = TradeTick.newBuilder(lastTrade).setTradeId(xid).build();
    BigDecimal tick = byId.get(t.getInstrumentId()).tickSize();
    switch (r) {
      case NON_POSITIVE_PRICE -> t.setPrice(t.getPrice().negate());
      case NON_POSITIVE_SIZE -> t.setSize(BigDecimal.ZERO.setScale(8));
      case OFF_TICK_GRID -> t.setPrice(t.getPrice().add(new BigDecimal("0.00000001")));
      case UNKNOWN_INSTRUMENT -> t.setInstrumentId("NOPE.SIM");
      case FUTURE_TIMESTAMP ->
          t.setTsEvent(System.currentTimeMillis() * 1_000_000L + 3_600_000_000_000L);
      case BAD_PRINT ->
          t.setPrice(
              t.getPrice()
                  .multiply(new BigDecimal("1.5"))
                  .divide(tick, 0, RoundingMode.FLOOR)
                  .multiply(tick)
                  .setScale(8));
      default -> {}
    }
    byte[] bytes = trades.encode(t);
    switch (r) {
      case BAD_MAGIC_BYTE -> bytes[0] = 1;
      case UNKNOWN_SCHEMA_ID -> ByteBuffer.wrap(bytes, 1, 4).putInt(0x7ffffff0);
      case TRUNCATED -> bytes = Arrays.copyOf(bytes, bytes.length - 3);
      default -> {}
    }
    return new Tick(true, t.getInstrumentId(), bytes, r, t, null);
  }

  /** Whether every instrument's reference price is warm (the band applies), so BAD_PRINT bites. */
  boolean warm(int minSamples) {
    return acceptedTrades.size() == byId.size()
        && acceptedTrades.values().stream().allMatch(n -> n >= minSamples);
  }
}
