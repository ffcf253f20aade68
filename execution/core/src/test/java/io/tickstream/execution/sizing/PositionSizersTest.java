package io.tickstream.execution.sizing;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.AAPL_INSTRUMENT;
import static io.tickstream.execution.TestOrders.BTC_INSTRUMENT;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PositionSizersTest {

  private static SizingInput input(Instrument i, String price, String equity, String atr) {
    return new SizingInput(i, d(price), d(equity), atr == null ? null : d(atr));
  }

  @Test
  void fixedNotionalRoundsDownToLots() {
    FixedNotionalSizer sizer = new FixedNotionalSizer(d(10_000));
    // 10,000 / 123.45 = 81.004... -> 81 shares
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "123.45", "1", null)))
        .isEqualByComparingTo("81");
    // 10,000 / 100 = 100 exactly: an exact fit is not rounded away
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "100", "1", null)))
        .isEqualByComparingTo("100");
    // 10,000 / 43,210.50 = 0.231424... BTC -> 231 lots of 0.001 = 0.231
    assertThat(sizer.quantity(input(BTC_INSTRUMENT, "43210.50", "1", null)))
        .isEqualByComparingTo("0.231");
    // 10,000 / 10,000.01 < 1 lot -> 0
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "10000.01", "1", null)))
        .isEqualByComparingTo("0");
  }

  @Test
  void fractionOfEquity() {
    FractionOfEquitySizer sizer = new FractionOfEquitySizer(d("0.25"));
    // 100,000 * 0.25 = 25,000; / 99.99 = 250.025... -> 250
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "99.99", "100000", null)))
        .isEqualByComparingTo("250");
    // 100,000 * 0.25 / 100.01 = 249.975... -> 249 (never rounds up past the budget)
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "100.01", "100000", null)))
        .isEqualByComparingTo("249");
    // a non-positive equity sizes to zero
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "100", "-5", null))).isEqualByComparingTo("0");
    assertThatThrownBy(() -> new FractionOfEquitySizer(d("1.01")))
        .hasMessage("fraction must be in (0, 1], got 1.01");
  }

  @Test
  void cappedKelly() {
    // p = 0.55, b = 1.5: f* = 0.55 - 0.45 / 1.5 = 0.55 - 0.30 = 0.25; half Kelly = 0.125 < cap 0.2
    CappedKellySizer half = new CappedKellySizer(d("0.55"), d("1.5"), d("0.5"), d("0.2"));
    assertThat(half.fraction()).isEqualByComparingTo("0.125");
    // 100,000 * 0.125 = 12,500; / 50 = 250
    assertThat(half.quantity(input(AAPL_INSTRUMENT, "50", "100000", null)))
        .isEqualByComparingTo("250");

    // The same edge with a cap of 0.1: min(0.1, 0.125) = 0.1 -> 10,000 / 50 = 200
    CappedKellySizer capped = new CappedKellySizer(d("0.55"), d("1.5"), d("0.5"), d("0.1"));
    assertThat(capped.fraction()).isEqualByComparingTo("0.1");
    assertThat(capped.quantity(input(AAPL_INSTRUMENT, "50", "100000", null)))
        .isEqualByComparingTo("200");

    // p = 0.5, b = 3: f* = 0.5 - 0.5 / 3 = 0.5 - 0.16666667 (8 places, half-even) = 0.33333333;
    // 10,000 * 0.33333333 = 3,333.3333; / 10 = 333.33333 -> 333
    CappedKellySizer thirds = new CappedKellySizer(d("0.5"), d("3"), d("1"), d("1"));
    assertThat(thirds.fraction()).isEqualByComparingTo("0.33333333");
    assertThat(thirds.quantity(input(AAPL_INSTRUMENT, "10", "10000", null)))
        .isEqualByComparingTo("333");

    // p = 0.4, b = 1: f* = 0.4 - 0.6 = -0.2: no edge, no position (never the other way)
    CappedKellySizer noEdge = new CappedKellySizer(d("0.4"), d("1"), d("1"), d("1"));
    assertThat(noEdge.fraction()).isEqualByComparingTo("0");
    assertThat(noEdge.quantity(input(AAPL_INSTRUMENT, "10", "10000", null)))
        .isEqualByComparingTo("0");

    assertThatThrownBy(() -> new CappedKellySizer(d("1"), d("1"), d("1"), d("1")))
        .hasMessage("winProbability must be in (0, 1), got 1");
  }

  @Test
  void atrRiskPerTrade() {
    AtrRiskSizer sizer = new AtrRiskSizer(d("0.01"), d("2"));
    // risk 100,000 * 1 % = 1,000; stop 2 * 2.50 = 5.00 per share; 1,000 / 5 = 200
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "100", "100000", "2.50")))
        .isEqualByComparingTo("200");
    // stop 2 * 3.30 = 6.60; 1,000 / 6.60 = 151.51... -> 151
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "100", "100000", "3.30")))
        .isEqualByComparingTo("151");
    // BTC: risk 100,000 * 0.5 % = 500; stop 1.5 * 1,234.50 = 1,851.75; 500 / 1,851.75 =
    // 0.270015... -> 270 lots of 0.001 = 0.270
    AtrRiskSizer btc = new AtrRiskSizer(d("0.005"), d("1.5"));
    assertThat(btc.quantity(input(BTC_INSTRUMENT, "40000", "100000", "1234.50")))
        .isEqualByComparingTo("0.270");
    // no volatility estimate, no trade
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "100", "100000", null)))
        .isEqualByComparingTo("0");
    assertThat(sizer.quantity(input(AAPL_INSTRUMENT, "100", "100000", "0")))
        .isEqualByComparingTo("0");
  }

  @Test
  void targetPositionBecomesTheDifferenceOrder() {
    TargetPosition long200 = TargetPosition.of(AAPL, 1, d(200));
    SubmitOrder add =
        long200.marketOrderFrom(d(50), "id1", "A", "s", TimeInForce.DAY, 7).orElseThrow();
    assertThat(add.side()).isEqualTo(OrderSide.BUY);
    assertThat(add.quantity()).isEqualByComparingTo("150");
    assertThat(add.tsInit()).isEqualTo(7);

    // long 200 to short 100: one sell of 300 through zero
    SubmitOrder flip =
        TargetPosition.of(AAPL, -1, d(100))
            .marketOrderFrom(d(200), "id2", "A", "s", TimeInForce.DAY, 8)
            .orElseThrow();
    assertThat(flip.side()).isEqualTo(OrderSide.SELL);
    assertThat(flip.quantity()).isEqualByComparingTo("300");

    assertThat(long200.marketOrderFrom(d("200.00"), "id3", "A", "s", TimeInForce.DAY, 9)).isEmpty();
    assertThat(TargetPosition.of(AAPL, 0, d(500)).quantity()).isEqualByComparingTo(BigDecimal.ZERO);
  }
}
