package io.tickstream.infra.parity;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.ControlAction;
import io.tickstream.schemas.avro.ControlCommand;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.PortfolioSnapshot;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.avro.TradingModeCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Replays seeded trades through the {@link LivePipeline} at the pace of a live feed: the trades of
 * one bar (waiting until the execution service has taken them in), then a clock trade one
 * out-of-orderness past the bar's end on every partition (an instrument the account does not trade,
 * so Flink's event time moves on without touching the account), then a wait until the execution
 * service has taken in every signal of that bar, before the next bar's trades. So, as in live
 * trading, a bar's signals reach the account before any later trade of its instruments, and the run
 * is deterministic. At the end a HALT makes the service publish a portfolio snapshot with the
 * equity after the last trade.
 */
final class LiveReplay {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveReplay.class);

  /** Not in the execution service's instruments: its trades only move Flink's event time. */
  static final String CLOCK = "CLOCK.SIM";

  /** The analytics job's default max.out.of.orderness. */
  private static final long OUT_OF_ORDERNESS_NANOS = 2_000_000_000L;

  /**
   * What the live side produced.
   *
   * @param orderEvents every order event of the account, in the order published
   * @param finalSnapshot the snapshot published on HALT, after the last trade
   * @param signals signals of the traded instruments seen on the signals topic
   */
  record Result(
      List<OrderEvent> orderEvents, PortfolioSnapshot finalSnapshot, List<Signal> signals) {
    BigDecimal finalEquity() {
      return finalSnapshot.getEquity();
    }
  }

  private LiveReplay() {}

  static Result run(LivePipeline live, SeededTrades trades, long startNanos) {
    Set<String> traded = Set.of(TradingSetup.A, TradingSetup.B);
    List<Signal> signals = new ArrayList<>();
    try (KafkaProducer<String, TradeTick> producer = live.producer(Topics.TRADES);
        KafkaConsumer<String, Signal> signalReader = live.committed(Topics.SIGNALS)) {
      for (int b = 0; b < trades.barCount(); b++) {
        for (TradeTick t : trades.bar(b)) {
          producer.send(new ProducerRecord<>(Topics.TRADES.name(), t.getInstrumentId(), t));
        }
        producer.flush();
        String bar = "bar " + b;
        // The service orders its inputs by record time across topics, and Flink stamps signals
        // with event time: waiting until it has taken the bar's trades in keeps them ahead of the
        // bar's signals in its account log whatever the load.
        patiently(bar + ": its trades taken in by the execution service", live)
            .until(live::tradesTakenIn);
        long clockTs = startNanos + (b + 1) * SeededTrades.BAR_NANOS + OUT_OF_ORDERNESS_NANOS;
        LivePipeline.toEveryPartition(
            producer, Topics.TRADES.name(), CLOCK, clockTrade(clockTs, b));
        int expected = traded.size() * (b + 1);
        patiently(bar + ": its signals on the signals topic", live)
            .until(
                () -> {
                  List<Signal> got = new ArrayList<>();
                  LivePipeline.poll(signalReader, got);
                  got.stream()
                      .filter(s -> traded.contains(s.getInstrumentId()))
                      .forEach(signals::add);
                  return signals.size() >= expected;
                });
        patiently(bar + ": its signals taken in by the execution service", live)
            .until(() -> live.signalsProcessed() >= expected);
      }
    }
    PortfolioSnapshot last = halt(live);
    return new Result(orderEvents(live), last, signals);
  }

  /**
   * Sends HALT to the account and returns the snapshot it publishes: the mode change is processed
   * after every trade already taken in, and publishes the equity marked at the last trades.
   */
  private static PortfolioSnapshot halt(LivePipeline live) {
    long now = System.currentTimeMillis() * 1_000_000L;
    try (KafkaProducer<String, ControlCommand> control = live.producer(Topics.CONTROL_COMMANDS);
        KafkaConsumer<String, PortfolioSnapshot> snapshots =
            live.committed(Topics.PORTFOLIO_SNAPSHOTS)) {
      String account = TradingSetup.ACCOUNT.accountId();
      control.send(
          new ProducerRecord<>(
              Topics.CONTROL_COMMANDS.name(),
              account,
              ControlCommand.newBuilder()
                  .setCommandId("parity-end")
                  .setAccountId(account)
                  .setAction(ControlAction.HALT)
                  .setReason("end of the parity replay")
                  .setIssuedBy("LiveBacktestParityIT")
                  .setTsEvent(now)
                  .setTsInit(now)
                  .build()));
      control.flush();
      List<PortfolioSnapshot> seen = new ArrayList<>();
      return patiently("the snapshot of the halted account", live)
          .until(
              () -> {
                LivePipeline.poll(snapshots, seen);
                return seen.stream()
                    .filter(s -> s.getMode() == TradingModeCode.HALTED)
                    .findFirst()
                    .orElse(null);
              },
              s -> s != null);
    }
  }

  /** Every order event published so far (the halt's snapshot came after all of them). */
  private static List<OrderEvent> orderEvents(LivePipeline live) {
    try (KafkaConsumer<String, OrderEvent> reader = live.committed(Topics.ORDER_EVENTS)) {
      List<OrderEvent> events = new ArrayList<>();
      patiently("every order event read", live)
          .until(
              () -> {
                LivePipeline.poll(reader, events);
                return reader.assignment().stream()
                    .allMatch(p -> reader.position(p) >= reader.endOffsets(List.of(p)).get(p));
              });
      return events;
    }
  }

  private static ConditionFactory patiently(String what, LivePipeline live) {
    // The box is shared with other builds: checkpoints and commits can take seconds under load.
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(20))
        .conditionEvaluationListener(
            c -> {
              if (c.getRemainingTimeInMS() <= 0) {
                LOG.error(
                    "{} timed out: {}; {}; {}; service took in {} signals",
                    what,
                    live.census(Topics.TRADES),
                    live.census(Topics.BARS),
                    live.census(Topics.SIGNALS),
                    live.signalsProcessed());
              }
            });
  }

  private static TradeTick clockTrade(long ts, int serial) {
    return TradeTick.newBuilder()
        .setInstrumentId(CLOCK)
        .setPrice(new BigDecimal("1.00000000"))
        .setSize(new BigDecimal("1.00000000"))
        .setTradeId("clock-" + serial)
        .setTsEvent(ts)
        .setTsInit(ts)
        .build();
  }
}
