package io.tickstream.api.auth;

import java.util.Objects;
import java.util.Set;

/**
 * The caller of a request, from a verified token.
 *
 * @param subject the token's {@code sub}
 * @param role the highest role the token holds
 * @param accounts the account ids granted to the caller
 * @param everyAccount true only with authentication off (local demo): every account is granted
 */
public record Principal(String subject, Role role, Set<String> accounts, boolean everyAccount) {
  /** Key of the principal in the routing context. */
  public static final String CONTEXT_KEY = "tickstream.principal";

  public Principal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(role, "role");
    accounts = Set.copyOf(accounts);
  }

  /** The principal of every request when authentication is off (the local demo stack). */
  public static Principal localDemo() {
    return new Principal("local-demo", Role.ADMIN, Set.of(), true);
  }

  /** Whether {@code accountId} is granted to this caller. */
  public boolean mayAccess(String accountId) {
    return everyAccount || accounts.contains(accountId);
  }
}
