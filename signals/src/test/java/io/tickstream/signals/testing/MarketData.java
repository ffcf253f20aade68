package io.tickstream.signals.testing;

import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.BarAccumulator;
import io.tickstream.signals.bars.TimeBarSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Test series: a long generated one and two real ones shipped as resources of {@code
 * org.ta4j:ta4j-examples:0.18} (read from the classpath, not copied into the repo).
 */
public final class MarketData {
  private static final long DAY = TimeUnit.DAYS.toNanos(1);
  private static OhlcvSeries aapl;
  private static OhlcvSeries bitstamp;

  private MarketData() {}

  /**
   * A geometric random walk of {@code n} one-minute bars from 100, 1% moves per bar, with wicks and
   * log-normal volume; the same for the same seed.
   */
  public static OhlcvSeries generated(int n, long seed) {
    Random rnd = new Random(seed);
    long[] start = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    double price = 100.0;
    long minute = TimeUnit.MINUTES.toNanos(1);
    for (int i = 0; i < n; i++) {
      start[i] = 1_700_000_000_000_000_000L + i * minute;
      o[i] = price;
      price = price * Math.exp(0.01 * rnd.nextGaussian());
      c[i] = price;
      h[i] = Math.max(o[i], c[i]) * (1 + 0.004 * Math.abs(rnd.nextGaussian()));
      l[i] = Math.min(o[i], c[i]) * (1 - 0.004 * Math.abs(rnd.nextGaussian()));
      v[i] = Math.exp(8 + rnd.nextGaussian());
    }
    return new OhlcvSeries("generated-" + n + "-" + seed, start, minute, o, h, l, c, v);
  }

  /** Apple daily bars of 2013 (252 bars). */
  public static synchronized OhlcvSeries aaplDaily() {
    if (aapl == null) {
      List<String[]> rows = readCsv("/appleinc_bars_from_20130101_usd.csv");
      int n = rows.size();
      OhlcvSeries s =
          new OhlcvSeries(
              "aapl-2013-daily",
              new long[n],
              DAY,
              new double[n],
              new double[n],
              new double[n],
              new double[n],
              new double[n]);
      for (int i = 0; i < n; i++) {
        String[] r = rows.get(i);
        s.start()[i] =
            LocalDate.parse(r[0]).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        s.open()[i] = Double.parseDouble(r[1]);
        s.high()[i] = Double.parseDouble(r[2]);
        s.low()[i] = Double.parseDouble(r[3]);
        s.close()[i] = Double.parseDouble(r[4]);
        s.volume()[i] = Double.parseDouble(r[5]);
      }
      aapl = s;
    }
    return aapl;
  }

  /** The 100,000 Bitstamp BTC/USD trades from 2013-11-25 as 1-minute bars (minutes with trades). */
  public static synchronized OhlcvSeries bitstampMinuteBars() {
    if (bitstamp == null) {
      List<Bar> bars = aggregate(bitstampTrades(), TimeBarSpec.parse("1m"));
      int n = bars.size();
      OhlcvSeries s =
          new OhlcvSeries(
              "bitstamp-btcusd-1m",
              new long[n],
              TimeUnit.MINUTES.toNanos(1),
              new double[n],
              new double[n],
              new double[n],
              new double[n],
              new double[n]);
      for (int i = 0; i < n; i++) {
        Bar b = bars.get(i);
        s.start()[i] = b.start();
        s.open()[i] = b.open().doubleValue();
        s.high()[i] = b.high().doubleValue();
        s.low()[i] = b.low().doubleValue();
        s.close()[i] = b.close().doubleValue();
        s.volume()[i] = b.volume().doubleValue();
      }
      bitstamp = s;
    }
    return bitstamp;
  }

  /** A Bitstamp trade: epoch nanoseconds, price, amount. */
  public record Trade(long tsNanos, BigDecimal price, BigDecimal size) {}

  public static List<Trade> bitstampTrades() {
    List<String[]> rows = readCsv("/bitstamp_trades_from_20131125_usd.csv");
    List<Trade> trades = new ArrayList<>(rows.size());
    for (String[] r : rows) {
      trades.add(
          new Trade(
              Long.parseLong(r[0]) * 1_000_000_000L, new BigDecimal(r[1]), new BigDecimal(r[2])));
    }
    return trades;
  }

  private static List<Bar> aggregate(List<Trade> trades, TimeBarSpec spec) {
    TreeMap<Long, BarAccumulator> byStart = new TreeMap<>();
    for (Trade t : trades) {
      byStart
          .computeIfAbsent(spec.startOf(t.tsNanos()), k -> new BarAccumulator())
          .add(t.tsNanos(), t.price(), t.size());
    }
    List<Bar> bars = new ArrayList<>(byStart.size());
    byStart.forEach(
        (start, acc) ->
            bars.add(
                acc.toBar("BTCUSD.BITSTAMP", spec.text(), start, start + spec.sizeNanos(), 0)));
    return bars;
  }

  private static List<String[]> readCsv(String resource) {
    InputStream in = MarketData.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          resource + " not on the classpath: it ships in org.ta4j:ta4j-examples:0.18");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      r.readLine(); // header
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
