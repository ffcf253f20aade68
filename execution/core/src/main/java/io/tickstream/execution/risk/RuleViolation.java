package io.tickstream.execution.risk;

import io.tickstream.execution.orders.DenialReason;
import java.util.Optional;

/** The first rule an order broke: its code and a message with the deciding values. */
record RuleViolation(DenialReason reason, String message) {

  static Optional<RuleViolation> deny(DenialReason reason, String message) {
    return Optional.of(new RuleViolation(reason, message));
  }
}
