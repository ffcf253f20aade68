package io.tickstream.execution.service.topology;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.signals.Signal;
import java.util.Objects;

/**
 * What the account-keyed internal topic carries to an account's trading engine: signals of the
 * strategies it follows and market data, in one ordered log per account.
 */
sealed interface AccountInput permits AccountInput.SignalInput, AccountInput.MarketInput {

  /** Event time of the input, epoch nanoseconds: the engine's clock. */
  long eventTime();

  /**
   * A signal for the account.
   *
   * @param signalId the signal's deterministic id
   * @param signal the signal
   * @param revision revision of the bar it was computed on
   * @param tsInit when the signal was emitted (the engine's decision time)
   */
  record SignalInput(String signalId, Signal signal, int revision, long tsInit)
      implements AccountInput {
    public SignalInput {
      Objects.requireNonNull(signalId, "signalId");
      Objects.requireNonNull(signal, "signal");
    }

    @Override
    public long eventTime() {
      return tsInit;
    }
  }

  /**
   * A market update (quote, trade or bar) the account may trade against.
   *
   * @param update the update
   */
  record MarketInput(MarketUpdate update) implements AccountInput {
    public MarketInput {
      Objects.requireNonNull(update, "update");
    }

    @Override
    public long eventTime() {
      return update.tsEvent();
    }
  }
}
