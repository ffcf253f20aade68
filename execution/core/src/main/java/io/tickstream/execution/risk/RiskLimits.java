package io.tickstream.execution.risk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * Pre-trade limits of one account. Every limit is inclusive: a value exactly at the limit passes,
 * anything beyond is denied.
 *
 * @param maxOrderQuantity largest quantity of one order
 * @param maxOrderNotional largest quantity times price of one order (price: limit, else stop, else
 *     reference)
 * @param creditLimit largest gross exposure: positions at market plus open orders plus the new
 *     order's notional; orders that only reduce a position are exempt
 * @param priceCollarBps largest distance of a limit or stop price from the reference price, in
 *     basis points of the reference price ({@code 0} allows only the reference price itself)
 * @param maxOrdersPerWindow most orders approved within any {@code rateWindowNanos}
 * @param rateWindowNanos length of the sliding rate-limit window, nanoseconds
 * @param maxPositionQuantity largest absolute position per instrument after the order
 * @param maxDrawdown largest fall of equity from its peak, as a fraction of the peak, in (0, 1);
 *     beyond it the engine halts
 * @param restrictedInstruments instruments this account must not trade
 */
public record RiskLimits(
    BigDecimal maxOrderQuantity,
    BigDecimal maxOrderNotional,
    BigDecimal creditLimit,
    BigDecimal priceCollarBps,
    int maxOrdersPerWindow,
    long rateWindowNanos,
    BigDecimal maxPositionQuantity,
    BigDecimal maxDrawdown,
    Set<String> restrictedInstruments) {

  public RiskLimits {
    positive(maxOrderQuantity, "maxOrderQuantity");
    positive(maxOrderNotional, "maxOrderNotional");
    positive(creditLimit, "creditLimit");
    Objects.requireNonNull(priceCollarBps, "priceCollarBps");
    if (priceCollarBps.signum() < 0) {
      throw new IllegalArgumentException("priceCollarBps must be >= 0, got " + priceCollarBps);
    }
    if (maxOrdersPerWindow <= 0) {
      throw new IllegalArgumentException(
          "maxOrdersPerWindow must be > 0, got " + maxOrdersPerWindow);
    }
    if (rateWindowNanos <= 0) {
      throw new IllegalArgumentException("rateWindowNanos must be > 0, got " + rateWindowNanos);
    }
    positive(maxPositionQuantity, "maxPositionQuantity");
    Objects.requireNonNull(maxDrawdown, "maxDrawdown");
    if (maxDrawdown.signum() <= 0 || maxDrawdown.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("maxDrawdown must be in (0, 1), got " + maxDrawdown);
    }
    restrictedInstruments =
        Set.copyOf(Objects.requireNonNull(restrictedInstruments, "restrictedInstruments"));
  }

  private static void positive(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
