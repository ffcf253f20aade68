package io.tickstream.api.auth;

import io.tickstream.api.ApiException;
import io.tickstream.api.limits.BearerToken;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates {@code /api/v1} requests: puts the {@link Principal} of a verified token in the
 * context, or answers 401 {@code UNAUTHENTICATED} saying why (never echoing the token). With
 * authentication off (the local demo stack) every request is {@link Principal#localDemo()}.
 */
public final class AuthHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);

  private final JwtVerifier verifier;

  /** Verifies with {@code verifier}; null means authentication is off. */
  public AuthHandler(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  /** Route handler. */
  public void handle(RoutingContext ctx) {
    if (verifier == null) {
      ctx.put(Principal.CONTEXT_KEY, Principal.localDemo());
      ctx.next();
      return;
    }
    String token = BearerToken.of(ctx);
    if (token == null || token.isEmpty()) {
      throw ApiException.unauthenticated(
          "a bearer token is required (Authorization: Bearer <jwt>)");
    }
    verifier
        .verify(token)
        .onSuccess(
            p -> {
              ctx.put(Principal.CONTEXT_KEY, p);
              ctx.next();
            })
        .onFailure(
            e -> {
              String reason =
                  e instanceof TokenRejectedException
                      ? e.getMessage()
                      : "token could not be verified";
              LOG.debug("token rejected on {}: {}", ctx.request().path(), reason);
              ctx.fail(ApiException.unauthenticated("invalid token: " + reason));
            });
  }
}
