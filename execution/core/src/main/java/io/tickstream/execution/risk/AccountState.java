package io.tickstream.execution.risk;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The account as the risk engine sees it at one instant (a snapshot, usually from {@link
 * io.tickstream.execution.portfolio.Portfolio#accountState}).
 *
 * @param accountId the account
 * @param equity cash plus positions at market
 * @param peakEquity highest equity seen so far (high-water mark), for the drawdown limit
 * @param grossExposure sum over instruments of |position| times its market price
 * @param openOrdersNotional notional of orders working at the venue and not yet filled
 * @param positions signed position per instrument; missing means flat
 */
public record AccountState(
    String accountId,
    BigDecimal equity,
    BigDecimal peakEquity,
    BigDecimal grossExposure,
    BigDecimal openOrdersNotional,
    Map<String, BigDecimal> positions) {

  public AccountState {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(peakEquity, "peakEquity");
    Objects.requireNonNull(grossExposure, "grossExposure");
    Objects.requireNonNull(openOrdersNotional, "openOrdersNotional");
    positions = Map.copyOf(Objects.requireNonNull(positions, "positions"));
    if (peakEquity.compareTo(equity) < 0) {
      throw new IllegalArgumentException(
          "peakEquity " + peakEquity + " is below equity " + equity + ": not a high-water mark");
    }
    if (grossExposure.signum() < 0 || openOrdersNotional.signum() < 0) {
      throw new IllegalArgumentException("exposure and open order notional must be >= 0");
    }
  }

  /** A flat account with {@code equity} at its peak. */
  public static AccountState flat(String accountId, BigDecimal equity) {
    return new AccountState(accountId, equity, equity, BigDecimal.ZERO, BigDecimal.ZERO, Map.of());
  }

  /** Signed position in {@code instrumentId}, zero when flat. */
  public BigDecimal position(String instrumentId) {
    return positions.getOrDefault(instrumentId, BigDecimal.ZERO);
  }
}
