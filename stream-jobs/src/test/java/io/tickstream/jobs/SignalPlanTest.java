package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.strategies.Strategy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalPlanTest {

  private static Map<String, String> base() {
    Map<String, String> m = new HashMap<>();
    m.put("resolutions", "1m,5m");
    m.put("instruments.crypto", "BTC*,ETHUSD.SIM");
    m.put("strategy.fast.type", "ma-crossover");
    m.put("strategy.fast.param.fast", "3");
    m.put("strategy.fast.param.slow", "8");
    m.put("strategy.fast.instruments", "crypto");
    m.put("strategy.rsi.type", "rsi-mean-reversion");
    m.put("strategy.rsi.resolutions", "5m");
    m.put("ensemble.vote.members", "fast:2,rsi:1");
    m.put("ensemble.vote.threshold", "0.4");
    return m;
  }

  @Test
  void strategiesRunWhereTheirInstrumentsAndResolutionsSay() {
    SignalPlan plan = AnalyticsJobConfig.fromMap(base()).plan();
    assertThat(plan.strategiesFor("BTCUSD.SIM", "1m"))
        .extracting(Strategy::id)
        .containsExactly("fast", "vote");
    assertThat(plan.strategiesFor("BTCUSD.SIM", "5m"))
        .extracting(Strategy::id)
        .containsExactly("fast", "rsi", "vote");
    assertThat(plan.strategiesFor("AAPL.XNAS", "1m"))
        .extracting(Strategy::id)
        .containsExactly("vote");
    // Fresh instances each time: state is never shared between keys.
    assertThat(plan.strategiesFor("BTCUSD.SIM", "1m").get(0))
        .isNotSameAs(plan.strategiesFor("BTCUSD.SIM", "1m").get(0));
  }

  @Test
  void errorsNameTheConfigKeyAndKeepTheFactoryReason() {
    Map<String, String> unknown = base();
    unknown.put("strategy.fast.type", "moon-phase");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(unknown))
        .hasMessageContaining("'strategy.fast.type'")
        .hasMessageContaining("moon-phase")
        .hasMessageContaining("ma-crossover");

    Map<String, String> badParam = base();
    badParam.put("strategy.fast.param.slow", "2");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(badParam))
        .hasMessageContaining("'strategy.fast.param.*'")
        .hasMessageContaining("'fast' (3) must be below 'slow' (2)");

    Map<String, String> typo = base();
    typo.put("strategy.fast.param.fats", "2");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(typo))
        .hasMessageContaining("unknown parameter(s) [fats]");

    Map<String, String> member = base();
    member.put("ensemble.vote.members", "fast:2,nope:1");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(member))
        .hasMessageContaining("'ensemble.vote.members'")
        .hasMessageContaining("'nope'");

    Map<String, String> resolution = base();
    resolution.put("strategy.rsi.resolutions", "1h");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(resolution))
        .hasMessageContaining("'strategy.rsi.resolutions'")
        .hasMessageContaining("'1h' is not one of the job's resolutions");

    Map<String, String> threshold = base();
    threshold.put("ensemble.vote.threshold", "2");
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(threshold))
        .hasMessageContaining("'ensemble.vote'")
        .hasMessageContaining("threshold");
  }

  @Test
  void featuresFollowTheirOwnSelection() {
    Map<String, String> m = base();
    m.put("features.instruments", "crypto");
    m.put("features.resolutions", "5m");
    SignalPlan plan = AnalyticsJobConfig.fromMap(m).plan();
    assertThat(plan.featuresFor("BTCUSD.SIM", "5m")).isTrue();
    assertThat(plan.featuresFor("BTCUSD.SIM", "1m")).isFalse();
    assertThat(plan.featuresFor("AAPL.XNAS", "5m")).isFalse();
  }

  @Test
  void stateTtlMustOutlastTheLargestBar() {
    assertThatThrownBy(
            () -> AnalyticsJobConfig.fromMap(Map.of("resolutions", "1m,1d", "state.ttl", "1h")))
        .hasMessageContaining("'state.ttl'");
    assertThat(AnalyticsJobConfig.fromMap(Map.of("empty.bars", "carry-forward")).emptyBars())
        .isEqualTo(AnalyticsJobConfig.EmptyBars.CARRY_FORWARD);
    assertThatThrownBy(() -> AnalyticsJobConfig.fromMap(Map.of("signals.delivery", "maybe")))
        .hasMessageContaining("[at-least-once, exactly-once]");
  }
}
