package io.tickstream.api.auth;

/** A bearer token that does not authenticate; the message says why, without echoing the token. */
public final class TokenRejectedException extends RuntimeException {
  /** A rejection with its reason. */
  public TokenRejectedException(String reason) {
    super(reason, null, false, false);
  }
}
