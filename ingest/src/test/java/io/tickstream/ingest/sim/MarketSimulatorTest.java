package io.tickstream.ingest.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {
  private static final long START = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z

  private static List<TradeTick> trades(long seed, int n) {
    var sim = new MarketSimulator(seed, SimulatedInstrument.demoUniverse(), START, 1000);
    List<TradeTick> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(sim.nextTrade(0));
    }
    return out;
  }

  @Test
  void sameSeedGivesSameTicksAndOtherSeedDoesNot() {
    assertThat(trades(42, 5_000)).isEqualTo(trades(42, 5_000));
    assertThat(trades(43, 100)).isNotEqualTo(trades(42, 100));
  }

  @Test
  void pricesAndSizesSitOnTheInstrumentGridAndTimeMovesForward() {
    Map<String, SimulatedInstrument> byId =
        SimulatedInstrument.demoUniverse().stream()
            .collect(Collectors.toMap(SimulatedInstrument::instrumentId, Function.identity()));
    long last = START;
    for (TradeTick t : trades(7, 20_000)) {
      SimulatedInstrument inst = byId.get(t.getInstrumentId());
      assertThat(t.getPrice().signum()).isPositive();
      assertThat(t.getSize().signum()).isPositive();
      assertThat(t.getPrice().remainder(inst.tickSize()).signum()).isZero();
      assertThat(t.getSize().remainder(inst.lotSize()).signum()).isZero();
      assertThat(t.getPrice().scale()).isEqualTo(8);
      assertThat(t.getTsEvent()).isGreaterThan(last);
      last = t.getTsEvent();
    }
  }

  @Test
  void rateIsRespectedInEventTime() {
    var sim = new MarketSimulator(1, SimulatedInstrument.demoUniverse(), START, 1000);
    for (int i = 0; i < 100_000; i++) {
      sim.nextTrade(0);
    }
    double seconds = (sim.clockNanos() - START) / 1e9;
    // 100,000 exponential gaps of mean 1 ms: mean 100 s, standard deviation ~0.32 s.
    assertThat(seconds).isBetween(98.5, 101.5);
  }

  @Test
  void quotesAreNeverCrossed() {
    var sim = new MarketSimulator(3, SimulatedInstrument.demoUniverse(), START, 1000);
    for (int i = 0; i < 10_000; i++) {
      QuoteTick q = sim.nextQuote(0);
      assertThat(q.getBidPrice()).isLessThan(q.getAskPrice());
    }
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(() -> new MarketSimulator(1, List.of(), START, 10))
        .hasMessageContaining("at least one instrument");
    assertThatThrownBy(
            () ->
                new SimulatedInstrument(
                    "btc", "CRYPTO", "USD", BigDecimal.ONE, BigDecimal.ONE, 1, 1, 1))
        .hasMessageContaining("SYMBOL.VENUE");
  }
}
