package io.tickstream.execution.service.venue;

import io.tickstream.execution.Instruments;
import io.tickstream.execution.engine.ExecutionVenue;
import io.tickstream.execution.service.config.AccountSettings;

/**
 * Creates the venue an account's trading engine sends orders to. Called whenever an engine is
 * created or restored (after a restart or a rebalance), so every call must return a fresh venue;
 * what must outlive the engine (the broker's memory of submitted orders) lives behind it.
 */
@FunctionalInterface
public interface VenueFactory {

  /** A fresh venue for {@code account}. */
  ExecutionVenue create(AccountSettings account, Instruments instruments);
}
