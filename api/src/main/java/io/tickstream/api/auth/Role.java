package io.tickstream.api.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do. Roles are ordered: a trader can do everything a viewer can, an admin
 * everything a trader can.
 */
public enum Role {
  /** Market data and the positions, equity and performance of granted accounts. */
  VIEWER,
  /** Also the orders and order events of granted accounts. */
  TRADER,
  /** Also dead letters, the kill switch and risk limits. */
  ADMIN;

  /** Whether this role includes {@code required}. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }

  /** The role named {@code name} in a token ({@code viewer}, {@code trader}, {@code admin}). */
  public static Optional<Role> parse(String name) {
    for (Role r : values()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
