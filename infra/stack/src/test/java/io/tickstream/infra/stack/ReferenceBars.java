package io.tickstream.infra.stack;

import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bars computed the plain way, independently of the code under test: group trades by instrument and
 * interval, sort each group by event time (stable, so equal times keep arrival order), and read off
 * open, high, low, close, volume, count and VWAP.
 */
final class ReferenceBars {
  private ReferenceBars() {}

  /** A bar as the API serves it: decimals as plain strings. */
  record Expected(
      String instrumentId,
      String spec,
      long startNanos,
      String open,
      String high,
      String low,
      String close,
      String volume,
      long tradeCount,
      String vwap) {}

  static List<Expected> compute(List<TradeTick> trades, String spec, long sizeNanos) {
    Map<String, List<TradeTick>> groups = new TreeMap<>();
    for (TradeTick t : trades) {
      long start = Math.floorDiv(t.getTsEvent(), sizeNanos) * sizeNanos;
      groups.computeIfAbsent(t.getInstrumentId() + "|" + start, k -> new ArrayList<>()).add(t);
    }
    List<Expected> out = new ArrayList<>();
    for (List<TradeTick> group : groups.values()) {
      List<TradeTick> sorted = new ArrayList<>(group);
      sorted.sort(Comparator.comparingLong(TradeTick::getTsEvent));
      BigDecimal high = sorted.get(0).getPrice();
      BigDecimal low = high;
      BigDecimal volume = BigDecimal.ZERO;
      BigDecimal notional = BigDecimal.ZERO;
      for (TradeTick t : sorted) {
        high = high.max(t.getPrice());
        low = low.min(t.getPrice());
        volume = volume.add(t.getSize());
        notional = notional.add(t.getPrice().multiply(t.getSize()));
      }
      TradeTick first = sorted.get(0);
      TradeTick last = sorted.get(sorted.size() - 1);
      out.add(
          new Expected(
              first.getInstrumentId(),
              spec,
              Math.floorDiv(first.getTsEvent(), sizeNanos) * sizeNanos,
              plain(first.getPrice()),
              plain(high),
              plain(low),
              plain(last.getPrice()),
              plain(volume),
              sorted.size(),
              plain(notional.divide(volume, 8, RoundingMode.HALF_EVEN))));
    }
    return out;
  }

  private static String plain(BigDecimal d) {
    return d.setScale(8, RoundingMode.UNNECESSARY).toPlainString();
  }
}
