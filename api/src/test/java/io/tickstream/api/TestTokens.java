package io.tickstream.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keys and signed tokens for tests: an RSA key (kid rsa-1) and an EC P-256 key (kid ec-1) published
 * in a JWKS file, and a rogue RSA key that is not published.
 */
final class TestTokens {
  static final String ISSUER = "https://idp.test";
  static final String AUDIENCE = "tickstream-api";

  final KeyPair rsa;
  final KeyPair ec;
  final KeyPair rogue;

  TestTokens() throws Exception {
    KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
    r.initialize(2048);
    rsa = r.generateKeyPair();
    rogue = r.generateKeyPair();
    KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
    e.initialize(new ECGenParameterSpec("secp256r1"));
    ec = e.generateKeyPair();
  }

  /** Writes the JWKS with rsa-1 and ec-1 to {@code file}. */
  Path writeJwks(Path file) throws Exception {
    RSAPublicKey rp = (RSAPublicKey) rsa.getPublic();
    ECPublicKey ep = (ECPublicKey) ec.getPublic();
    JsonArray keys =
        new JsonArray()
            .add(
                new JsonObject()
                    .put("kty", "RSA")
                    .put("kid", "rsa-1")
                    .put("use", "sig")
                    .put("alg", "RS256")
                    .put("n", b64(unsigned(rp.getModulus())))
                    .put("e", b64(unsigned(rp.getPublicExponent()))))
            .add(
                new JsonObject()
                    .put("kty", "EC")
                    .put("kid", "ec-1")
                    .put("crv", "P-256")
                    .put("x", b64(fixed(ep.getW().getAffineX())))
                    .put("y", b64(fixed(ep.getW().getAffineY()))));
    Files.writeString(file, new JsonObject().put("keys", keys).encodePrettily());
    return file;
  }

  /** Standard claims: sub, roles, accounts, iss, aud, exp in an hour. */
  static JsonObject claims(String sub, List<String> roles, List<String> accounts) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject()
        .put("sub", sub)
        .put("iss", ISSUER)
        .put("aud", AUDIENCE)
        .put("iat", now)
        .put("nbf", now - 5)
        .put("exp", now + 3600)
        .put("roles", new JsonArray(roles))
        .put("accounts", new JsonArray(accounts));
  }

  String viewer(String... accounts) {
    return rs256(
        claims("viewer-" + String.join("-", accounts), List.of("viewer"), List.of(accounts)));
  }

  String trader(String... accounts) {
    return rs256(
        claims("trader-" + String.join("-", accounts), List.of("trader"), List.of(accounts)));
  }

  String admin(String... accounts) {
    return es256(
        claims("admin-" + String.join("-", accounts), List.of("admin"), List.of(accounts)));
  }

  String rs256(JsonObject claims) {
    return sign(
        new JsonObject().put("alg", "RS256").put("kid", "rsa-1").put("typ", "JWT"),
        claims,
        rsa.getPrivate());
  }

  String es256(JsonObject claims) {
    return sign(
        new JsonObject().put("alg", "ES256").put("kid", "ec-1").put("typ", "JWT"),
        claims,
        ec.getPrivate());
  }

  /** Signs with the key's algorithm (RS256 for RSA keys, ES256 for EC keys). */
  static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
    try {
      String input =
          b64(header.encode().getBytes(StandardCharsets.UTF_8))
              + "."
              + b64(claims.encode().getBytes(StandardCharsets.UTF_8));
      Signature s =
          Signature.getInstance(
              key.getAlgorithm().equals("EC") ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token with {@code alg: none} and no signature. */
  static String unsigned(JsonObject claims) {
    return b64(
            new JsonObject()
                .put("alg", "none")
                .put("kid", "rsa-1")
                .encode()
                .getBytes(StandardCharsets.UTF_8))
        + "."
        + b64(claims.encode().getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] unsigned(BigInteger v) {
    byte[] b = v.toByteArray();
    return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }

  private static byte[] fixed(BigInteger v) {
    byte[] b = unsigned(v);
    byte[] out = new byte[32];
    System.arraycopy(b, 0, out, 32 - b.length, b.length);
    return out;
  }
}
