package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickstream.api.auth.JwksSource;
import io.tickstream.api.auth.JwtVerifier;
import io.tickstream.api.auth.Principal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token verified once is remembered, but never past its own validity. */
class VerifiedTokenTest {
  @TempDir Path dir;
  Vertx vertx;
  JwksSource jwks;
  TestTokens tokens;
  Path file;
  final MovableClock clock = new MovableClock(Instant.now());

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    tokens = new TestTokens();
    file = tokens.writeJwks(dir.resolve("jwks.json"));
    jwks =
        JwksSource.open(vertx, file.toString(), Duration.ofMillis(100)).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    jwks.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aRepeatedTokenIsAcceptedUntilItExpires() throws Exception {
    JwtVerifier verifier = new JwtVerifier(config(), jwks, clock);
    long now = clock.instant().getEpochSecond();
    JsonObject claims =
        TestTokens.claims("viewer-1", List.of("viewer"), List.of("ACC-1")).put("exp", now + 60);
    String token = tokens.rs256(claims);

    Principal first = verifier.verify(token).await(5, TimeUnit.SECONDS);
    Principal again = verifier.verify(token).await(5, TimeUnit.SECONDS);
    assertThat(again).isEqualTo(first);
    assertThat(again.accounts()).containsExactly("ACC-1");

    clock.set(Instant.ofEpochSecond(now + 60 + 30)); // at the edge of the 30 s skew: still valid
    assertThat(verifier.verify(token).await(5, TimeUnit.SECONDS)).isEqualTo(first);
    clock.set(Instant.ofEpochSecond(now + 60 + 31));
    assertThatThrownBy(() -> verifier.verify(token).await(5, TimeUnit.SECONDS))
        .hasMessageContaining("token expired");
  }

  @Test
  void aTamperedCopyOfAVerifiedTokenIsStillRejected() throws Exception {
    JwtVerifier verifier = new JwtVerifier(config(), jwks, clock);
    String token = tokens.viewer("ACC-1");
    verifier.verify(token).await(5, TimeUnit.SECONDS);

    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + TestTokens.b64(
                TestTokens.claims("admin", List.of("admin"), List.of("ACC-1"))
                    .encode()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThatThrownBy(() -> verifier.verify(forged).await(5, TimeUnit.SECONDS))
        .hasMessageContaining("bad signature");
  }

  @Test
  void aTokenWhoseKeyRotatedOutIsVerifiedAgainAndRejected() throws Exception {
    JwtVerifier verifier = new JwtVerifier(config(), jwks, clock);
    String token = tokens.viewer("ACC-1");
    verifier.verify(token).await(5, TimeUnit.SECONDS);

    // The identity provider replaces rsa-1 (and ec-1) with new keys under the same ids.
    new TestTokens().writeJwks(file);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> verifier.verify(token).await(5, TimeUnit.SECONDS))
                    .hasMessageContaining("bad signature"));
  }

  private static AuthConfig config() {
    return new AuthConfig(
        true,
        "unused",
        TestTokens.ISSUER,
        TestTokens.AUDIENCE,
        List.of("RS256", "ES256"),
        30,
        300,
        "roles",
        "accounts");
  }

  /** A clock tests move by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
