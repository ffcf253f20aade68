package io.tickstream.execution.backtest;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.metrics.MetricsConventions;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.sizing.FractionOfEquitySizer;
import io.tickstream.signals.bars.TimeBarSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A backtest as a user asks for it (the CLI's options, the API's body) and as it is stored: one
 * strategy with its parameters, the instruments and period, and the few trading settings a user
 * varies. Everything else is a fixed, roomy account: the risk limits never bind except the 99 %
 * drawdown halt, DAY orders are not used (GTC), fills take the whole bar volume.
 *
 * <p>The compact constructor validates everything, so a bad request fails before any data is read,
 * with a message that names the field (an unknown strategy lists the known ones).
 *
 * @param strategy a name of {@link io.tickstream.signals.strategies.StrategyFactory}
 * @param params its parameters as text, e.g. {@code fast=10}
 * @param instruments instruments traded, at least one, no duplicates
 * @param spec bar spec, e.g. {@code 1m}, {@code 1d}
 * @param from first bar start included
 * @param to last bar end included; after {@code from}
 * @param source where the bars come from
 * @param startingCash account cash at the start, {@code > 0}
 * @param commissionBps commission per fill in basis points of notional, {@code >= 0}
 * @param slippageBps adverse price move per fill in basis points, {@code >= 0}
 * @param positionFraction share of equity per position, in (0, 1]
 * @param periodsPerYear curve points per year for annualised metrics ({@link
 *     #defaultPeriodsPerYear})
 */
public record BacktestRequest(
    String strategy,
    Map<String, String> params,
    List<String> instruments,
    String spec,
    Instant from,
    Instant to,
    Source source,
    BigDecimal startingCash,
    BigDecimal commissionBps,
    BigDecimal slippageBps,
    BigDecimal positionFraction,
    int periodsPerYear) {

  /** Where bars come from. */
  public enum Source {
    /** The {@code bars} table. */
    BARS,
    /** The {@code trades} table, aggregated into bars with the live bar code. */
    TRADES,
    /** A CSV file (CLI only). */
    CSV
  }

  public static final BigDecimal DEFAULT_CASH = new BigDecimal("100000");
  public static final BigDecimal DEFAULT_FRACTION = new BigDecimal("0.95");
  private static final BigDecimal BIG = new BigDecimal("1000000000000");
  private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();

  public BacktestRequest {
    Objects.requireNonNull(strategy, "strategy");
    params = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
    instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments"));
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(source, "source");
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("at least one instrument is needed");
    }
    if (Set.copyOf(instruments).size() != instruments.size()) {
      throw new IllegalArgumentException("instruments must not repeat: " + instruments);
    }
    if (instruments.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("instrument ids must not be blank");
    }
    TimeBarSpec.parse(spec);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
    }
    positive(startingCash, "startingCash");
    notNegative(commissionBps, "commissionBps");
    notNegative(slippageBps, "slippageBps");
    positive(positionFraction, "positionFraction");
    if (positionFraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "positionFraction must be in (0, 1], got " + positionFraction);
    }
    if (periodsPerYear <= 0) {
      throw new IllegalArgumentException("periodsPerYear must be > 0, got " + periodsPerYear);
    }
    // Unknown strategy, unknown or out-of-range parameter: fails here, naming it.
    StrategyPlan.named(strategy, params);
  }

  /**
   * Curve points per year of {@code spec}: 252 for daily bars and longer (trading days), else the
   * bars in a 365-day year (markets that trade around the clock, like the simulator's).
   */
  public static int defaultPeriodsPerYear(String spec) {
    long size = TimeBarSpec.parse(spec).sizeNanos();
    if (size >= NANOS_PER_DAY) {
      return (int) Math.max(1, 252 * NANOS_PER_DAY / size);
    }
    return (int) Math.min(Integer.MAX_VALUE, 365 * NANOS_PER_DAY / size);
  }

  /** The strategy as a plan. */
  public StrategyPlan plan() {
    return StrategyPlan.named(strategy, params);
  }

  /** The engine's configuration for trading {@code tradable}. */
  public BacktestConfig config(Instruments tradable) {
    AccountConfig account =
        new AccountConfig(
            "BACKTEST",
            "USD",
            startingCash,
            new RiskLimits(
                BIG,
                BIG,
                BIG,
                BIG,
                Integer.MAX_VALUE,
                1_000_000_000L,
                BIG,
                new BigDecimal("0.99"),
                Set.of()));
    FillModel fills =
        new FillModel(
            slippageBps,
            BigDecimal.ONE,
            new CommissionSchedule(commissionBps, BigDecimal.ZERO, BigDecimal.ZERO),
            LocalTime.of(21, 0));
    return new BacktestConfig(
        account,
        tradable,
        new FractionOfEquitySizer(positionFraction),
        fills,
        EngineOptions.DEFAULT,
        plan(),
        0,
        null,
        new MetricsConventions(periodsPerYear, 0.0));
  }

  /** The trading settings as text, for storage next to the run. */
  public Map<String, String> settings() {
    Map<String, String> s = new TreeMap<>();
    s.put("source", source.name().toLowerCase(java.util.Locale.ROOT));
    s.put("startingCash", startingCash.toPlainString());
    s.put("commissionBps", commissionBps.toPlainString());
    s.put("slippageBps", slippageBps.toPlainString());
    s.put("positionFraction", positionFraction.toPlainString());
    s.put("periodsPerYear", Integer.toString(periodsPerYear));
    return s;
  }

  /** The request whose {@link #settings} are {@code settings}, as stored. */
  public static BacktestRequest of(
      String strategy,
      Map<String, String> params,
      List<String> instruments,
      String spec,
      Instant from,
      Instant to,
      Map<String, String> settings) {
    return new BacktestRequest(
        strategy,
        params,
        instruments,
        spec,
        from,
        to,
        Source.valueOf(settings.get("source").toUpperCase(java.util.Locale.ROOT)),
        new BigDecimal(settings.get("startingCash")),
        new BigDecimal(settings.get("commissionBps")),
        new BigDecimal(settings.get("slippageBps")),
        new BigDecimal(settings.get("positionFraction")),
        Integer.parseInt(settings.get("periodsPerYear")));
  }

  private static void positive(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
  }

  private static void notNegative(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + v);
    }
  }
}
