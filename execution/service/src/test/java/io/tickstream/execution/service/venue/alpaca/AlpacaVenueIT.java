package io.tickstream.execution.service.venue.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.engine.EngineEvent;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.engine.TradingEngine;
import io.tickstream.execution.orders.OrderAccepted;
import io.tickstream.execution.orders.OrderDenied;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderRejected;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.service.TestTrading;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.SubmissionLedger;
import io.tickstream.execution.service.venue.VenueStats;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST venue against a misbehaving local broker: no order is ever placed twice, every signal
 * ends accepted, rejected or denied, and every ambiguous outcome is reconciled.
 */
class AlpacaVenueIT {
  private static final Logger LOG = LoggerFactory.getLogger(AlpacaVenueIT.class);
  private static final int SIGNALS = 150;
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  @Test
  void ambiguousAnswersAreReconciledAndNeverPlaceASecondOrder() throws Exception {
    try (FakeAlpacaServer broker =
        new FakeAlpacaServer(
            FakeAlpacaServer.chaos(42),
            FakeAlpacaServer.Fill.AT_ONCE,
            Map.of(),
            TIMEOUT.toMillis() + 300)) {
      VenueSettings.Alpaca settings =
          new VenueSettings.Alpaca(
              broker.baseUrl(),
              "key",
              "secret",
              TIMEOUT,
              Duration.ofSeconds(20),
              50,
              Duration.ofMillis(200),
              Duration.ofMillis(50));
      VenueStats stats = VenueStats.detached();
      // One instrument per signal: every signal needs an order, whatever became of the others.
      List<Instrument> catalogue = new ArrayList<>();
      for (int i = 1; i <= SIGNALS; i++) {
        catalogue.add(new Instrument("SYM" + i + ".SIM", new BigDecimal("0.01"), BigDecimal.ONE));
      }
      Instruments instruments = Instruments.of(catalogue);
      AlpacaClient client = new AlpacaClient(settings);
      TradingEngine engine =
          new TradingEngine(
              new AccountConfig(
                  "live-1", "USD", new BigDecimal("1000000"), TestTrading.limits("1000")),
              instruments,
              new FixedNotionalSizer(new BigDecimal("1000")),
              new AlpacaVenue(client, settings, stats, SubmissionLedger.inMemory()),
              EngineOptions.DEFAULT);

      Map<String, String> outcome = new HashMap<>();
      Set<String> signalIds = new HashSet<>();
      for (int i = 1; i <= SIGNALS; i++) {
        String instrument = "SYM" + i + ".SIM";
        Direction d = i % 2 == 1 ? Direction.LONG : Direction.SHORT;
        long end = TestTrading.time(i);
        engine.onMarketUpdate(
            MarketUpdate.ofTrade(instrument, end - 1, new BigDecimal("100"), BigDecimal.TEN));
        Signal s = new Signal(instrument, "trend", d, 0.9, "it", "1m", end - 60_000_000_000L, end);
        List<EngineEvent> events = engine.onSignal(s, 0, end);
        for (EngineEvent e : events) {
          if (e instanceof EngineEvent.OrderUpdate u) {
            record(outcome, signalIds, u.event());
          }
        }
        engine.advanceTo(end + 1); // polls fills of orders answered "accepted"
      }

      LOG.info(
          "fake broker: posts={} booked={} duplicateSubmissions={} dropped={} 5xx={} stalled={}"
              + " garbled={} refused={}; client: ambiguous={} reconciled={} unsent={} outcomes={}",
          broker.posts.get(),
          broker.orders(),
          broker.duplicateSubmissions.get(),
          broker.dropped.get(),
          broker.serverErrors.get(),
          broker.stalled.get(),
          broker.garbled.get(),
          broker.refused.get(),
          stats.ambiguousCount(),
          stats.reconciledCount(),
          stats.unsentCount(),
          countValues(outcome));
      assertThat(broker.duplicateSubmissions.get()).isZero();
      assertThat(broker.idsPostedTwice()).isZero();
      assertThat(signalIds).hasSize(SIGNALS);
      assertThat(outcome).hasSize(SIGNALS);
      assertThat(outcome.values())
          .allMatch(o -> Set.of("ACCEPTED", "REJECTED", "DENIED").contains(o));
      assertThat(broker.dropped.get() + broker.serverErrors.get() + broker.stalled.get())
          .isPositive();
      assertThat(stats.ambiguousCount())
          .isGreaterThanOrEqualTo(
              broker.dropped.get() + broker.serverErrors.get() + broker.stalled.get());
      assertThat(stats.reconciledCount()).isEqualTo(stats.ambiguousCount());
      long accepted = outcome.values().stream().filter("ACCEPTED"::equals).count();
      assertThat(accepted).isEqualTo(broker.orders());
    }
  }

  private static void record(Map<String, String> outcome, Set<String> ids, OrderEvent e) {
    ids.add(e.clientOrderId());
    if (e instanceof OrderSubmitted) {
      outcome.putIfAbsent(e.clientOrderId(), "SUBMITTED");
    } else if (e instanceof OrderAccepted) {
      outcome.put(e.clientOrderId(), "ACCEPTED");
    } else if (e instanceof OrderRejected) {
      outcome.put(e.clientOrderId(), "REJECTED");
    } else if (e instanceof OrderDenied) {
      outcome.put(e.clientOrderId(), "DENIED");
    }
  }

  private static Map<String, Long> countValues(Map<String, String> outcome) {
    Map<String, Long> counts = new HashMap<>();
    outcome.values().forEach(v -> counts.merge(v, 1L, Long::sum));
    return counts;
  }
}
