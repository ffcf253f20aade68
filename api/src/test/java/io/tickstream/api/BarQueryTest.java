package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BarQueryTest {
  @Test
  void emptyValuesCountAsAbsentAndTheDefaultLimitApplies() {
    BarQuery q = parse(MultiMap.caseInsensitiveMultiMap().add("spec", "15m").add("from", ""));

    assertThat(q).isEqualTo(new BarQuery("X", "15m", null, null, 500));
  }

  @Test
  void boundsAndLimitAreParsed() {
    BarQuery q =
        parse(
            MultiMap.caseInsensitiveMultiMap()
                .add("spec", "1d")
                .add("from", "2026-01-01T00:00:00Z")
                .add("to", "2026-01-02T01:00:00+01:00")
                .add("limit", "5000"));

    assertThat(q.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(q.to()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(q.limit()).isEqualTo(5000);
  }

  @Test
  void specsFollowTheGrammar() {
    for (String ok :
        new String[] {
          "1s",
          "1m",
          "5m",
          "15m",
          "1h",
          "4h",
          "1d",
          "999999s",
          "tick-100",
          "volume-1000",
          "volume-2.5",
          "dollar-1000000"
        }) {
      assertThat(BarQuery.SPEC.matcher(ok).matches()).as(ok).isTrue();
    }
    for (String bad :
        new String[] {
          "",
          "m",
          "0m",
          "01m",
          "1M",
          "1w",
          "1000000s",
          "1 m",
          "1m;",
          "tick-",
          "tick100",
          "ticks-100",
          "volume-1e3",
          "volume--1",
          "tick-1.",
          "tick-100;"
        }) {
      assertThat(BarQuery.SPEC.matcher(bad).matches()).as(bad).isFalse();
    }
  }

  @Test
  void errorsNameTheParameter() {
    assertThatThrownBy(() -> parse(MultiMap.caseInsensitiveMultiMap().add("spec", "1w")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.parameter()).isEqualTo("spec");
              assertThat(e.toJson().getString("code")).isEqualTo("INVALID_PARAMETER");
            });
    String huge = "9".repeat(10_000);
    assertThatThrownBy(
            () -> parse(MultiMap.caseInsensitiveMultiMap().add("spec", "1m").add("limit", huge)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.getMessage()).contains("limit").hasSizeLessThan(200));
  }

  private static BarQuery parse(MultiMap params) {
    return BarQuery.parse("X", params, 500, 5000);
  }
}
