package io.tickstream.api.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys of a JWKS document (RFC 7517) by {@code kid}: RSA keys for RS256 and P-256 EC
 * keys for ES256. Keys without a {@code kid}, private keys' extra members, other key types and
 * encryption keys ({@code use: enc}) are ignored with a log line.
 */
public final class JsonWebKeySet {
  private static final Logger LOG = LoggerFactory.getLogger(JsonWebKeySet.class);

  /** A verification key and the one algorithm it may verify. */
  public record VerificationKey(String kid, String algorithm, PublicKey key) {}

  private final Map<String, VerificationKey> byKid;

  private JsonWebKeySet(Map<String, VerificationKey> byKid) {
    this.byKid = Map.copyOf(byKid);
  }

  /** The empty set. */
  public static JsonWebKeySet empty() {
    return new JsonWebKeySet(Map.of());
  }

  /**
   * Parses a JWKS document {@code {"keys":[…]}}.
   *
   * @throws IllegalArgumentException when the document is not a JWKS
   */
  public static JsonWebKeySet parse(String json) {
    JsonArray keys;
    try {
      keys = new JsonObject(json).getJsonArray("keys");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JWKS document: " + e.getMessage());
    }
    if (keys == null) {
      throw new IllegalArgumentException("not a JWKS document: no \"keys\" array");
    }
    Map<String, VerificationKey> byKid = new HashMap<>();
    for (Object o : keys) {
      if (!(o instanceof JsonObject jwk)) {
        continue;
      }
      try {
        key(jwk).ifPresent(k -> byKid.put(k.kid(), k));
      } catch (GeneralSecurityException | RuntimeException e) {
        LOG.warn("ignoring JWK kid={}: {}", jwk.getValue("kid"), e.toString());
      }
    }
    return new JsonWebKeySet(byKid);
  }

  /** The key with this id. */
  public Optional<VerificationKey> find(String kid) {
    return Optional.ofNullable(byKid.get(kid));
  }

  /** How many keys the set holds. */
  public int size() {
    return byKid.size();
  }

  private static Optional<VerificationKey> key(JsonObject jwk) throws GeneralSecurityException {
    String kid = jwk.getString("kid");
    String kty = jwk.getString("kty");
    if (kid == null || kid.isEmpty() || "enc".equals(jwk.getString("use"))) {
      return Optional.empty();
    }
    String alg = jwk.getString("alg");
    if ("RSA".equals(kty) && (alg == null || alg.equals("RS256"))) {
      RSAPublicKeySpec spec =
          new RSAPublicKeySpec(unsigned(jwk.getString("n")), unsigned(jwk.getString("e")));
      return Optional.of(
          new VerificationKey(kid, "RS256", KeyFactory.getInstance("RSA").generatePublic(spec)));
    }
    if ("EC".equals(kty)
        && "P-256".equals(jwk.getString("crv"))
        && (alg == null || alg.equals("ES256"))) {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec("secp256r1"));
      ECPoint point = new ECPoint(unsigned(jwk.getString("x")), unsigned(jwk.getString("y")));
      ECPublicKeySpec spec =
          new ECPublicKeySpec(point, params.getParameterSpec(ECParameterSpec.class));
      return Optional.of(
          new VerificationKey(kid, "ES256", KeyFactory.getInstance("EC").generatePublic(spec)));
    }
    LOG.warn(
        "ignoring JWK kid={} of type {} alg {}: only RSA/RS256 and EC P-256/ES256", kid, kty, alg);
    return Optional.empty();
  }

  private static BigInteger unsigned(String base64url) {
    if (base64url == null) {
      throw new IllegalArgumentException("missing key member");
    }
    return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
  }
}
