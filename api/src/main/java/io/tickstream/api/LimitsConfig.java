package io.tickstream.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request caps and rate limits; each is named in the 400/413/429 answer that enforces it.
 *
 * @param bodyMaxBytes largest request body ({@code limits.body.max.bytes}, default 16384)
 * @param rangeMaxDays largest {@code to - from} span of a time-range query ({@code
 *     limits.range.max.days}, default 31)
 * @param tokenRatePerSecond requests per second refilled per token ({@code
 *     ratelimit.token.per.second}, default 50)
 * @param tokenBurst bucket size per token ({@code ratelimit.token.burst}, default 100)
 * @param ipRatePerSecond requests per second refilled per client IP ({@code
 *     ratelimit.ip.per.second}, default 100)
 * @param ipBurst bucket size per client IP ({@code ratelimit.ip.burst}, default 200)
 */
public record LimitsConfig(
    int bodyMaxBytes,
    int rangeMaxDays,
    double tokenRatePerSecond,
    int tokenBurst,
    double ipRatePerSecond,
    int ipBurst) {

  /** Every key with its description. */
  public static final Map<String, String> DESCRIPTIONS = descriptions();

  /** Validates every field; messages name the key. */
  public LimitsConfig {
    ConfigValues.requireRange(bodyMaxBytes, 256, 10_000_000, "limits.body.max.bytes");
    ConfigValues.requireRange(rangeMaxDays, 1, 36_500, "limits.range.max.days");
    positive(tokenRatePerSecond, "ratelimit.token.per.second");
    positive(ipRatePerSecond, "ratelimit.ip.per.second");
    ConfigValues.requireRange(tokenBurst, 1, 10_000_000, "ratelimit.token.burst");
    ConfigValues.requireRange(ipBurst, 1, 10_000_000, "ratelimit.ip.burst");
  }

  /** The defaults. */
  public static LimitsConfig defaults() {
    return new LimitsConfig(16_384, 31, 50, 100, 100, 200);
  }

  static LimitsConfig from(ConfigValues v) {
    LimitsConfig d = defaults();
    return new LimitsConfig(
        v.integer("limits.body.max.bytes", d.bodyMaxBytes),
        v.integer("limits.range.max.days", d.rangeMaxDays),
        v.decimal("ratelimit.token.per.second", d.tokenRatePerSecond),
        v.integer("ratelimit.token.burst", d.tokenBurst),
        v.decimal("ratelimit.ip.per.second", d.ipRatePerSecond),
        v.integer("ratelimit.ip.burst", d.ipBurst));
  }

  private static void positive(double value, String key) {
    if (!(value > 0 && value <= 10_000_000)) {
      throw new IllegalArgumentException(key + " must be in (0, 10000000], got " + value);
    }
  }

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("limits.body.max.bytes", "largest request body in bytes, 256..10000000 (default 16384)");
    d.put("limits.range.max.days", "largest to-from span of a query in days (default 31)");
    d.put("ratelimit.token.per.second", "requests/s refilled per bearer token (default 50)");
    d.put("ratelimit.token.burst", "burst size per bearer token (default 100)");
    d.put("ratelimit.ip.per.second", "requests/s refilled per client IP (default 100)");
    d.put("ratelimit.ip.burst", "burst size per client IP (default 200)");
    return Collections.unmodifiableMap(d);
  }
}
