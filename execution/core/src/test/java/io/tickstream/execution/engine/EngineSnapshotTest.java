package io.tickstream.execution.engine;

import static io.tickstream.execution.TestOrders.d;
import static io.tickstream.execution.engine.EngineFixture.FILLS;
import static io.tickstream.execution.engine.EngineFixture.INSTRUMENTS;
import static io.tickstream.execution.engine.EngineFixture.MINUTE;
import static io.tickstream.execution.engine.EngineFixture.T0;
import static io.tickstream.execution.engine.EngineFixture.account;
import static io.tickstream.execution.engine.EngineFixture.engine;
import static io.tickstream.execution.engine.EngineFixture.signal;
import static io.tickstream.execution.engine.EngineFixture.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.fill.PaperBroker;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.signals.Direction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A restored engine continues exactly as the one that took the snapshot. */
class EngineSnapshotTest {

  private static List<String> continueWith(TradingEngine engine) {
    List<String> log = new ArrayList<>();
    log.addAll(str(engine.onSignal(signal(3, Direction.FLAT), 0, T0 + 3 * MINUTE)));
    log.addAll(str(engine.onMarketUpdate(trade(4, "103"))));
    log.addAll(str(engine.onSignal(signal(4, Direction.SHORT), 0, T0 + 4 * MINUTE)));
    log.addAll(str(engine.onMarketUpdate(trade(5, "104"))));
    // A replay of a signal acted on before the snapshot is still refused.
    log.addAll(str(engine.onSignal(signal(1, Direction.LONG), 0, T0 + 5 * MINUTE)));
    log.add(engine.snapshot().toString());
    return log;
  }

  private static List<String> str(List<EngineEvent> events) {
    return events.stream().map(Object::toString).toList();
  }

  @Test
  void restoredEngineContinuesIdentically() {
    TradingEngine original = engine("0.2");
    original.onMarketUpdate(trade(1, "100"));
    original.onSignal(signal(1, Direction.LONG), 0, T0 + MINUTE);
    original.onMarketUpdate(trade(2, "101"));
    original.onMarketUpdate(trade(3, "102"));
    // An order still working when the snapshot is taken: FLAT, not yet filled.
    original.onSignal(signal(2, Direction.FLAT), 0, T0 + 3 * MINUTE + 1);

    EngineSnapshot snapshot = original.snapshot();
    assertThat(snapshot.openOrders()).hasSize(1);
    assertThat(snapshot.processedSignalIds()).hasSize(2);
    assertThat(snapshot.cash()).isEqualByComparingTo("89899");

    TradingEngine restored =
        TradingEngine.restore(
            snapshot,
            account("0.2"),
            INSTRUMENTS,
            new FixedNotionalSizer(d(10_000)),
            new PaperBroker(FILLS, INSTRUMENTS),
            EngineOptions.DEFAULT);
    assertThat(restored.snapshot()).isEqualTo(snapshot);
    assertThat(continueWith(restored)).isEqualTo(continueWith(original));
  }
}
