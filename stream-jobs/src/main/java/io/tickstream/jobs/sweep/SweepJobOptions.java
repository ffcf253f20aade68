package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.sweep.RankingMetric;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.util.ParameterTool;

/**
 * The command line of the sweep job ({@code --key value} pairs, read with Flink's {@link
 * ParameterTool}) to a {@link SweepJobConfig}. Every mistake is an {@link IllegalArgumentException}
 * naming the option and what was expected.
 */
public final class SweepJobOptions {

  /** Option names, defaults and one-line descriptions, as {@code --help} prints them. */
  static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

  static {
    option("csv", null, "bar file (path or Flink file system URI), header row required");
    option("out", null, "result file (CSV), one ranked row per case, overwritten");
    option("strategy", null, "strategy name, e.g. ma-crossover");
    option("grid", null, "varied parameters, e.g. 'fast=5,10,20;slow=30,50'");
    option("params", "", "fixed parameters, e.g. 'type=ema,allowShort=false'");
    option(
        "instruments",
        null,
        "traded instruments, e.g. AAPL.XNAS,MSFT.XNAS (default: --instrument)");
    option("instrument", null, "instrument of rows without an 'instrument' column");
    option("spec", null, "bar spec of rows without 'end'/'spec' columns, e.g. 1d");
    option("per-instrument", "true", "one case per instrument (true) or all instruments at once");
    option(
        "periods", "all", "'all' or 'label=from/to;label=from/tradeFrom/to' (dates or instants)");
    option(
        "walk-forward",
        null,
        "walk-forward windows 'in/out/step' as durations, e.g. 120d/30d/30d (--periods is then"
            + " ignored)");
    option("metric", "sharpe", "ranking metric: " + Arrays.toString(RankingMetric.values()));
    option("sizing", "fraction:0.5", "fraction:F of equity, notional:AMOUNT or quantity:Q");
    option("cash", "100000", "starting cash");
    option("slippage-bps", "0", "adverse price move per fill, basis points");
    option("commission-bps", "0", "commission, basis points of notional");
    option("participation", "1", "share of a bar's volume one fill may take, (0, 1]");
    option("max-drawdown", "0.99", "drawdown at which the account halts, (0, 1)");
    option("tick-size", "0.01", "price increment of every instrument");
    option("lot-size", "1", "quantity increment of every instrument");
    option("benchmark", null, "benchmark instrument for alpha/beta (its bars must be in the file)");
    option("periods-per-year", "252", "bars per year, for annualised metrics");
    option("parallelism", "0", "job parallelism (0: the cluster default)");
  }

  /** What ParameterTool stores for a {@code --key} without a value (its constant is protected). */
  private static final String NO_VALUE = "__NO_VALUE_KEY";

  private SweepJobOptions() {}

  private static void option(String name, String defaultValue, String description) {
    OPTIONS.put(name, new String[] {defaultValue, description});
  }

  /** The usage text. */
  public static String usage() {
    StringBuilder b =
        new StringBuilder(
            "usage: flink run -c io.tickstream.jobs.sweep.SweepJob stream-jobs-job.jar"
                + " --csv FILE --strategy NAME --grid SPEC --out FILE [options]\n");
    OPTIONS.forEach(
        (name, d) ->
            b.append(String.format(Locale.ROOT, "  --%-18s %s", name, d[1]))
                .append(d[0] == null ? "" : " (default " + (d[0].isEmpty() ? "none" : d[0]) + ")")
                .append('\n'));
    return b.toString();
  }

  /** Parses {@code args}; see {@link #usage}. */
  public static SweepJobConfig parse(String... args) {
    ParameterTool p;
    try {
      p = ParameterTool.fromArgs(args);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read the arguments (" + e.getMessage() + "); use --key value pairs", e);
    }
    Set<String> unknown = new TreeSet<>(p.toMap().keySet());
    unknown.removeAll(OPTIONS.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown option(s) " + unknown + "; known: " + OPTIONS.keySet());
    }
    String instrument = optional(p, "instrument");
    List<String> instruments = SweepValues.list(optional(p, "instruments"));
    if (instruments.isEmpty() && instrument != null) {
      instruments = List.of(instrument);
    }
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("--instruments (or --instrument) is required");
    }
    String strategy = required(p, "strategy");
    Map<String, String> fixed = SweepValues.pairs("params", get(p, "params"), ",");
    Map<String, List<String>> grid = SweepValues.grid(required(p, "grid"));
    SweepJobConfig config =
        new SweepJobConfig(
            absolute(required(p, "csv")),
            instrument,
            optional(p, "spec"),
            strategy,
            fixed,
            grid,
            instruments,
            decimal(p, "tick-size"),
            decimal(p, "lot-size"),
            bool(p, "per-instrument"),
            SweepValues.periods(get(p, "periods")),
            SweepValues.windows(optional(p, "walk-forward")),
            SweepValues.metric(get(p, "metric")),
            SweepValues.sizing(get(p, "sizing")),
            decimal(p, "cash"),
            decimal(p, "slippage-bps"),
            decimal(p, "commission-bps"),
            decimal(p, "participation"),
            decimal(p, "max-drawdown"),
            optional(p, "benchmark"),
            integer(p, "periods-per-year"),
            absolute(required(p, "out")),
            integer(p, "parallelism"));
    requirePlans(config);
    try {
      // Builds every engine part once: a bad sizing, fill or limit value fails here, not on a
      // task manager.
      config.baseConfig();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid option: " + e.getMessage(), e);
    }
    return config;
  }

  private static String get(ParameterTool p, String name) {
    String value = p.get(name, OPTIONS.get(name)[0]);
    if (value != null && value.equals(NO_VALUE)) {
      throw new IllegalArgumentException("--" + name + " needs a value");
    }
    return value;
  }

  private static String optional(ParameterTool p, String name) {
    String value = get(p, name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String required(ParameterTool p, String name) {
    String value = optional(p, name);
    if (value == null) {
      throw new IllegalArgumentException(
          "--" + name + " is required: " + OPTIONS.get(name)[1] + "\n" + usage());
    }
    return value;
  }

  /**
   * A local path made absolute against the client's working directory (task managers run
   * elsewhere); a URI with a scheme ({@code s3://}, {@code file:/}) is kept as it is.
   */
  static String absolute(String location) {
    return location.contains(":/") ? location : Path.of(location).toAbsolutePath().toString();
  }

  private static BigDecimal decimal(ParameterTool p, String name) {
    String value = get(p, name);
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a decimal, got '" + value + "'");
    }
  }

  private static int integer(ParameterTool p, String name) {
    String value = get(p, name);
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number >= 0, got '" + value + "'");
    }
  }

  private static boolean bool(ParameterTool p, String name) {
    String value = get(p, name).trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(
          "--" + name + " must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** Plans of the grid; fails when none is valid, with the strategy's own reason for the first. */
  static List<StrategyPlan> requirePlans(SweepJobConfig config) {
    List<StrategyPlan> plans = config.plans();
    if (!plans.isEmpty()) {
      return plans;
    }
    Map<String, Object> first = new TreeMap<>(config.fixedParams());
    config.grid().forEach((k, v) -> first.put(k, v.isEmpty() ? "" : v.get(0)));
    try {
      StrategyPlan.named(config.strategy(), first);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--grid gives no valid parameter combination; the first one fails with: "
              + e.getMessage(),
          e);
    }
    throw new IllegalArgumentException("--grid gives no parameter combination");
  }
}
