package io.tickstream.bench.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;

/**
 * An ES256 key published in a JWKS file and one viewer token signed with it, so the benchmark
 * drives the API as a client does: authentication on, the same bearer token on every request.
 */
final class BenchToken {
  private static final String KID = "bench-1";

  private final KeyPair key;

  BenchToken() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    key = g.generateKeyPair();
  }

  /** Writes the key set to {@code file} and returns it. */
  Path writeJwks(Path file) throws Exception {
    ECPublicKey p = (ECPublicKey) key.getPublic();
    JsonObject jwk =
        new JsonObject()
            .put("kty", "EC")
            .put("kid", KID)
            .put("crv", "P-256")
            .put("x", b64(coordinate(p.getW().getAffineX())))
            .put("y", b64(coordinate(p.getW().getAffineY())));
    Files.writeString(file, new JsonObject().put("keys", new JsonArray().add(jwk)).encode());
    return file;
  }

  /** A viewer token valid for {@code seconds}. */
  String viewer(long seconds) throws Exception {
    long now = Instant.now().getEpochSecond();
    JsonObject header = new JsonObject().put("alg", "ES256").put("kid", KID).put("typ", "JWT");
    JsonObject claims =
        new JsonObject()
            .put("sub", "bench")
            .put("iat", now)
            .put("exp", now + seconds)
            .put("roles", new JsonArray().add("viewer"));
    String input =
        b64(header.encode().getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(claims.encode().getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initSign(key.getPrivate());
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(s.sign());
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A P-256 coordinate as exactly 32 big-endian bytes. */
  private static byte[] coordinate(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(32, b.length);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }
}
