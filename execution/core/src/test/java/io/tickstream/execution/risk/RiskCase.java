package io.tickstream.execution.risk;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.AAPL_INSTRUMENT;
import static io.tickstream.execution.TestOrders.ACCOUNT;
import static io.tickstream.execution.TestOrders.BTC;
import static io.tickstream.execution.TestOrders.BTC_INSTRUMENT;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.Instruments;
import io.tickstream.execution.orders.DenialReason;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * One row of a risk table: an engine set up with generous limits except the one under test, orders
 * sent before, the order under test and the expected outcome (null = approved).
 */
final class RiskCase {

  static final long T0 = 1_700_000_000_000_000_000L;

  final String name;
  BigDecimal maxOrderQuantity = d(1_000_000);
  BigDecimal maxOrderNotional = d(1_000_000_000);
  BigDecimal creditLimit = d(10_000_000_000L);
  BigDecimal priceCollarBps = d(5_000);
  int maxOrdersPerWindow = 1_000_000;
  long rateWindowNanos = 1_000_000_000L;
  BigDecimal maxPositionQuantity = d(1_000_000_000);
  BigDecimal maxDrawdown = d("0.5");
  Set<String> restricted = Set.of();
  Instruments instruments = Instruments.of(AAPL_INSTRUMENT, BTC_INSTRUMENT);
  TradingMode mode = TradingMode.NORMAL;
  final List<SubmitOrder> prior = new ArrayList<>();
  final List<Long> priorTimes = new ArrayList<>();
  AccountState account = AccountState.flat(ACCOUNT, d(1_000_000));
  Map<String, BigDecimal> refs = new HashMap<>(Map.of(AAPL, d(100), BTC, d(50_000)));
  SubmitOrder order;
  long now = T0;
  DenialReason expected;

  private RiskCase(String name) {
    this.name = name;
  }

  static RiskCase valid(String name, SubmitOrder order) {
    RiskCase c = new RiskCase("valid: " + name);
    c.order = order;
    return c;
  }

  static RiskCase denied(String name, SubmitOrder order, DenialReason reason) {
    RiskCase c = new RiskCase("denied " + reason + ": " + name);
    c.order = order;
    c.expected = reason;
    return c;
  }

  RiskCase with(java.util.function.Consumer<RiskCase> change) {
    change.accept(this);
    return this;
  }

  RiskLimits limits() {
    return new RiskLimits(
        maxOrderQuantity,
        maxOrderNotional,
        creditLimit,
        priceCollarBps,
        maxOrdersPerWindow,
        rateWindowNanos,
        maxPositionQuantity,
        maxDrawdown,
        restricted);
  }

  RiskEngine engine() {
    RiskEngine engine = new RiskEngine(instruments, limits());
    engine.setMode(mode);
    for (int i = 0; i < prior.size(); i++) {
      RiskDecision d = engine.check(prior.get(i), account, refs, priorTimes.get(i));
      assertThat(d.approved()).as("prior order %s of %s", i, name).isTrue();
    }
    return engine;
  }

  /** Runs the case and asserts the outcome. */
  void verify() {
    RiskDecision decision = engine().check(order, account, refs, now);
    if (expected == null) {
      assertThat(decision)
          .as(name)
          .isInstanceOfSatisfying(
              RiskDecision.Approved.class, a -> assertThat(a.order()).isSameAs(order));
    } else {
      assertThat(decision)
          .as(name)
          .isInstanceOfSatisfying(
              RiskDecision.Denied.class,
              d -> {
                assertThat(d.denial().reason()).as(d.denial().message()).isEqualTo(expected);
                assertThat(d.denial().clientOrderId()).isEqualTo(order.clientOrderId());
                assertThat(d.denial().message()).isNotBlank();
                assertThat(d.denial().tsEvent()).isEqualTo(now);
              });
    }
  }

  /** The rows of a rule's table as dynamic tests, after checking the table's shape. */
  static Stream<DynamicTest> table(DenialReason rule, List<RiskCase> cases) {
    assertThat(cases.stream().filter(c -> c.expected == rule).count())
        .as("violating rows for %s", rule)
        .isGreaterThanOrEqualTo(20);
    assertThat(cases.stream().filter(c -> c.expected == null).count())
        .as("valid rows for %s", rule)
        .isGreaterThanOrEqualTo(20);
    assertThat(cases).allMatch(c -> c.expected == null || c.expected == rule);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name, c::verify));
  }

  static BigDecimal cents(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /** An account at {@code equity} below a peak of 100,000. */
  static AccountState atEquity(BigDecimal equity) {
    return new AccountState(ACCOUNT, equity, d(100_000), d(0), d(0), Map.of());
  }

  @Override
  public String toString() {
    return name;
  }
}
