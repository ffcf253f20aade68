package io.tickstream.api.auth;

import io.tickstream.api.AuthConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Verifies compact JWS bearer tokens (RFC 7515/7519) with the JDK's {@code java.security}: the
 * header's {@code alg} must be on the allow-list (so {@code none} and HMAC never pass) and match
 * the key found by its {@code kid}; the signature must verify; {@code exp} is required, {@code nbf}
 * honoured, {@code iss} and {@code aud} checked when configured, with a clock skew allowance.
 *
 * <p>A client sends the same token with every request until it expires, and a signature check
 * (ES256 especially) costs far more than the rest of a read. Verified tokens are therefore kept, by
 * their exact text, with the key that verified them and their time window: a repeated token is
 * accepted only while that same key is still in the current key set and {@code exp}/{@code nbf}
 * still hold. Rejections are never kept.
 */
public final class JwtVerifier {
  private static final Pattern COMPACT =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final int MAX_TOKEN_LENGTH = 8192;

  /** Verified tokens kept at most (about 8 MiB of token text at the maximum length). */
  static final int VERIFIED_CAPACITY = 1024;

  private final AuthConfig cfg;
  private final JwksSource keys;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /** A token that verified: who it is, the key that verified it and its time window. */
  private record Verified(
      Principal principal, JsonWebKeySet.VerificationKey key, long exp, long nbf) {}

  /** A verifier using {@code keys} under {@code cfg}'s rules. */
  public JwtVerifier(AuthConfig cfg, JwksSource keys, Clock clock) {
    this.cfg = cfg;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Verifies {@code token}.
   *
   * @return the caller, or a failed future with a {@link TokenRejectedException}
   */
  public Future<Principal> verify(String token) {
    Verified known = verified.get(token);
    if (known != null) {
      if (keys.keys().find(known.key().kid()).filter(known.key()::equals).isPresent()) {
        try {
          checkWindow(known.exp(), known.nbf());
          return Future.succeededFuture(known.principal());
        } catch (TokenRejectedException e) {
          verified.remove(token);
          return Future.failedFuture(e);
        }
      }
      verified.remove(token); // its key rotated out: verify again against the current set
    }
    if (token.length() > MAX_TOKEN_LENGTH || !COMPACT.matcher(token).matches()) {
      return Future.failedFuture(new TokenRejectedException("malformed token"));
    }
    String[] parts = token.split("\\.");
    JsonObject header;
    try {
      header = json(parts[0]);
    } catch (TokenRejectedException e) {
      return Future.failedFuture(e);
    }
    String alg = header.getValue("alg") instanceof String s ? s : "";
    String kid = header.getValue("kid") instanceof String s ? s : "";
    if (!cfg.algorithms().contains(alg)) {
      return Future.failedFuture(new TokenRejectedException("algorithm not allowed"));
    }
    if (kid.isEmpty()) {
      return Future.failedFuture(new TokenRejectedException("token has no kid"));
    }
    if (keys.keys().find(kid).isPresent()) {
      try {
        return Future.succeededFuture(remember(token, check(parts, alg, kid, keys.keys())));
      } catch (TokenRejectedException e) {
        return Future.failedFuture(e);
      }
    }
    return keys.refreshIfStale().map(set -> remember(token, check(parts, alg, kid, set)));
  }

  private Principal remember(String token, Verified v) {
    if (verified.size() >= VERIFIED_CAPACITY) {
      verified.clear(); // crude but bounded; the next requests of each client re-verify once
    }
    verified.put(token, v);
    return v.principal();
  }

  private Verified check(String[] parts, String alg, String kid, JsonWebKeySet set) {
    JsonWebKeySet.VerificationKey key =
        set.find(kid).orElseThrow(() -> new TokenRejectedException("unknown key id"));
    if (!key.algorithm().equals(alg)) {
      throw new TokenRejectedException("algorithm does not match the key");
    }
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = decode(parts[2]);
    if (!verifies(key, signed, signature)) {
      throw new TokenRejectedException("bad signature");
    }
    JsonObject claims = json(parts[1]);
    Principal principal = principal(claims);
    long nbf = claims.getValue("nbf") instanceof Number n ? n.longValue() : Long.MIN_VALUE;
    return new Verified(principal, key, ((Number) claims.getValue("exp")).longValue(), nbf);
  }

  private void checkWindow(long exp, long nbf) {
    long now = clock.instant().getEpochSecond();
    long skew = cfg.clockSkewSeconds();
    if (now > exp + skew) {
      throw new TokenRejectedException("token expired");
    }
    if (nbf != Long.MIN_VALUE && now < nbf - skew) {
      throw new TokenRejectedException("token not yet valid");
    }
  }

  private static boolean verifies(JsonWebKeySet.VerificationKey key, byte[] signed, byte[] sig) {
    try {
      Signature verifier;
      if (key.algorithm().equals("ES256")) {
        if (sig.length != 64) {
          return false;
        }
        verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      } else {
        verifier = Signature.getInstance("SHA256withRSA");
      }
      verifier.initVerify(key.key());
      verifier.update(signed);
      return verifier.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private Principal principal(JsonObject claims) {
    if (!(claims.getValue("exp") instanceof Number exp)) {
      throw new TokenRejectedException("token has no exp");
    }
    checkWindow(
        exp.longValue(),
        claims.getValue("nbf") instanceof Number nbf ? nbf.longValue() : Long.MIN_VALUE);
    if (!cfg.issuer().isEmpty() && !cfg.issuer().equals(claims.getValue("iss"))) {
      throw new TokenRejectedException("wrong issuer");
    }
    if (!cfg.audience().isEmpty() && !strings(claims.getValue("aud")).contains(cfg.audience())) {
      throw new TokenRejectedException("wrong audience");
    }
    if (!(claims.getValue("sub") instanceof String sub) || sub.isEmpty()) {
      throw new TokenRejectedException("token has no sub");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : strings(claims.getValue(cfg.rolesClaim()))) {
      Role.parse(name).ifPresent(roles::add);
    }
    if (roles.isEmpty()) {
      throw new TokenRejectedException("token grants no role");
    }
    Role highest = roles.stream().max(Role::compareTo).orElseThrow();
    return new Principal(sub, highest, strings(claims.getValue(cfg.accountsClaim())), false);
  }

  /** A string, a space-separated string (OAuth scopes style) or an array of strings. */
  private static Set<String> strings(Object claim) {
    Set<String> out = new LinkedHashSet<>();
    if (claim instanceof String s) {
      out.addAll(List.of(s.split(" ")));
    } else if (claim instanceof JsonArray a) {
      for (Object o : a) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    out.remove("");
    return out;
  }

  private static JsonObject json(String part) {
    try {
      return new JsonObject(new String(decode(part), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new TokenRejectedException("malformed token");
    }
  }

  private static byte[] decode(String part) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException("malformed token");
    }
  }
}
