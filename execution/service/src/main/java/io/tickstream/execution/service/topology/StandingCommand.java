package io.tickstream.execution.service.topology;

import io.tickstream.execution.risk.TradingMode;
import io.tickstream.schemas.avro.ControlAction;
import io.tickstream.schemas.avro.ControlCommand;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The operator command in force for an account: the later (by {@code tsEvent}) of the latest
 * command for the account and the latest for every account ({@code *}).
 */
final class StandingCommand {
  /** Key of commands that apply to every account. */
  static final String ALL_ACCOUNTS = "*";

  private StandingCommand() {}

  static Optional<ControlCommand> of(
      ReadOnlyKeyValueStore<String, ControlCommand> store, String accountId) {
    ControlCommand own = store.get(accountId);
    ControlCommand all = store.get(ALL_ACCOUNTS);
    if (own == null) {
      return Optional.ofNullable(all);
    }
    if (all == null) {
      return Optional.of(own);
    }
    return Optional.of(all.getTsEvent() > own.getTsEvent() ? all : own);
  }

  /** The mode a command asks for; empty for an action this version does not know. */
  static Optional<TradingMode> mode(ControlCommand command) {
    ControlAction action = command.getAction();
    if (action == ControlAction.HALT) {
      return Optional.of(TradingMode.HALTED);
    }
    if (action == ControlAction.REDUCING) {
      return Optional.of(TradingMode.REDUCING);
    }
    if (action == ControlAction.RESUME) {
      return Optional.of(TradingMode.NORMAL);
    }
    return Optional.empty();
  }
}
