package io.tickstream.bench.sink;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The trades and bars of the sink benchmark, and the same rows as CSV for the plain COPY. */
final class BenchRows {
  private static final int INSTRUMENTS = 50;
  private static final long T0 =
      Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).getEpochSecond()
          * 1_000_000_000L;

  private BenchRows() {}

  /** Trades number {@code from} to {@code from + count - 1} of one fixed sequence. */
  static List<TradeTick> trades(int from, int count) {
    List<TradeTick> out = new ArrayList<>(count);
    for (int n = from; n < from + count; n++) {
      long ts = T0 + n * 10_000L * 1_000L; // 10 ms apart
      out.add(
          TradeTick.newBuilder()
              .setInstrumentId("SYM" + (n % INSTRUMENTS) + ".SIM")
              .setPrice(new BigDecimal(100 + n % 97).add(new BigDecimal("0.01")).setScale(8))
              .setSize(new BigDecimal(1 + n % 9).setScale(8))
              .setAggressorSide(n % 2 == 0 ? AggressorSide.BUYER : AggressorSide.SELLER)
              .setTradeId("T" + n)
              .setTsEvent(ts)
              .setTsInit(ts + 150_000L)
              .build());
    }
    return out;
  }

  /** Bars number {@code from} to {@code from + count - 1} of one fixed sequence. */
  static List<Bar> bars(int from, int count) {
    List<Bar> out = new ArrayList<>(count);
    for (int n = from; n < from + count; n++) {
      long start = T0 - (n / INSTRUMENTS) * 60_000_000_000L;
      BigDecimal p = new BigDecimal(100 + n % 53).setScale(8);
      out.add(
          Bar.newBuilder()
              .setInstrumentId("SYM" + (n % INSTRUMENTS) + ".SIM")
              .setSpec("1m")
              .setStart(start)
              .setEnd(start + 60_000_000_000L)
              .setOpen(p)
              .setHigh(p.add(BigDecimal.ONE))
              .setLow(p.subtract(BigDecimal.ONE))
              .setClose(p)
              .setVolume(new BigDecimal(1000).setScale(8))
              .setTradeCount(42)
              .setVwap(p)
              .setRevision(0)
              .setTsEvent(start + 60_000_000_000L)
              .setTsInit(start + 60_000_000_000L)
              .build());
    }
    return out;
  }

  private static String time(long nanos) {
    return Instant.EPOCH.plus(Math.floorDiv(nanos, 1_000L), ChronoUnit.MICROS).toString();
  }

  /** CSV lines in the column order of {@code trades}. */
  static List<String> tradesCsv(List<TradeTick> trades) {
    List<String> out = new ArrayList<>(trades.size());
    for (TradeTick t : trades) {
      out.add(
          String.join(
              ",",
              t.getInstrumentId(),
              t.getTradeId(),
              time(t.getTsEvent()),
              t.getPrice().toPlainString(),
              t.getSize().toPlainString(),
              t.getAggressorSide().name(),
              time(t.getTsInit())));
    }
    return out;
  }

  /** CSV lines in the column order of {@code bars}. */
  static List<String> barsCsv(List<Bar> bars) {
    List<String> out = new ArrayList<>(bars.size());
    for (Bar b : bars) {
      out.add(
          String.join(
              ",",
              b.getInstrumentId(),
              b.getSpec(),
              time(b.getStart()),
              time(b.getEnd()),
              b.getOpen().toPlainString(),
              b.getHigh().toPlainString(),
              b.getLow().toPlainString(),
              b.getClose().toPlainString(),
              b.getVolume().toPlainString(),
              String.valueOf(b.getTradeCount()),
              b.getVwap().toPlainString(),
              String.valueOf(b.getRevision()),
              time(b.getTsInit())));
    }
    return out;
  }
}
