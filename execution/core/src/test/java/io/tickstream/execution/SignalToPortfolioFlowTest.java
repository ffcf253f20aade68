package io.tickstream.execution;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.AAPL_INSTRUMENT;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.fill.PaperBroker;
import io.tickstream.execution.orders.DenialReason;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import io.tickstream.execution.portfolio.Portfolio;
import io.tickstream.execution.risk.RiskDecision;
import io.tickstream.execution.risk.RiskEngine;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.execution.sizing.PositionSizer;
import io.tickstream.execution.sizing.SizingInput;
import io.tickstream.execution.sizing.TargetPosition;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The recipe a caller (Kafka Streams service, backtest loop) follows: signal, sizing, risk, fill,
 * portfolio. Run twice on the same input it must produce identical events.
 */
class SignalToPortfolioFlowTest {

  private static final long MINUTE = 60_000_000_000L;
  private static final long T0 = 1_700_000_000_000_000_000L;

  private static Bar bar(int i, String close, String volume) {
    return new Bar(
        AAPL,
        "1m",
        T0 + i * MINUTE,
        T0 + (i + 1) * MINUTE,
        d(close),
        d(close),
        d(close),
        d(close),
        d(volume),
        10,
        d(close),
        0);
  }

  /** One account's loop; returns every event in order, as strings for comparison. */
  private static List<String> run() {
    Instruments instruments = Instruments.of(AAPL_INSTRUMENT);
    RiskEngine risk =
        new RiskEngine(
            instruments,
            new RiskLimits(
                d(1_000), d(50_000), d(200_000), d(500), 10, MINUTE, d(2_000), d("0.2"), Set.of()));
    PaperBroker broker =
        new PaperBroker(
            new FillModel(
                d(5), d("0.25"), new CommissionSchedule(d(1), d(0), d(0)), LocalTime.of(21, 0)),
            instruments);
    Portfolio portfolio = new Portfolio("ACC-1", d(100_000));
    PositionSizer sizer = new FixedNotionalSizer(d(10_000));
    List<String> log = new ArrayList<>();

    Bar[] bars = {
      bar(0, "100.00", "1000"),
      bar(1, "101.00", "1000"),
      bar(2, "102.00", "1000"),
      bar(3, "99.00", "1000")
    };
    Direction[] wanted = {Direction.LONG, Direction.LONG, Direction.FLAT, Direction.FLAT};
    for (int i = 0; i < bars.length; i++) {
      // 1. market data first: fills for earlier orders, then marks
      MarketUpdate update = MarketUpdate.ofBar(bars[i]);
      for (OrderEvent e : broker.onMarketUpdate(update)) {
        log.add(e.toString());
        if (e instanceof OrderFilled fill) {
          log.add(portfolio.apply(fill).toString());
        }
      }
      portfolio.mark(update);
      // 2. the strategy's signal on the closed bar
      Signal signal = Signal.of(bars[i], "sma-cross", wanted[i], 1.0, "test");
      BigDecimal ref = update.last();
      long now = bars[i].end();
      // 3. sizing: absolute size, then the order from the current position to the target
      BigDecimal size =
          sizer.quantity(new SizingInput(AAPL_INSTRUMENT, ref, portfolio.equity(), null));
      BigDecimal current = portfolio.position(AAPL).quantity();
      String id = ClientOrderIds.fromSignal(signal, bars[i].revision(), "ACC-1");
      List<SubmitOrder> order =
          TargetPosition.forSignal(signal, size)
              .marketOrderFrom(
                  current.add(workingQuantity(broker)),
                  id,
                  "ACC-1",
                  "sma-cross",
                  TimeInForce.DAY,
                  now)
              .stream()
              .toList();
      for (SubmitOrder o : order) {
        // 4. pre-trade risk
        RiskDecision decision =
            risk.check(
                o,
                portfolio.accountState(broker.openOrdersNotional(Map.of(AAPL, ref))),
                Map.of(AAPL, ref),
                now);
        if (decision instanceof RiskDecision.Approved approved) {
          log.add(approved.submitted().toString());
          // 5. venue
          broker.submit(o, now).forEach(e -> log.add(e.toString()));
        } else {
          log.add(((RiskDecision.Denied) decision).denial().toString());
        }
      }
      // a replayed signal (at-least-once delivery) is refused, never a second order
      for (SubmitOrder o : order) {
        RiskDecision again =
            risk.check(o, portfolio.accountState(BigDecimal.ZERO), Map.of(AAPL, ref), now);
        assertThat(((RiskDecision.Denied) again).denial().reason())
            .isEqualTo(DenialReason.DUPLICATE_ORDER);
      }
    }
    log.add("equity=" + portfolio.equity().toPlainString());
    return log;
  }

  private static BigDecimal workingQuantity(PaperBroker broker) {
    BigDecimal q = BigDecimal.ZERO;
    for (Order o : broker.workingOrders()) {
      q = q.add(o.command().side().signed(o.leavesQty()));
    }
    return q;
  }

  @Test
  void signalsBecomeFillsAndPositionsDeterministically() {
    List<String> first = run();
    assertThat(run()).isEqualTo(first);
    // bar 0 (close 100): LONG, floor(10,000 / 100) = 100 -> BUY 100 at bar 0's end.
    // bar 1 (close 101, volume 1,000): 25 % = 250 >= 100 fill at 101 * 1.0005 = 101.0505,
    //   fee 100 * 101.0505 * 0.0001 = 1.010505; cash 100,000 - 10,105.05 - 1.010505 =
    // 89,893.939495.
    //   LONG again: floor(10,000 / 101) = 99, so fixed notional trims: SELL 1.
    // bar 2 (close 102): SELL 1 at 102 * 0.9995 = 101.949, fee 0.0101949 -> cash 89,995.8783001.
    //   FLAT: SELL 99.
    // bar 3 (close 99): SELL 99 at 99 * 0.9995 = 98.9505, fee 0.97960995
    //   -> cash 89,995.8783001 + 9,796.0995 - 0.97960995 = 99,790.99819015, flat, so equity.
    assertThat(first).anyMatch(s -> s.startsWith("OrderFilled") && s.contains("lastPx=101.0505"));
    assertThat(first).anyMatch(s -> s.startsWith("OrderFilled") && s.contains("lastPx=101.949"));
    assertThat(first).anyMatch(s -> s.startsWith("OrderFilled") && s.contains("lastPx=98.9505"));
    assertThat(first.stream().filter(s -> s.startsWith("OrderSubmitted")).count()).isEqualTo(3);
    assertThat(first.get(first.size() - 1)).isEqualTo("equity=99790.99819015");
  }
}
