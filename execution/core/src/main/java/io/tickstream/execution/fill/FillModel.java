package io.tickstream.execution.fill;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.Precision;
import io.tickstream.execution.orders.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How the {@link PaperBroker} turns market updates into fills.
 *
 * <ul>
 *   <li>Spread: buys execute at the ask, sells at the bid.
 *   <li>Slippage: market-like executions move a further {@code slippageBps} against the order (ask
 *       &times; (1 + s), bid &times; (1 - s)); a limit order never executes beyond its limit.
 *   <li>Participation: one update fills at most {@code participationRate &times; volume}, rounded
 *       down to whole lots and shared by the instrument's orders in arrival order.
 *   <li>Session: DAY orders expire at the first {@code sessionEndUtc} strictly after submission
 *       (every calendar day; holidays and weekends are the caller's calendar, not modelled here).
 * </ul>
 *
 * @param slippageBps adverse price move on execution, basis points, {@code >= 0}
 * @param participationRate share of an update's volume the broker may take, in (0, 1]
 * @param commission fees per fill
 * @param sessionEndUtc time of day (UTC) at which DAY orders expire
 */
public record FillModel(
    BigDecimal slippageBps,
    BigDecimal participationRate,
    CommissionSchedule commission,
    LocalTime sessionEndUtc) {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public FillModel {
    Objects.requireNonNull(slippageBps, "slippageBps");
    Objects.requireNonNull(participationRate, "participationRate");
    Objects.requireNonNull(commission, "commission");
    Objects.requireNonNull(sessionEndUtc, "sessionEndUtc");
    if (slippageBps.signum() < 0) {
      throw new IllegalArgumentException("slippageBps must be >= 0, got " + slippageBps);
    }
    if (participationRate.signum() <= 0 || participationRate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "participationRate must be in (0, 1], got " + participationRate);
    }
  }

  /** The price a market-like order of {@code side} executes at on {@code update}. */
  public BigDecimal marketPrice(OrderSide side, MarketUpdate update) {
    BigDecimal slip = Precision.bpsToFraction(slippageBps);
    return side == OrderSide.BUY
        ? Precision.round(update.ask().multiply(BigDecimal.ONE.add(slip)))
        : Precision.round(update.bid().multiply(BigDecimal.ONE.subtract(slip)));
  }

  /**
   * The price a limit order executes at on {@code update}, or null when the update does not cross
   * the limit (buy: ask above it; sell: bid below it).
   */
  public BigDecimal limitPrice(OrderSide side, BigDecimal limit, MarketUpdate update) {
    if (side == OrderSide.BUY) {
      return update.ask().compareTo(limit) <= 0 ? marketPrice(side, update).min(limit) : null;
    }
    return update.bid().compareTo(limit) >= 0 ? marketPrice(side, update).max(limit) : null;
  }

  /** True when {@code update}'s last price reaches a stop of {@code side} at {@code stop}. */
  public static boolean stopReached(OrderSide side, BigDecimal stop, MarketUpdate update) {
    int cmp = update.last().compareTo(stop);
    return side == OrderSide.BUY ? cmp >= 0 : cmp <= 0;
  }

  /** Largest quantity the broker may take from {@code volume}, before lot rounding. */
  public BigDecimal participation(BigDecimal volume) {
    return volume.multiply(participationRate);
  }

  /** When a DAY order submitted at {@code submittedAt} (epoch nanos) expires, epoch nanos. */
  public long dayExpiry(long submittedAt) {
    LocalDate day =
        Instant.ofEpochSecond(Math.floorDiv(submittedAt, NANOS_PER_SECOND))
            .atZone(ZoneOffset.UTC)
            .toLocalDate();
    long candidate = epochNanos(day);
    return candidate > submittedAt ? candidate : epochNanos(day.plusDays(1));
  }

  private long epochNanos(LocalDate day) {
    return day.atTime(sessionEndUtc).toEpochSecond(ZoneOffset.UTC) * NANOS_PER_SECOND
        + sessionEndUtc.getNano();
  }
}
