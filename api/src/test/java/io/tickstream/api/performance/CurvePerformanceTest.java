package io.tickstream.api.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickstream.execution.metrics.MetricsConventions;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurvePerformanceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * Hand-computed: 100, 110, 99, 108.9 has returns +10 %, -10 %, +10 %, so mean(r) = 1/30, the
   * sample variance is 1/75 and the downside deviation (target 0, over all 3 periods) is {@code
   * sqrt(0.01 / 3)}. With P = 252: volatility {@code sqrt(252 / 75)}, Sharpe {@code (1/30) sqrt(75)
   * sqrt(252) = sqrt(21)}, Sortino {@code (1/30) sqrt(300) sqrt(252) = sqrt(84)}, CAGR {@code
   * 1.089^(252/3) - 1}. The fall from 110 to 99 is 10 % and never recovers: 2 periods to the end.
   */
  @Test
  void metricsFollowThePublishedDefinitions() {
    JsonObject json = performance(new MetricsConventions(252, 0.0), "100", "110", "99", "108.9");

    assertThat(json.getInteger("points")).isEqualTo(4);
    assertThat(json.getDouble("totalReturn")).isCloseTo(0.089, within(1e-12));
    assertThat(json.getDouble("cagr")).isCloseTo(Math.pow(1.089, 84) - 1, within(1e-9));
    assertThat(json.getDouble("annualVolatility")).isCloseTo(Math.sqrt(3.36), within(1e-12));
    assertThat(json.getDouble("sharpe")).isCloseTo(Math.sqrt(21), within(1e-12));
    assertThat(json.getDouble("sortino")).isCloseTo(Math.sqrt(84), within(1e-12));
    assertThat(json.getDouble("maxDrawdown")).isCloseTo(0.1, within(1e-12));
    assertThat(json.getInteger("maxDrawdownPeriods")).isEqualTo(2);
    assertThat(json.getInteger("longestDrawdownPeriods")).isEqualTo(2);
  }

  /**
   * Hand-computed: a risk-free rate of 25.2 % a year over 252 periods is 0.1 % a period; 100, 102,
   * 101.898 has returns +2 % and -0.1 %, excess +1.9 % and -0.2 %: mean 0.85 %, sample deviation
   * {@code 2.1 % / sqrt(2)}, downside {@code sqrt(0.002^2 / 2)}.
   */
  @Test
  void theRiskFreeRateIsSubtractedPerPeriod() {
    JsonObject json = performance(new MetricsConventions(252, 0.252), "100", "102", "101.898");

    double annual = Math.sqrt(252);
    assertThat(json.getDouble("sharpe"))
        .isCloseTo(0.0085 / (0.021 / Math.sqrt(2)) * annual, within(1e-9));
    assertThat(json.getDouble("sortino"))
        .isCloseTo(0.0085 / Math.sqrt(0.002 * 0.002 / 2) * annual, within(1e-9));
    // From 102 down to 101.898 is 0.1 %, one period, not recovered by the end.
    assertThat(json.getDouble("maxDrawdown")).isCloseTo(0.001, within(1e-12));
    assertThat(json.getInteger("maxDrawdownPeriods")).isEqualTo(1);
  }

  @Test
  void ratiosWithoutADenominatorAreNull() {
    JsonObject json = performance(new MetricsConventions(252, 0.0), "100", "101");

    assertThat(json.getDouble("totalReturn")).isCloseTo(0.01, within(1e-12));
    // One return has no sample standard deviation; it never falls, so no downside either.
    assertThat(json.getValue("annualVolatility")).isNull();
    assertThat(json.getValue("sharpe")).isNull();
    assertThat(json.getValue("sortino")).isNull();
    assertThat(json.getDouble("maxDrawdown")).isZero();
    assertThat(json.getInteger("maxDrawdownPeriods")).isZero();
  }

  @Test
  void aCurveNeedsTwoPositivePoints() {
    MetricsConventions daily = MetricsConventions.DAILY;
    assertThatThrownBy(() -> CurvePerformance.report(curve("100"), daily))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CurvePerformance.report(curve("100", "0"), daily))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonObject performance(MetricsConventions conventions, String... equity) {
    List<EquitySample> c = curve(equity);
    return CurvePerformance.toJson(c.size(), CurvePerformance.report(c, conventions));
  }

  private static List<EquitySample> curve(String... equity) {
    List<EquitySample> out = new ArrayList<>();
    for (int i = 0; i < equity.length; i++) {
      out.add(new EquitySample(T0.plus(Duration.ofDays(i)), new BigDecimal(equity[i])));
    }
    return out;
  }
}
