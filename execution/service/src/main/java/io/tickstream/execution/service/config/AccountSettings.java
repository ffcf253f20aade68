package io.tickstream.execution.service.config;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.sizing.PositionSizer;
import java.util.Objects;
import java.util.Set;

/**
 * One account of the service: which strategies' signals it follows, how it sizes, its limits.
 *
 * @param account id, currency, starting cash and pre-trade risk limits
 * @param strategies strategy ids whose signals this account trades; {@code *} follows every one
 * @param sizer how a signal becomes a position size
 * @param options time in force of orders and whether repeated directions are ignored
 */
public record AccountSettings(
    AccountConfig account, Set<String> strategies, PositionSizer sizer, EngineOptions options) {

  /** The strategy id that follows every strategy. */
  public static final String ALL_STRATEGIES = "*";

  public AccountSettings {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sizer, "sizer");
    Objects.requireNonNull(options, "options");
    strategies = Set.copyOf(strategies);
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException(
          "account " + account.accountId() + " follows no strategy: list ids or \"*\"");
    }
  }

  /** The account id. */
  public String accountId() {
    return account.accountId();
  }

  /** True when this account trades signals of {@code strategyId}. */
  public boolean follows(String strategyId) {
    return strategies.contains(ALL_STRATEGIES) || strategies.contains(strategyId);
  }
}
