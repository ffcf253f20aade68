package io.tickstream.execution.risk;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.AAPL_INSTRUMENT;
import static io.tickstream.execution.TestOrders.ACCOUNT;
import static io.tickstream.execution.TestOrders.d;
import static io.tickstream.execution.risk.RiskCase.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.execution.Instruments;
import io.tickstream.execution.TestOrders;
import io.tickstream.execution.orders.DenialReason;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the engine remembers between checks: mode, seen ids, the rate window. */
class RiskEngineStateTest {

  private final TestOrders orders = new TestOrders();
  private final Map<String, BigDecimal> refs = Map.of(AAPL, d(100));
  private final AccountState healthy = AccountState.flat(ACCOUNT, d(100_000));

  private static RiskLimits limits(int maxOrdersPerSecond) {
    return new RiskLimits(
        d(1_000),
        d(1_000_000),
        d(10_000_000),
        d(500),
        maxOrdersPerSecond,
        1_000_000_000L,
        d(10_000),
        d("0.10"),
        Set.of());
  }

  private final RiskEngine engine = new RiskEngine(Instruments.of(AAPL_INSTRUMENT), limits(2));

  private DenialReason reasonOf(RiskDecision decision) {
    return decision instanceof RiskDecision.Denied d ? d.denial().reason() : null;
  }

  @Test
  void drawdownBreachHaltsUntilAnOperatorResumes() {
    AccountState breached = RiskCase.atEquity(d("89999.99"));
    assertThat(reasonOf(engine.check(orders.buy(d(1)), breached, refs, T0)))
        .isEqualTo(DenialReason.DRAWDOWN_LIMIT_BREACHED);
    assertThat(engine.mode()).isEqualTo(TradingMode.HALTED);

    // Kill switch: even a healthy account, even a reducing order, is denied while halted.
    assertThat(reasonOf(engine.check(orders.sell(d(1)), healthy, refs, T0 + 1)))
        .isEqualTo(DenialReason.TRADING_HALTED);

    engine.setMode(TradingMode.NORMAL);
    assertThat(engine.check(orders.buy(d(1)), healthy, refs, T0 + 2).approved()).isTrue();
  }

  @Test
  void observingAnAccountUpdateHaltsWithoutWaitingForAnOrder() {
    // exactly 10 % below the peak: still NORMAL; one cent more: HALTED
    assertThat(engine.observe(RiskCase.atEquity(d(90_000)))).isEqualTo(TradingMode.NORMAL);
    assertThat(engine.observe(RiskCase.atEquity(d("89999.99")))).isEqualTo(TradingMode.HALTED);
    // recovery does not lift the kill switch: only an operator does
    assertThat(engine.observe(healthy)).isEqualTo(TradingMode.HALTED);
    assertThat(reasonOf(engine.check(orders.buy(d(1)), healthy, refs, T0)))
        .isEqualTo(DenialReason.TRADING_HALTED);
  }

  @Test
  void approvedDecisionBecomesOrderSubmitted() {
    SubmitOrder order = orders.buy(d(1));
    RiskDecision decision = engine.check(order, healthy, refs, T0);
    assertThat(decision)
        .isInstanceOfSatisfying(
            RiskDecision.Approved.class,
            a -> assertThat(a.submitted()).isEqualTo(new OrderSubmitted(order, T0)));
  }

  @Test
  void deniedOrdersDoNotUseTheRateBudget() {
    // Two denied (quantity above max), then two approved within the same second, then the third
    // approved one in that second is over the limit of 2.
    assertThat(reasonOf(engine.check(orders.buy(d(5_000)), healthy, refs, T0)))
        .isEqualTo(DenialReason.QUANTITY_ABOVE_MAX);
    assertThat(reasonOf(engine.check(orders.buy(d(5_000)), healthy, refs, T0)))
        .isEqualTo(DenialReason.QUANTITY_ABOVE_MAX);
    assertThat(engine.check(orders.buy(d(1)), healthy, refs, T0 + 1).approved()).isTrue();
    assertThat(engine.check(orders.buy(d(1)), healthy, refs, T0 + 2).approved()).isTrue();
    assertThat(reasonOf(engine.check(orders.buy(d(1)), healthy, refs, T0 + 3)))
        .isEqualTo(DenialReason.RATE_LIMIT_EXCEEDED);
  }

  @Test
  void aDeniedIdIsRememberedSoAReplayIsADuplicate() {
    SubmitOrder tooBig = orders.buy(d(5_000));
    assertThat(reasonOf(engine.check(tooBig, healthy, refs, T0)))
        .isEqualTo(DenialReason.QUANTITY_ABOVE_MAX);
    assertThat(reasonOf(engine.check(tooBig.withQuantity(d(1)), healthy, refs, T0 + 1)))
        .isEqualTo(DenialReason.DUPLICATE_ORDER);
  }

  @Test
  void firstFailingRuleDecidesInDocumentedOrder() {
    // Unknown instrument and an invalid quantity: the instrument is checked first.
    SubmitOrder both =
        orders.market("NOPE.XNAS", io.tickstream.execution.orders.OrderSide.BUY, d(-1), 0);
    assertThat(reasonOf(engine.check(both, healthy, refs, T0)))
        .isEqualTo(DenialReason.UNKNOWN_INSTRUMENT);
    // Missing reference price and quantity above max: the reference price is checked first.
    assertThat(reasonOf(engine.check(orders.buy(d(5_000)), healthy, Map.of(), T0)))
        .isEqualTo(DenialReason.MISSING_REFERENCE_PRICE);
  }

  @Test
  void limitsValidateWithClearMessages() {
    assertThatThrownBy(() -> new RiskLimits(d(0), d(1), d(1), d(1), 1, 1, d(1), d("0.1"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxOrderQuantity must be > 0, got 0");
    assertThatThrownBy(() -> new RiskLimits(d(1), d(1), d(1), d(1), 1, 1, d(1), d(1), Set.of()))
        .hasMessage("maxDrawdown must be in (0, 1), got 1");
    assertThatThrownBy(
            () -> new RiskLimits(d(1), d(1), d(1), d(-1), 1, 1, d(1), d("0.1"), Set.of()))
        .hasMessage("priceCollarBps must be >= 0, got -1");
    assertThatThrownBy(() -> new RiskLimits(d(1), d(1), d(1), d(1), 0, 1, d(1), d("0.1"), Set.of()))
        .hasMessage("maxOrdersPerWindow must be > 0, got 0");
    assertThatThrownBy(() -> new AccountState(ACCOUNT, d(100), d(90), d(0), d(0), Map.of()))
        .hasMessageContaining("not a high-water mark");
  }

  @Test
  void rateLimiterWindowIsHalfOpen() {
    OrderRateLimiter limiter = new OrderRateLimiter(1, 10);
    limiter.record(100);
    assertThat(limiter.allows(109)).isFalse();
    assertThat(limiter.allows(110)).isTrue();
    assertThat(limiter.countAt(110)).isZero();
  }
}
