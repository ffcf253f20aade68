package io.tickstream.signals.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Prices near 1e6 moving by 1e-4: E[x²] − E[x]² loses every digit there (x² ≈ 1e12, ulp ≈ 1e-4,
 * while the variance is ≈ 1e-8). Our rolling variance must stay close to an exact BigDecimal
 * two-pass computation over a long stream.
 */
class NumericalStabilityTest {
  private static final int PERIOD = 20;
  private static final int N = 200_000;
  private static final MathContext MC = MathContext.DECIMAL128;

  @Test
  void rollingStandardDeviationStaysAccurateForLargePricesWithTinyMoves() {
    double[] x = series();
    BollingerBands bands = new BollingerBands(PERIOD, 2);
    ZScore z = new ZScore(PERIOD);
    double worstSigmaRel = 0;
    double worstNaiveRel = 0;
    double worstZ = 0;
    for (int i = 0; i < N; i++) {
      bands.update(x[i]);
      z.update(x[i]);
      // Checking every point with BigDecimal would be slow; every 97th covers all phases of the
      // recomputation cycle.
      if (i >= PERIOD && i % 97 == 0) {
        BigDecimal[] exact = exactMeanAndSigma(x, i);
        double sigma = exact[1].doubleValue();
        worstSigmaRel = Math.max(worstSigmaRel, Math.abs(bands.stdDev() - sigma) / sigma);
        worstNaiveRel = Math.max(worstNaiveRel, Math.abs(naiveSigma(x, i) - sigma) / sigma);
        double exactZ =
            BigDecimal.valueOf(x[i]).subtract(exact[0], MC).divide(exact[1], MC).doubleValue();
        worstZ = Math.max(worstZ, Math.abs(z.value() - exactZ));
      }
    }
    assertThat(worstNaiveRel)
        .as("the naive formula is broken here, else the test proves nothing")
        .isGreaterThan(0.01);
    assertThat(worstSigmaRel).isLessThan(1e-6);
    assertThat(worstZ).isLessThan(1e-5);
  }

  @Test
  void windowSumsDoNotDriftOverAMillionUpdates() {
    Sma sma = new Sma(50);
    Wma wma = new Wma(50);
    Random rnd = new Random(5);
    double[] window = new double[50];
    for (int i = 0; i < 1_000_000; i++) {
      double v = 1e6 + rnd.nextGaussian();
      window[i % 50] = v;
      sma.update(v);
      wma.update(v);
    }
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;
    for (int k = 0; k < 50; k++) {
      double v = window[(1_000_000 + k) % 50]; // oldest first
      sum = sum.add(BigDecimal.valueOf(v));
      weighted = weighted.add(BigDecimal.valueOf(v).multiply(BigDecimal.valueOf(k + 1)));
    }
    assertThat(Math.abs(sma.value() - sum.divide(BigDecimal.valueOf(50), MC).doubleValue()))
        .isLessThan(1e-8);
    assertThat(Math.abs(wma.value() - weighted.divide(BigDecimal.valueOf(1275), MC).doubleValue()))
        .isLessThan(1e-8);
  }

  private static double[] series() {
    Random rnd = new Random(1);
    double[] x = new double[N];
    double p = 1_000_000.0;
    for (int i = 0; i < N; i++) {
      p += 1e-4 * rnd.nextGaussian();
      x[i] = p;
    }
    return x;
  }

  private static BigDecimal[] exactMeanAndSigma(double[] x, int end) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = end - PERIOD + 1; i <= end; i++) {
      sum = sum.add(BigDecimal.valueOf(x[i]));
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(PERIOD), MC);
    BigDecimal ss = BigDecimal.ZERO;
    for (int i = end - PERIOD + 1; i <= end; i++) {
      BigDecimal d = BigDecimal.valueOf(x[i]).subtract(mean);
      ss = ss.add(d.multiply(d));
    }
    return new BigDecimal[] {mean, ss.divide(BigDecimal.valueOf(PERIOD), MC).sqrt(MC)};
  }

  private static double naiveSigma(double[] x, int end) {
    double s = 0;
    double s2 = 0;
    for (int i = end - PERIOD + 1; i <= end; i++) {
      s += x[i];
      s2 += x[i] * x[i];
    }
    double mean = s / PERIOD;
    return Math.sqrt(Math.max(0, s2 / PERIOD - mean * mean));
  }
}
