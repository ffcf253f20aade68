package io.tickstream.infra.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.backtest.Backtest;
import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.source.TradeBarSource;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.OrderEventType;
import io.tickstream.signals.bars.TimeBarSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9's parity test: the same trades through (a) the live pipeline (Flink analytics job with
 * exactly-once signals, execution service with the paper broker filling against md.trades) and (b)
 * the backtest engine over the same trades, both with {@link TradingSetup}'s strategy, sizing, risk
 * limits, commission, slippage and participation, give the same orders (deterministic client order
 * ids), fills (quantity, price, commission, leaves) and final equity, exact decimals compared by
 * value. 2 instruments, 60 one-minute bars, about 2,500 seeded trades; the strategy trades on both.
 *
 * <p>How the live path fills: a signal of bar t reaches the account after every trade of bar t (the
 * replay is paced like a live feed, see {@link LiveReplay}); its order is stamped with the bar's
 * end and the paper broker fills it on the first later trade of the instrument, at that trade's
 * price plus slippage, up to the participation share of that trade's size. The backtest fills at
 * the open of bar t + 1 with that bar's whole volume offered. They agree when the first trade of
 * bar t + 1 is the first trade after the signal and is big enough, which this scenario provides.
 * Known differences, each a real behaviour difference, not covered here:
 *
 * <ul>
 *   <li>A trade stamped exactly at a bar's start (the previous bar's end, the order's time): live
 *       skips it (the broker fills only on data strictly after an order), the backtest fills at its
 *       price (BarUpdates.open is stamped start + 1 ns). The trades here are strictly inside their
 *       bars.
 *   <li>An order larger than the participation share of the first trade: live fills it in parts
 *       over successive trades at their prices; the backtest takes it from the whole bar's volume
 *       at the open price.
 *   <li>Latency: in a market whose own trades move Flink's event time, a bar's signal exists only
 *       after a trade at or past end + max.out.of.orderness and is visible after a checkpoint, so
 *       live fills come later than the next open; the bar backtest does not model that delay.
 * </ul>
 */
class LiveBacktestParityIT {
  private static final Logger LOG = LoggerFactory.getLogger(LiveBacktestParityIT.class);
  private static final Instant START = Instant.parse("2026-01-05T14:00:00Z");
  private static final int BARS = 60;
  private static final int WIRE_SCALE = 8;

  @TempDir Path dir;

  @Test
  void liveAndBacktestGiveTheSameOrdersFillsAndFinalEquity() throws Exception {
    long start = START.getEpochSecond() * 1_000_000_000L;
    SeededTrades trades =
        new SeededTrades(11, start, BARS, List.of(TradingSetup.A, TradingSetup.B));
    LOG.info("{} trades over {} bars", trades.size(), BARS);

    BacktestResult backtest =
        Backtest.run(
            TradingSetup.backtest(),
            new TradeBarSource(
                trades.historical().iterator(), TimeBarSpec.parse(TradingSetup.BAR_SPEC)),
            BacktestProgress.NONE);
    // The scenario is worth comparing: the strategy trades several times on both instruments.
    assertThat(backtest.fills().stream().map(OrderFilled::instrumentId).distinct())
        .containsExactlyInAnyOrder(TradingSetup.A, TradingSetup.B);
    assertThat(backtest.fills()).hasSizeGreaterThanOrEqualTo(6);

    LiveReplay.Result live;
    try (LivePipeline pipeline = LivePipeline.start(dir, TradingSetup.jobStrategy())) {
      live = LiveReplay.run(pipeline, trades, start);
    }
    List<OrderEvent> events = live.orderEvents();
    LOG.info(
        "live: {} signals, {} order events; backtest: {} fills, {} denied",
        live.signals().size(),
        events.size(),
        backtest.fills().size(),
        backtest.ordersDenied());

    events.forEach(
        e ->
            LOG.info(
                "live {} {} {} at {} qty {} px {}",
                e.getEventType(),
                e.getInstrumentId(),
                e.getClientOrderId(),
                Instant.ofEpochSecond(0, e.getTsEvent()),
                e.getEventType() == OrderEventType.FILLED ? e.getLastQty() : e.getQuantity(),
                e.getLastPx()));
    // Per instrument in time order; across instruments the live order depends on how the
    // service interleaves the two trade partitions.
    assertThat(byInstrument(fills(events)))
        .as("fills: live (left) vs backtest")
        .containsExactlyElementsOf(
            byInstrument(backtest.fills().stream().map(LiveBacktestParityIT::fill).toList()));
    assertThat(ordersOf(events))
        .as("orders submitted live: backtest fills plus the last orders, never filled")
        .containsAll(backtest.fills().stream().map(OrderFilled::clientOrderId).distinct().toList());
    assertThat(events.stream().filter(e -> e.getEventType() == OrderEventType.DENIED).count())
        .as("orders denied by the risk engine")
        .isEqualTo(backtest.ordersDenied());
    // The wire carries 8 decimal places and rounds products half-even (AvroEvents.wire); the
    // engine's equity here has 9 (6-place prices times 3-place quantities), so the live value is
    // the backtest's rounded the same way: equal to the last place the live side can show.
    assertThat(live.finalEquity())
        .as("final equity (backtest %s)", backtest.finalEquity())
        .isEqualTo(backtest.finalEquity().setScale(WIRE_SCALE, RoundingMode.HALF_EVEN));
  }

  /** A fill as both sides describe it; decimals by value (the wire has 8 places). */
  record Fill(
      String clientOrderId,
      String instrumentId,
      String side,
      String quantity,
      String price,
      String commission,
      String leaves) {}

  private static Fill fill(OrderFilled f) {
    return new Fill(
        f.clientOrderId(),
        f.instrumentId(),
        f.side().name(),
        plain(f.lastQty()),
        plain(f.lastPx()),
        plain(f.commission()),
        plain(f.leavesQty()));
  }

  private static List<Fill> fills(List<OrderEvent> events) {
    return events.stream()
        .filter(e -> e.getEventType() == OrderEventType.FILLED)
        .map(
            e ->
                new Fill(
                    e.getClientOrderId(),
                    e.getInstrumentId(),
                    e.getSide().name(),
                    plain(e.getLastQty()),
                    plain(e.getLastPx()),
                    plain(e.getCommission()),
                    plain(e.getLeavesQty())))
        .toList();
  }

  private static List<Fill> byInstrument(List<Fill> fills) {
    return fills.stream().sorted(Comparator.comparing(Fill::instrumentId)).toList();
  }

  private static List<String> ordersOf(List<OrderEvent> events) {
    return events.stream()
        .filter(e -> e.getEventType() == OrderEventType.SUBMITTED)
        .map(OrderEvent::getClientOrderId)
        .toList();
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
