package io.tickstream.api.limits;

import io.tickstream.api.ApiException;
import io.tickstream.api.LimitsConfig;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits on {@code /api/v1}: one bucket per client IP, and one per bearer token (keyed by a
 * hash of the token, checked before verification so invalid tokens cost little). An empty bucket
 * answers 429 {@code RATE_LIMITED} with {@code Retry-After}.
 */
public final class RateLimitHandler {
  private final TokenBuckets perIp;
  private final TokenBuckets perToken;

  /** Limits as configured. */
  public RateLimitHandler(LimitsConfig cfg) {
    this.perIp = new TokenBuckets(cfg.ipRatePerSecond(), cfg.ipBurst());
    this.perToken = new TokenBuckets(cfg.tokenRatePerSecond(), cfg.tokenBurst());
  }

  /** Route handler: passes the request on, or fails it with 429. */
  public void handle(RoutingContext ctx) {
    long now = System.nanoTime();
    String ip =
        ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    long wait = perIp.take(ip, now);
    if (wait > 0) {
      throw ApiException.rateLimited(
          "too many requests from this address (ratelimit.ip.per.second)", seconds(wait));
    }
    String token = BearerToken.of(ctx);
    if (token != null) {
      wait = perToken.take(digest(token), now);
      if (wait > 0) {
        throw ApiException.rateLimited(
            "too many requests with this token (ratelimit.token.per.second)", seconds(wait));
      }
    }
    ctx.next();
  }

  private static long seconds(long nanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
  }

  private static String digest(String token) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
