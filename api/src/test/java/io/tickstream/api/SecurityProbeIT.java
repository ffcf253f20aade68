package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe suite against the secured API: other accounts' ids, bad tokens, role escalation, an SQL
 * injection corpus on every parameter, oversized page, range and body, and a rate-limit burst.
 * Every response must have its expected status, none a 5xx, none another account's rows, and the
 * database must be unchanged (audit table aside).
 */
class SecurityProbeIT {
  @TempDir static Path dir;
  static SecuredApi api;

  /** One request and the status it must get. */
  record Probe(String method, String url, String token, String body, int expected) {}

  static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE trades;--",
          "\" OR 1=1 --",
          "') UNION SELECT account_id FROM orders--",
          "ACC-1' OR account_id='ACC-2",
          "$1) OR (1=1");

  static final int TOKEN_BURST = 40;
  static final double TOKEN_RATE = 0.5;

  @BeforeAll
  static void start() throws Exception {
    api =
        SecuredApi.start(
            dir,
            Map.of(
                "ratelimit.token.burst",
                Integer.toString(TOKEN_BURST),
                "ratelimit.token.per.second",
                Double.toString(TOKEN_RATE)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void everyProbeGetsItsExpectedAnswerAndTheDatabaseIsUnchanged() throws Exception {
    Map<String, String> before = checksums();
    List<Probe> probes = new ArrayList<>();
    probes.addAll(otherAccounts());
    probes.addAll(badTokens());
    probes.addAll(roleEscalation());
    probes.addAll(injections());
    probes.addAll(oversized());
    int failures5xx = 0;
    for (Probe p : probes) {
      HttpProbe.Reply r = api.http.send(p.method(), p.url(), p.token(), p.body());
      assertThat(r.status())
          .as("%s %s -> %s", p.method(), p.url(), r.body())
          .isEqualTo(p.expected());
      failures5xx += r.status() >= 500 ? 1 : 0;
      assertNoLeak(p, r);
    }
    int burst = rateLimitBurst();
    assertThat(failures5xx).isZero();
    assertThat(probes.size() + burst).isGreaterThanOrEqualTo(60);
    assertThat(checksums()).isEqualTo(before);
    LoggerHolder.LOG.info(
        "security probes: {} requests, 0 5xx, 0 leaks, database unchanged", probes.size() + burst);
  }

  private static void assertNoLeak(Probe p, HttpProbe.Reply r) {
    String body = r.body();
    assertThat(body)
        .as(p.url())
        .doesNotContain("ACC-2")
        .doesNotContain("O-9")
        .doesNotContain("AAPL.XNAS\",\"quantity");
    assertThat(body)
        .as(p.url())
        .doesNotContainIgnoringCase("select ")
        .doesNotContain("at io.")
        .doesNotContain("Exception");
    if (r.status() == 200) {
      JsonObject json = r.json();
      assertThat(json.getJsonArray("items"))
          .as("an injected filter matches nothing: %s", p.url())
          .isEmpty();
    } else {
      assertThat(r.json().fieldNames()).as(p.url()).contains("code", "message");
    }
  }

  private static List<Probe> otherAccounts() {
    String t = api.tokens.trader("ACC-1");
    List<Probe> out = new ArrayList<>();
    for (String url :
        List.of(
            "/api/v1/accounts/ACC-2/positions",
            "/api/v1/accounts/ACC-2/orders",
            "/api/v1/accounts/ACC-2/orders/O-9",
            "/api/v1/accounts/ACC-1/orders/O-9",
            "/api/v1/accounts/ACC-2/order-events",
            "/api/v1/accounts/ACC-2/equity",
            "/api/v1/accounts/ACC-2/performance")) {
      out.add(new Probe("GET", url, t, null, 404));
    }
    out.add(new Probe("GET", "/api/v1/streams/order-events?accountId=ACC-2", t, null, 404));
    out.add(
        new Probe(
            "PUT",
            "/api/v1/admin/accounts/ACC-2/risk-limits",
            api.tokens.admin("ACC-1"),
            LIMITS,
            404));
    return out;
  }

  static final String LIMITS =
      "{\"maxOrderQuantity\":\"1\",\"maxOrderNotional\":\"1\",\"maxPositionQuantity\":\"1\",\"maxDrawdown\":\"0.1\",\"maxOrdersPerMinute\":1}";

  private static List<Probe> badTokens() {
    TestTokens k = api.tokens;
    JsonObject good = TestTokens.claims("mallory", List.of("admin"), List.of("ACC-2"));
    long now = System.currentTimeMillis() / 1000;
    List<String> tokens = new ArrayList<>();
    tokens.add(TestTokens.sign(header("RS256", "rsa-1"), good, k.rogue.getPrivate())); // forged
    tokens.add(k.rs256(good.copy().put("exp", now - 3600))); // expired
    tokens.add(k.rs256(good.copy().put("nbf", now + 3600))); // not yet valid
    tokens.add(TestTokens.unsigned(good)); // alg none
    tokens.add(k.rs256(good.copy().put("aud", "another-api"))); // wrong audience
    tokens.add(k.rs256(good.copy().put("iss", "https://evil.test"))); // wrong issuer
    tokens.add(TestTokens.sign(header("RS256", "rsa-9"), good, k.rsa.getPrivate())); // unknown kid
    tokens.add(
        TestTokens.sign(header("ES256", "rsa-1"), good, k.ec.getPrivate())); // alg/key mismatch
    tokens.add(hs256(good)); // HMAC with the public key as secret
    tokens.add(k.rs256(good.copy().put("roles", List.of("root")))); // no known role
    tokens.add(k.rs256(good.copy().putNull("exp"))); // no exp
    tokens.add("not.a.jwt");
    String valid = k.viewer("ACC-1");
    tokens.add(valid.substring(0, valid.length() - 4) + "AAAA"); // tampered signature
    List<Probe> out = new ArrayList<>();
    for (String token : tokens) {
      out.add(new Probe("GET", "/api/v1/accounts/ACC-2/positions", token, null, 401));
    }
    out.add(new Probe("GET", "/api/v1/instruments", null, null, 401));
    return out;
  }

  private static List<Probe> roleEscalation() {
    String viewer = api.tokens.viewer("ACC-1");
    String trader = api.tokens.trader("ACC-1");
    return List.of(
        new Probe(
            "POST",
            "/api/v1/admin/kill-switch",
            viewer,
            "{\"engaged\":true,\"reason\":\"x\"}",
            403),
        new Probe(
            "POST",
            "/api/v1/admin/kill-switch",
            trader,
            "{\"engaged\":true,\"reason\":\"x\"}",
            403),
        new Probe("PUT", "/api/v1/admin/accounts/ACC-1/risk-limits", trader, LIMITS, 403),
        new Probe("GET", "/api/v1/admin/dead-letters", trader, null, 403),
        new Probe("GET", "/api/v1/accounts/ACC-1/orders", viewer, null, 403));
  }

  private static List<Probe> injections() {
    List<Probe> out = new ArrayList<>();
    for (String raw : INJECTIONS) {
      String token = freshAdmin(); // an admin reaches every route; a fresh token has a full bucket
      String v = URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
      String trades = "/api/v1/instruments/BTCUSDT.BINANCE/trades?";
      // A path value starting with a double quote is refused by the OpenAPI validator (400), any
      // other cannot name a row (404).
      int path = raw.startsWith("\"") ? 400 : 404;
      out.add(new Probe("GET", "/api/v1/instruments/" + v + "/trades", token, null, path));
      out.add(new Probe("GET", "/api/v1/bars/" + v + "?spec=1m", token, null, path));
      out.add(new Probe("GET", "/api/v1/prices/latest/" + v, token, null, path));
      out.add(new Probe("GET", "/api/v1/accounts/" + v + "/positions", token, null, path));
      out.add(new Probe("GET", "/api/v1/accounts/ACC-1/orders/" + v, token, null, path));
      out.add(new Probe("GET", trades + "from=" + v, token, null, 400));
      out.add(new Probe("GET", trades + "to=" + v, token, null, 400));
      out.add(new Probe("GET", trades + "limit=" + v, token, null, 400));
      out.add(new Probe("GET", trades + "cursor=" + v, token, null, 400));
      out.add(new Probe("GET", trades + "sort=" + v, token, null, 400));
      out.add(new Probe("GET", "/api/v1/bars/BTCUSDT.BINANCE?spec=" + v, token, null, 400));
      int filter = raw.startsWith("\"") ? 400 : 200;
      out.add(new Probe("GET", "/api/v1/signals?strategy=" + v, token, null, filter));
      out.add(new Probe("GET", "/api/v1/signals?instrumentId=" + v, token, null, filter));
      out.add(new Probe("GET", "/api/v1/accounts/ACC-1/orders?status=" + v, token, null, 400));
      out.add(new Probe("GET", "/api/v1/accounts/ACC-1/order-events?type=" + v, token, null, 400));
      out.add(
          new Probe(
              "GET", "/api/v1/instruments/BTCUSDT.BINANCE/features?name=" + v, token, null, 400));
      out.add(new Probe("GET", "/api/v1/admin/dead-letters?reason=" + v, token, null, 400));
      out.add(
          new Probe(
              "GET", "/api/v1/accounts/ACC-1/performance?periodsPerYear=" + v, token, null, 400));
    }
    return out;
  }

  private static List<Probe> oversized() {
    String token = freshAdmin();
    String big = "{\"engaged\":true,\"reason\":\"" + "x".repeat(20_000) + "\"}";
    return List.of(
        new Probe("GET", "/api/v1/instruments/BTCUSDT.BINANCE/trades?limit=5001", token, null, 400),
        new Probe("GET", "/api/v1/bars/BTCUSDT.BINANCE?spec=1m&limit=100001", token, null, 400),
        new Probe(
            "GET",
            "/api/v1/instruments/BTCUSDT.BINANCE/trades?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z",
            token,
            null,
            400),
        new Probe("POST", "/api/v1/admin/kill-switch", token, big, 413),
        new Probe(
            "POST",
            "/api/v1/admin/kill-switch",
            token,
            "{\"engaged\":\"yes\",\"reason\":\"x\",\"extra\":1}",
            400));
  }

  /**
   * 60 requests with a new token, whose bucket holds 40: 40 pass, plus at most what the bucket
   * refills during the burst (0.5 a second), and the rest get 429 with Retry-After.
   */
  private static int rateLimitBurst() throws Exception {
    // A token of its own (unique jti): no earlier probe has spent from its bucket.
    String token =
        api.tokens.rs256(
            TestTokens.claims("burst", List.of("viewer"), List.of("ACC-1"))
                .put("jti", UUID.randomUUID().toString()));
    int ok = 0;
    int limited = 0;
    long start = System.nanoTime();
    for (int i = 0; i < 60; i++) {
      HttpProbe.Reply r = api.http.get("/api/v1/prices/latest", token);
      assertThat(r.status()).isIn(200, 429);
      if (r.status() == 429) {
        limited++;
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
        assertThat(r.json().getString("code")).isEqualTo("RATE_LIMITED");
      } else {
        ok++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int refill = (int) Math.floor(seconds * TOKEN_RATE);
    // Exactly the burst, plus what refilled while the requests ran (0 on a burst under 2 s).
    assertThat(ok).as("passed in %.1f s", seconds).isBetween(TOKEN_BURST, TOKEN_BURST + refill);
    assertThat(limited).isEqualTo(60 - ok);
    return 60;
  }

  private static String freshAdmin() {
    return api.tokens.es256(
        TestTokens.claims("admin", List.of("admin"), List.of("ACC-1"))
            .put("jti", UUID.randomUUID().toString()));
  }

  private static JsonObject header(String alg, String kid) {
    return new JsonObject().put("alg", alg).put("kid", kid);
  }

  private static String hs256(JsonObject claims) {
    try {
      String input =
          TestTokens.b64(header("HS256", "rsa-1").encode().getBytes(StandardCharsets.UTF_8))
              + "."
              + TestTokens.b64(claims.encode().getBytes(StandardCharsets.UTF_8));
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              api.tokens.rsa.getPublic().getEncoded(), "HmacSHA256"));
      return input + "." + TestTokens.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** md5 of every table's rows in a stable order, the audit table aside. */
  private static Map<String, String> checksums() throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = api.db.connect();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_log'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM \""
                    + t
                    + "\" x")) {
          rs.next();
          out.put(t, rs.getString(1));
        }
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(13);
    return out;
  }

  private static final class LoggerHolder {
    static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecurityProbeIT.class);
  }
}
