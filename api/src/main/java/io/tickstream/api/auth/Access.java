package io.tickstream.api.auth;

import io.tickstream.api.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Role and object-level checks on the caller of a request. */
public final class Access {
  private Access() {}

  /** The caller; set by the authentication handler on every {@code /api/v1} route. */
  public static Principal principal(RoutingContext ctx) {
    Principal p = ctx.get(Principal.CONTEXT_KEY);
    if (p == null) {
      throw ApiException.unauthenticated("a bearer token is required");
    }
    return p;
  }

  /** A route handler that answers 403 unless the caller's role includes {@code role}. */
  public static Handler<RoutingContext> requireRole(Role role) {
    return ctx -> {
      if (!principal(ctx).role().includes(role)) {
        throw ApiException.forbidden(
            "this route needs the role " + role.name().toLowerCase(java.util.Locale.ROOT));
      }
      ctx.next();
    };
  }

  /**
   * Checks that {@code accountId} is granted to the caller. Another account answers exactly like a
   * missing one (404), so ids cannot be probed.
   */
  public static void requireAccount(RoutingContext ctx, String accountId) {
    if (accountId == null || !principal(ctx).mayAccess(accountId)) {
      throw ApiException.notFound("unknown account");
    }
  }
}
