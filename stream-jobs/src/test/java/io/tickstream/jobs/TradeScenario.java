package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded set of trades over several instruments and minutes, in production order, with bounded
 * event-time disorder; and the bars they must produce, computed here with plain BigDecimal
 * arithmetic (not with the production {@code BarAccumulator}).
 */
final class TradeScenario {
  /** One bar, as compared in tests: the Avro bar without tsInit. */
  record ExpectedBar(
      String instrumentId,
      String spec,
      long start,
      long end,
      BigDecimal open,
      BigDecimal high,
      BigDecimal low,
      BigDecimal close,
      BigDecimal volume,
      long tradeCount,
      BigDecimal vwap,
      int revision) {

    static ExpectedBar of(Bar bar) {
      if (bar.getTsEvent() != bar.getEnd()) {
        throw new AssertionError("tsEvent of a bar must be its end: " + bar);
      }
      return new ExpectedBar(
          bar.getInstrumentId(),
          bar.getSpec(),
          bar.getStart(),
          bar.getEnd(),
          bar.getOpen(),
          bar.getHigh(),
          bar.getLow(),
          bar.getClose(),
          bar.getVolume(),
          bar.getTradeCount(),
          bar.getVwap(),
          bar.getRevision());
    }
  }

  private static final long NANOS_PER_MILLI = 1_000_000L;

  /** The trades whose bars close, in production order. */
  final List<TradeTick> trades;

  /** One trade per instrument, an hour after the others, that moves every watermark past them. */
  final List<TradeTick> watermarkPushers;

  /** Trades to send after the pushers: older than every open bar, so past any lateness. */
  final List<TradeTick> lateTrades;

  private TradeScenario(
      List<TradeTick> trades, List<TradeTick> watermarkPushers, List<TradeTick> lateTrades) {
    this.trades = trades;
    this.watermarkPushers = watermarkPushers;
    this.lateTrades = lateTrades;
  }

  /**
   * {@code count} trades over {@code instruments}, one every {@code stepMillis} from a start that
   * is not minute-aligned; a fifth of them get an event time up to {@code maxDisorderMillis}
   * earlier than their production slot.
   */
  static TradeScenario generate(
      long seed, int count, List<String> instruments, long stepMillis, long maxDisorderMillis) {
    Random random = new Random(seed);
    long startMillis = 1_767_225_600_000L + 17_345; // 2026-01-01T00:00:17.345Z
    long[] priceTicks = new long[instruments.size()];
    for (int i = 0; i < priceTicks.length; i++) {
      priceTicks[i] = 1_000_000 + 250_000L * i; // price = ticks / 10^4
    }
    Set<String> seenTimestamps = new HashSet<>();
    List<TradeTick> trades = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      int i = random.nextInt(instruments.size());
      String instrument = instruments.get(i);
      priceTicks[i] = Math.max(1, priceTicks[i] + random.nextInt(41) - 20);
      long disorder = random.nextInt(5) == 0 ? random.nextInt((int) maxDisorderMillis) : 0;
      long ts =
          (startMillis + n * stepMillis - disorder) * NANOS_PER_MILLI
              + random.nextInt((int) NANOS_PER_MILLI);
      // Distinct event times per instrument: open and close are then unambiguous.
      while (!seenTimestamps.add(instrument + "@" + ts)) {
        ts++;
      }
      BigDecimal price = BigDecimal.valueOf(priceTicks[i], 4);
      BigDecimal size = BigDecimal.valueOf(1 + random.nextInt(5_000_000), 1 + random.nextInt(8));
      trades.add(TradeTicks.trade(instrument, ts, price, size));
    }
    long farFuture = (startMillis + count * stepMillis + 3_600_000L) * NANOS_PER_MILLI;
    List<TradeTick> pushers =
        instruments.stream().map(id -> TradeTicks.trade(id, farFuture, "1", "1")).toList();
    List<TradeTick> late =
        List.of(
            TradeTicks.trade(instruments.get(0), trades.get(100).getTsEvent(), "1.5", "2"),
            TradeTicks.trade(instruments.get(1), trades.get(9_000).getTsEvent() + 1, "2.5", "3"));
    return new TradeScenario(List.copyOf(trades), pushers, late);
  }

  /** The bars of {@link #trades} at a resolution of {@code sizeMillis}, labelled {@code spec}. */
  List<ExpectedBar> expectedBars(String spec, long sizeMillis) {
    long size = sizeMillis * NANOS_PER_MILLI;
    Map<String, List<TradeTick>> groups = new TreeMap<>();
    for (TradeTick t : trades) {
      long start = Math.floorDiv(t.getTsEvent(), size) * size;
      groups.computeIfAbsent(t.getInstrumentId() + "|" + start, k -> new ArrayList<>()).add(t);
    }
    List<ExpectedBar> bars = new ArrayList<>();
    for (List<TradeTick> group : groups.values()) {
      List<TradeTick> byTime = byTime(group);
      long start = Math.floorDiv(byTime.get(0).getTsEvent(), size) * size;
      bars.add(bar(byTime, spec, start, start + size));
    }
    return bars;
  }

  /**
   * The tick bars ({@code ticks}: every {@code threshold} trades) or volume bars (once the summed
   * size reaches {@code threshold}) of {@link #trades}, per instrument in event-time order; a bar
   * spans its first trade to its last + 1 ns, and a last unfinished bar is not there.
   */
  List<ExpectedBar> expectedThresholdBars(String spec, boolean ticks, BigDecimal threshold) {
    Map<String, List<TradeTick>> byInstrument = new TreeMap<>();
    for (TradeTick t : trades) {
      byInstrument.computeIfAbsent(t.getInstrumentId(), k -> new ArrayList<>()).add(t);
    }
    List<ExpectedBar> bars = new ArrayList<>();
    for (List<TradeTick> all : byInstrument.values()) {
      List<TradeTick> current = new ArrayList<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (TradeTick t : byTime(all)) {
        current.add(t);
        sum = sum.add(ticks ? BigDecimal.ONE : t.getSize());
        if (sum.compareTo(threshold) >= 0) {
          long last = current.get(current.size() - 1).getTsEvent();
          bars.add(bar(current, spec, current.get(0).getTsEvent(), last + 1));
          current = new ArrayList<>();
          sum = BigDecimal.ZERO;
        }
      }
    }
    return bars;
  }

  private static List<TradeTick> byTime(List<TradeTick> trades) {
    return trades.stream().sorted(Comparator.comparingLong(TradeTick::getTsEvent)).toList();
  }

  /** The bar of {@code byTime} (sorted by event time) over [start, end). */
  private static ExpectedBar bar(List<TradeTick> byTime, String spec, long start, long end) {
    TradeTick first = byTime.get(0);
    TradeTick last = byTime.get(byTime.size() - 1);
    BigDecimal high = first.getPrice();
    BigDecimal low = first.getPrice();
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    for (TradeTick t : byTime) {
      high = high.max(t.getPrice());
      low = low.min(t.getPrice());
      volume = volume.add(t.getSize());
      notional = notional.add(t.getPrice().multiply(t.getSize()));
    }
    return new ExpectedBar(
        first.getInstrumentId(),
        spec,
        start,
        end,
        wire(first.getPrice()),
        wire(high),
        wire(low),
        wire(last.getPrice()),
        wire(volume),
        byTime.size(),
        notional.divide(volume, 8, RoundingMode.HALF_EVEN),
        0);
  }

  private static BigDecimal wire(BigDecimal value) {
    return value.setScale(8);
  }
}
