package io.tickstream.ingest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The jump-diffusion, burst and universe features of the simulator. */
class LivelyMarketTest {
  private static final long START = 1_767_225_600_000_000_000L;

  @Test
  void aGeneratedUniverseIsReproducibleWithDistinctValidInstruments() {
    List<SimulatedInstrument> u = SimulatedUniverse.generate(1_000, 5);
    assertThat(u).hasSize(1_000).isEqualTo(SimulatedUniverse.generate(1_000, 5));
    assertThat(new HashSet<>(u.stream().map(SimulatedInstrument::instrumentId).toList()))
        .hasSize(1_000);
    assertThat(u.stream().map(SimulatedInstrument::assetClass).distinct())
        .containsExactlyInAnyOrder("EQUITY", "CRYPTO", "FX");
  }

  @Test
  void ticksOfAManyInstrumentLivelyMarketStayOnTheGridAndQuotesUncrossed() {
    var u = SimulatedUniverse.generate(200, 3);
    Map<String, SimulatedInstrument> byId =
        u.stream()
            .collect(Collectors.toMap(SimulatedInstrument::instrumentId, Function.identity()));
    var sim = new MarketSimulator(3, u, START, 10_000, SimulationProfile.lively());
    for (int i = 0; i < 50_000; i++) {
      TradeTick t = sim.nextTrade(0);
      SimulatedInstrument inst = byId.get(t.getInstrumentId());
      assertThat(t.getPrice().remainder(inst.tickSize()).signum()).isZero();
      assertThat(t.getSize().remainder(inst.lotSize()).signum()).isZero();
      QuoteTick q = sim.nextQuote(0);
      assertThat(q.getBidPrice()).isLessThan(q.getAskPrice());
      assertThat(
              q.getAskPrice()
                  .subtract(q.getBidPrice())
                  .divide(byId.get(q.getInstrumentId()).tickSize())
                  .intValueExact())
          .isBetween(1, 6);
    }
  }

  @Test
  void burstsComeAndGoWhileTheMeanRateHolds() {
    var sim =
        new MarketSimulator(
            9, SimulatedInstrument.demoUniverse(), START, 1_000, SimulationProfile.lively());
    int inBurst = 0;
    int n = 400_000;
    for (int i = 0; i < n; i++) {
      sim.nextTrade(0);
      inBurst += sim.inBurst() ? 1 : 0;
    }
    double share = (double) inBurst / n;
    assertThat(share).isBetween(0.05, 0.15); // lively: 0.0005 * 200 / (1 + 0.1) ≈ 9 %
    double seconds = (sim.clockNanos() - START) / 1e9;
    assertThat(seconds).isBetween(n / 1_000 * 0.93, n / 1_000 * 1.07);
  }

  @Test
  void jumpsFattenTheTailsOfPriceMoves() {
    var calm = new SimulationProfile(0, 0, 0, 1, 1, 1);
    var jumpy = new SimulationProfile(10_000, 0.02, 0, 1, 1, 1);
    assertThat(largeMoves(jumpy)).isGreaterThan(largeMoves(calm) + 50);
  }

  /** Trade-to-trade moves of one instrument larger than 1 %. */
  private static int largeMoves(SimulationProfile p) {
    var one = List.of(SimulatedInstrument.demoUniverse().get(0));
    var sim = new MarketSimulator(1, one, START, 10, p);
    double last = sim.nextTrade(0).getPrice().doubleValue();
    int large = 0;
    for (int i = 0; i < 20_000; i++) {
      double px = sim.nextTrade(0).getPrice().doubleValue();
      if (Math.abs(Math.log(px / last)) > 0.01) {
        large++;
      }
      last = px;
    }
    return large;
  }
}
