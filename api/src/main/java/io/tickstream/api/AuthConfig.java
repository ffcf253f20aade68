package io.tickstream.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@code /api/v1/*} authenticates: JWT bearer tokens signed with keys of a JWKS.
 *
 * @param enabled whether tokens are required ({@code auth.enabled}, default true); false only for
 *     the local demo stack, where every request acts as an admin of every account
 * @param jwks a JWKS file path or {@code http(s)://} URL ({@code auth.jwks}); required when enabled
 *     (checked at start by {@link #requireKeys}, so a config without it still parses)
 * @param issuer the required {@code iss} ({@code auth.issuer}); empty means not checked
 * @param audience a value {@code aud} must hold ({@code auth.audience}); empty means not checked
 * @param algorithms accepted {@code alg} values, a subset of RS256 and ES256 ({@code
 *     auth.algorithms})
 * @param clockSkewSeconds tolerance on {@code exp} and {@code nbf} ({@code
 *     auth.clock.skew.seconds})
 * @param jwksRefreshSeconds how often the JWKS is re-read; an unknown {@code kid} also triggers a
 *     re-read, at most once per 10 s ({@code auth.jwks.refresh.seconds})
 * @param rolesClaim the claim holding the roles viewer, trader, admin ({@code auth.roles.claim})
 * @param accountsClaim the claim holding the granted account ids ({@code auth.accounts.claim})
 */
public record AuthConfig(
    boolean enabled,
    String jwks,
    String issuer,
    String audience,
    List<String> algorithms,
    int clockSkewSeconds,
    int jwksRefreshSeconds,
    String rolesClaim,
    String accountsClaim) {

  /** The algorithms this API can verify. */
  public static final Set<String> SUPPORTED_ALGORITHMS = Set.of("RS256", "ES256");

  /** Every key with its description. */
  public static final Map<String, String> DESCRIPTIONS = descriptions();

  /** Validates every field; messages name the key. */
  public AuthConfig {
    algorithms = List.copyOf(algorithms);
    if (algorithms.isEmpty() || !SUPPORTED_ALGORITHMS.containsAll(algorithms)) {
      throw new IllegalArgumentException(
          "auth.algorithms must be a non-empty subset of "
              + SUPPORTED_ALGORITHMS
              + ", got "
              + algorithms);
    }
    jwks = jwks == null ? "" : jwks.strip();
    ConfigValues.requireRange(clockSkewSeconds, 0, 600, "auth.clock.skew.seconds");
    ConfigValues.requireRange(jwksRefreshSeconds, 10, 86_400, "auth.jwks.refresh.seconds");
    if (rolesClaim.isBlank() || accountsClaim.isBlank()) {
      throw new IllegalArgumentException(
          "auth.roles.claim and auth.accounts.claim must not be empty");
    }
  }

  /** Whether tokens are required and a key set is named. */
  public boolean configured() {
    return enabled && !jwks.isEmpty();
  }

  /**
   * Checks that an enabled config names its keys.
   *
   * @throws IllegalArgumentException when {@code auth.enabled=true} without {@code auth.jwks}
   */
  public void requireKeys() {
    if (enabled && jwks.isEmpty()) {
      throw new IllegalArgumentException(
          "auth.jwks must name a JWKS file or URL when auth.enabled=true"
              + " (auth.enabled=false only for the local demo stack)");
    }
  }

  /** Authentication off: the local demo stack only. */
  public static AuthConfig disabled() {
    return new AuthConfig(
        false, "", "", "", List.of("RS256", "ES256"), 30, 300, "roles", "accounts");
  }

  static AuthConfig from(ConfigValues v) {
    AuthConfig d = disabled();
    return new AuthConfig(
        v.bool("auth.enabled", true),
        v.text("auth.jwks", d.jwks),
        v.text("auth.issuer", d.issuer),
        v.text("auth.audience", d.audience),
        v.list("auth.algorithms", d.algorithms),
        v.integer("auth.clock.skew.seconds", d.clockSkewSeconds),
        v.integer("auth.jwks.refresh.seconds", d.jwksRefreshSeconds),
        v.text("auth.roles.claim", d.rolesClaim),
        v.text("auth.accounts.claim", d.accountsClaim));
  }

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("auth.enabled", "require JWT bearer tokens on /api/v1 (default true; false: local demo)");
    d.put("auth.jwks", "JWKS file path or http(s) URL with the token signing keys");
    d.put("auth.issuer", "required iss claim, empty = not checked (default empty)");
    d.put("auth.audience", "required aud value, empty = not checked (default empty)");
    d.put("auth.algorithms", "accepted alg values, subset of RS256,ES256 (default RS256,ES256)");
    d.put("auth.clock.skew.seconds", "tolerance on exp and nbf, 0..600 (default 30)");
    d.put("auth.jwks.refresh.seconds", "JWKS re-read interval, 10..86400 (default 300)");
    d.put("auth.roles.claim", "claim with the roles viewer/trader/admin (default roles)");
    d.put("auth.accounts.claim", "claim with the granted account ids (default accounts)");
    return Collections.unmodifiableMap(d);
  }
}
