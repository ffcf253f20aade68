package io.tickstream.execution.service.config;

import io.tickstream.execution.Instruments;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the execution topology needs: instruments, accounts, market data source and the number of
 * partitions of the account-keyed internal topic.
 *
 * @param instruments tradable instruments
 * @param accounts accounts, ids unique
 * @param marketData which market data topic drives marks and fills
 * @param accountPartitions partitions of the internal topic keyed by account
 */
public record TradingSettings(
    Instruments instruments,
    List<AccountSettings> accounts,
    MarketDataSource marketData,
    int accountPartitions) {

  public TradingSettings {
    Objects.requireNonNull(instruments, "instruments");
    Objects.requireNonNull(marketData, "marketData");
    accounts = List.copyOf(accounts);
  }

  /** The account with this id, if configured. */
  public Optional<AccountSettings> account(String accountId) {
    return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst();
  }
}
