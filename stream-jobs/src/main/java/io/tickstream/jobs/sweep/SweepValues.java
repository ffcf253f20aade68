package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.sweep.RankingMetric;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structured values of the sweep job's options ({@link SweepJobOptions}): lists, name=value
 * pairs, the grid, metric, sizing, periods, walk-forward windows, durations and times. Each failure
 * is an {@link IllegalArgumentException} naming the option.
 */
final class SweepValues {

  private SweepValues() {}

  static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String s : text.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  static Map<String, String> pairs(String option, String text, String separator) {
    Map<String, String> out = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String pair : text.split(separator)) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException(
            "--" + option + ": '" + pair.trim() + "' is not name=value");
      }
      out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return out;
  }

  /** {@code fast=5,10;slow=30,50}: each parameter's candidate values. */
  static Map<String, List<String>> grid(String text) {
    Map<String, List<String>> out = new TreeMap<>();
    pairs("grid", text, ";").forEach((name, values) -> out.put(name, list(values)));
    return out;
  }

  static RankingMetric metric(String text) {
    try {
      return RankingMetric.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--metric must be one of "
              + Arrays.toString(RankingMetric.values())
              + ", got '"
              + text
              + "'");
    }
  }

  static SweepJobConfig.Sizing sizing(String text) {
    int colon = text.indexOf(':');
    try {
      SweepJobConfig.Sizing.Kind kind =
          SweepJobConfig.Sizing.Kind.valueOf(
              text.substring(0, Math.max(colon, 0)).trim().toUpperCase(Locale.ROOT));
      return new SweepJobConfig.Sizing(kind, new BigDecimal(text.substring(colon + 1).trim()));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "--sizing must be fraction:F, notional:AMOUNT or quantity:Q, got '" + text + "'");
    }
  }

  /** {@code all}, or {@code label=from/to} and {@code label=from/tradeFrom/to} joined by ';'. */
  static List<SweepJobConfig.Period> periods(String text) {
    if (text.trim().equalsIgnoreCase("all")) {
      return List.of(SweepJobConfig.Period.ALL);
    }
    List<SweepJobConfig.Period> out = new ArrayList<>();
    pairs("periods", text, ";")
        .forEach(
            (label, range) -> {
              String[] t = range.split("/");
              if (t.length != 2 && t.length != 3) {
                throw new IllegalArgumentException(
                    "--periods: '" + label + "=" + range + "' is not from/to or from/tradeFrom/to");
              }
              long from = time(t[0]);
              long to = time(t[t.length - 1]);
              long tradeFrom = t.length == 3 ? time(t[1]) : from;
              try {
                out.add(new SweepJobConfig.Period(label, from, tradeFrom, to));
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--periods: " + e.getMessage(), e);
              }
            });
    return out;
  }

  /** {@code in/out/step} durations ({@code 90d}, {@code 12h}, {@code 30m}, ISO-8601 too). */
  static SweepJobConfig.Windows windows(String text) {
    if (text == null) {
      return null;
    }
    String[] t = text.split("/");
    if (t.length != 3) {
      throw new IllegalArgumentException(
          "--walk-forward must be in/out/step, e.g. 120d/30d/30d, got '" + text + "'");
    }
    try {
      return new SweepJobConfig.Windows(duration(t[0]), duration(t[1]), duration(t[2]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--walk-forward: " + e.getMessage(), e);
    }
  }

  private static long duration(String text) {
    String t = text.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return java.time.Duration.parse(t).toNanos();
      }
      return org.apache.flink.util.TimeUtils.parseDuration(t).toNanos();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + t + "' is not a duration such as 30d or 12h");
    }
  }

  /** A date (midnight UTC) or an ISO-8601 instant, to epoch nanoseconds. */
  static long time(String text) {
    String t = text.trim();
    try {
      Instant i =
          t.length() == 10
              ? LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC)
              : Instant.parse(t);
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "--periods: '" + t + "' is not a date (2013-01-02) or an instant (2013-01-02T14:30:00Z)");
    }
  }
}
