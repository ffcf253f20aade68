package io.tickstream.execution.service.topology;

/** Names of the execution topology's state stores (their changelogs are named after them). */
final class StoreNames {
  /** Engine state per account ({@link StoredAccount}). */
  static final String ACCOUNTS = "execution-accounts";

  /** Client order ids already acted on, with the time: de-duplication of signals. */
  static final String DEDUPE = "execution-dedupe";

  /** Latest market update per account and instrument: reference prices and marks. */
  static final String PRICES = "execution-prices";

  /** Standing operator commands per account or {@code *}: a global store of control.commands. */
  static final String CONTROL = "execution-control";

  private StoreNames() {}
}
