package io.tickstream.ingest.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a universe of N instruments with realistic grids: about half US equities (tick 0.01,
 * lot 1), a third crypto pairs (tick 0.01 or 0.0001, fine lots) and the rest FX pairs (tick
 * 0.00001, lot 1000), with prices, volatilities and typical sizes drawn from a seed.
 */
public final class SimulatedUniverse {
  private SimulatedUniverse() {}

  /**
   * {@code n} instruments named {@code EQ0001.SIM}, {@code CR0002.SIM}, {@code FX0003.SIM}, …; the
   * same seed gives the same universe.
   */
  public static List<SimulatedInstrument> generate(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("a universe needs at least one instrument, got " + n);
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<SimulatedInstrument> out = new ArrayList<>(n);
    String digits = "%0" + Math.max(4, String.valueOf(n).length()) + "d";
    for (int i = 1; i <= n; i++) {
      double kind = r.nextDouble();
      String num = String.format(digits, i);
      if (kind < 0.5) {
        out.add(
            new SimulatedInstrument(
                "EQ" + num + ".SIM",
                "EQUITY",
                "USD",
                new BigDecimal("0.01"),
                BigDecimal.ONE,
                round(5 + r.nextDouble() * 500, 2),
                0.15 + r.nextDouble() * 0.35,
                50 + r.nextInt(300)));
      } else if (kind < 0.83) {
        boolean big = r.nextBoolean();
        out.add(
            new SimulatedInstrument(
                "CR" + num + ".SIM",
                "CRYPTO",
                "USD",
                new BigDecimal(big ? "0.01" : "0.0001"),
                new BigDecimal(big ? "0.00001" : "0.01"),
                big ? round(500 + r.nextDouble() * 60_000, 2) : round(0.05 + r.nextDouble() * 5, 4),
                0.5 + r.nextDouble() * 0.5,
                big ? 0.05 + r.nextDouble() : 100 + r.nextInt(5_000)));
      } else {
        out.add(
            new SimulatedInstrument(
                "FX" + num + ".SIM",
                "FX",
                "USD",
                new BigDecimal("0.00001"),
                new BigDecimal("1000"),
                round(0.5 + r.nextDouble() * 1.5, 5),
                0.05 + r.nextDouble() * 0.1,
                100_000 + r.nextInt(900_000)));
      }
    }
    return out;
  }

  private static double round(double v, int places) {
    return BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
  }
}
