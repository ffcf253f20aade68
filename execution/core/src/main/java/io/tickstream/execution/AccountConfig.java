package io.tickstream.execution;

import io.tickstream.execution.risk.RiskLimits;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One trading account, parsed once at the edge (service config, backtest request).
 *
 * <p>Risk limits have no defaults on purpose: a limit nobody chose is a limit nobody checked.
 *
 * @param accountId id used in orders, events and client order ids; 1-32 of {@code [A-Za-z0-9._-]}
 * @param currency ISO 4217 code of the account's cash, e.g. {@code USD}; all money is in it
 * @param startingCash cash before the first fill, {@code > 0}
 * @param limits pre-trade risk limits
 */
public record AccountConfig(
    String accountId, String currency, BigDecimal startingCash, RiskLimits limits) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public AccountConfig {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(startingCash, "startingCash");
    Objects.requireNonNull(limits, "limits");
    if (!ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException(
          "accountId must be 1-32 of [A-Za-z0-9._-], got '" + accountId + "'");
    }
    if (!CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException(
          "currency must be an ISO 4217 code like USD, got '" + currency + "'");
    }
    if (startingCash.signum() <= 0) {
      throw new IllegalArgumentException("startingCash must be > 0, got " + startingCash);
    }
  }
}
