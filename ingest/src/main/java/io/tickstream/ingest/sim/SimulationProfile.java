package io.tickstream.ingest.sim;

/**
 * How lively a simulated market is, beyond each instrument's volatility: price jumps (Merton's
 * jump-diffusion on top of the geometric Brownian motion), volume bursts and spreads.
 *
 * @param jumpsPerDay expected price jumps per instrument per day (Poisson intensity); 0 disables
 * @param jumpStdev standard deviation of a jump's log-return (0.01 = about ±1 %)
 * @param burstChance probability, per tick in calm, that a volume burst starts
 * @param burstMeanTicks mean length of a burst, in ticks (geometric)
 * @param burstRate how many times faster ticks arrive during a burst; sizes grow by its square root
 * @param maxSpreadTicks the widest bid/ask spread in calm, in ticks (bursts double it)
 */
public record SimulationProfile(
    double jumpsPerDay,
    double jumpStdev,
    double burstChance,
    double burstMeanTicks,
    double burstRate,
    int maxSpreadTicks) {

  public SimulationProfile {
    if (!(jumpsPerDay >= 0) || !(jumpStdev >= 0)) {
      throw new IllegalArgumentException("jumpsPerDay and jumpStdev must be >= 0");
    }
    if (!(burstChance >= 0 && burstChance < 1)) {
      throw new IllegalArgumentException("burstChance must be in [0, 1), got " + burstChance);
    }
    if (!(burstMeanTicks >= 1) || !(burstRate >= 1)) {
      throw new IllegalArgumentException("burstMeanTicks and burstRate must be >= 1");
    }
    if (maxSpreadTicks < 1) {
      throw new IllegalArgumentException("maxSpreadTicks must be >= 1, got " + maxSpreadTicks);
    }
  }

  /** Plain geometric Brownian motion: no jumps, no bursts, spreads of 1–3 ticks. */
  public static SimulationProfile gbmOnly() {
    return new SimulationProfile(0, 0, 0, 1, 1, 3);
  }

  /**
   * A lively market: ~4 jumps of ~1 % per instrument and day, a burst every ~2,000 ticks lasting
   * ~200 ticks at 8× the pace, spreads up to 3 ticks (6 in bursts).
   */
  public static SimulationProfile lively() {
    return new SimulationProfile(4, 0.01, 0.0005, 200, 8, 3);
  }

  /** The share of ticks that fall in bursts, in the long run. */
  double burstShare() {
    double pm = burstChance * burstMeanTicks;
    return pm / (1 + pm);
  }
}
