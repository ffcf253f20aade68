package io.tickstream.execution.portfolio;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.ACCOUNT;
import static io.tickstream.execution.TestOrders.BTC;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.risk.AccountState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Hand-computed accounting: every expected value has its arithmetic next to it. */
class PortfolioAccountingTest {

  private final Portfolio portfolio = new Portfolio(ACCOUNT, d(100_000));
  private int fills;

  private PositionChanged fill(
      String instrument, OrderSide side, String qty, String px, String fee, long ts) {
    fills++;
    return portfolio.apply(
        new OrderFilled(
            "o" + fills,
            instrument,
            "t" + fills,
            side,
            d(qty),
            d(px),
            d(fee),
            BigDecimal.ZERO,
            ts));
  }

  private static void assertTrade(ClosedTrade actual, ClosedTrade expected) {
    assertThat(actual)
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(expected);
  }

  @Test
  void longAddsReduceFlipAndCoverWithFees() {
    // 1. Buy 100 @ 50.00, fee 1.00: cash 100,000 - 5,000 - 1 = 94,999; avg 50; realized -1
    fill(AAPL, OrderSide.BUY, "100", "50.00", "1.00", 1);
    assertThat(portfolio.cash()).isEqualByComparingTo("94999");
    // never marked: valued at cost, equity 94,999 + 100 * 50 = 99,999 (only the fee is lost)
    assertThat(portfolio.equity()).isEqualByComparingTo("99999");

    // 2. Partial fill of a second order: buy 50 @ 56.00, fee 0.50
    //    avg (100 * 50 + 50 * 56) / 150 = 7,800 / 150 = 52.00; cash 94,999 - 2,800 - 0.50 =
    // 92,198.50
    PositionChanged two = fill(AAPL, OrderSide.BUY, "50", "56.00", "0.50", 2);
    assertThat(two.quantity()).isEqualByComparingTo("150");
    assertThat(two.avgCost()).isEqualByComparingTo("52");
    assertThat(two.realizedPnl()).isEqualByComparingTo("-1.50");
    assertThat(two.cash()).isEqualByComparingTo("92198.50");
    assertThat(two.unrealizedPnl()).isEqualByComparingTo("0");

    // 3. Its rest: buy 50 @ 50.80, no fee: avg (150 * 52 + 50 * 50.80) / 200 = 10,340 / 200 = 51.70
    //    cash 92,198.50 - 2,540 = 89,658.50
    PositionChanged three = fill(AAPL, OrderSide.BUY, "50", "50.80", "0", 3);
    assertThat(three.avgCost()).isEqualByComparingTo("51.70");
    assertThat(three.cash()).isEqualByComparingTo("89658.50");

    // Mark 55: unrealized 200 * (55 - 51.70) = 660; equity 89,658.50 + 200 * 55 = 100,658.50
    portfolio.mark(AAPL, d("55"));
    assertThat(portfolio.unrealizedPnl()).isEqualByComparingTo("660");
    assertThat(portfolio.equity()).isEqualByComparingTo("100658.50");

    // 4. Sell 120 @ 54.00, fee 1.20: realized 120 * (54 - 51.70) = 276, total -1.50 + 276 - 1.20
    //    = 273.30; avg unchanged; cash 89,658.50 + 6,480 - 1.20 = 96,137.30
    PositionChanged four = fill(AAPL, OrderSide.SELL, "120", "54.00", "1.20", 4);
    assertThat(four.quantity()).isEqualByComparingTo("80");
    assertThat(four.avgCost()).isEqualByComparingTo("51.70");
    assertThat(four.realizedPnl()).isEqualByComparingTo("273.30");
    assertThat(four.cash()).isEqualByComparingTo("96137.30");
    // at the mark 55: 80 * (55 - 51.70) = 264
    assertThat(four.unrealizedPnl()).isEqualByComparingTo("264");

    // Mark 53: unrealized 80 * 1.30 = 104; equity 96,137.30 + 80 * 53 = 100,377.30
    //          = 100,000 + realized 273.30 + unrealized 104
    portfolio.mark(AAPL, d("53"));
    assertThat(portfolio.unrealizedPnl()).isEqualByComparingTo("104");
    assertThat(portfolio.equity()).isEqualByComparingTo("100377.30");

    // 5. Flip: sell 200 @ 52.00, fee 2.00: closes 80 for 80 * (52 - 51.70) = 24 -> realized
    //    273.30 + 24 - 2 = 295.30; opens short 120 at 52.00; cash 96,137.30 + 10,400 - 2 =
    // 106,535.30
    PositionChanged five = fill(AAPL, OrderSide.SELL, "200", "52.00", "2.00", 5);
    assertThat(five.quantity()).isEqualByComparingTo("-120");
    assertThat(five.avgCost()).isEqualByComparingTo("52");
    assertThat(five.realizedPnl()).isEqualByComparingTo("295.30");
    assertThat(five.cash()).isEqualByComparingTo("106535.30");
    // short 120 marked at 53: -120 * (53 - 52) = -120; equity 106,535.30 - 120 * 53 = 100,175.30
    assertThat(five.unrealizedPnl()).isEqualByComparingTo("-120");
    assertThat(portfolio.equity()).isEqualByComparingTo("100175.30");
    // the long trip: -1 - 0.50 + 276 - 1.20 + 24 - 2 = 295.30, from fill 1 to fill 5
    assertThat(portfolio.closedTrades()).hasSize(1);
    assertTrade(
        portfolio.closedTrades().get(0), new ClosedTrade(AAPL, OrderSide.BUY, 1, 5, d("295.30")));

    // 6. Cover: buy 120 @ 50.50, fee 1: short realizes 120 * (52 - 50.50) = 180 -> 474.30;
    //    flat; cash 106,535.30 - 6,060 - 1 = 100,474.30 = equity = 100,000 + 474.30
    PositionChanged six = fill(AAPL, OrderSide.BUY, "120", "50.50", "1", 6);
    assertThat(six.quantity()).isEqualByComparingTo("0");
    assertThat(six.avgCost()).isEqualByComparingTo("0");
    assertThat(six.realizedPnl()).isEqualByComparingTo("474.30");
    assertThat(portfolio.equity()).isEqualByComparingTo("100474.30");
    assertThat(portfolio.realizedPnl()).isEqualByComparingTo("474.30");
    assertThat(portfolio.unrealizedPnl()).isEqualByComparingTo("0");
    // the short trip opened at the flip with nothing carried over: 180 - 1 = 179
    assertTrade(
        portfolio.closedTrades().get(1), new ClosedTrade(AAPL, OrderSide.SELL, 5, 6, d("179")));
    // highest equity was at the mark of 55: 100,658.50
    assertThat(portfolio.peakEquity()).isEqualByComparingTo("100658.50");
  }

  @Test
  void shortFirstIsCashFundedAndMarkedToTheLatestPrice() {
    // Sell short 10 @ 100: cash 100,000 + 1,000 = 101,000
    fill(AAPL, OrderSide.SELL, "10", "100", "0", 1);
    assertThat(portfolio.cash()).isEqualByComparingTo("101000");
    // Mark 90: unrealized -10 * (90 - 100) = 100; equity 101,000 - 10 * 90 = 100,100
    portfolio.mark(AAPL, d("90"));
    assertThat(portfolio.unrealizedPnl()).isEqualByComparingTo("100");
    assertThat(portfolio.equity()).isEqualByComparingTo("100100");
    // A later mark replaces it: at 104, -10 * 4 = -40; equity 101,000 - 1,040 = 99,960
    portfolio.mark(AAPL, d("104"));
    assertThat(portfolio.unrealizedPnl()).isEqualByComparingTo("-40");
    assertThat(portfolio.equity()).isEqualByComparingTo("99960");
  }

  @Test
  void equityIsCashPlusPositionsValueAcrossInstruments() {
    fill(AAPL, OrderSide.BUY, "10", "100", "0.10", 1); // cash 100,000 - 1,000 - 0.10 = 98,999.90
    fill(BTC, OrderSide.SELL, "0.5", "40000", "2", 2); // cash 98,999.90 + 20,000 - 2 = 118,997.90
    portfolio.mark(AAPL, d("110"));
    portfolio.mark(BTC, d("41000"));
    // positions value 10 * 110 - 0.5 * 41,000 = 1,100 - 20,500 = -19,400
    assertThat(portfolio.positionsValue()).isEqualByComparingTo("-19400");
    // equity 118,997.90 - 19,400 = 99,597.90
    assertThat(portfolio.equity()).isEqualByComparingTo("99597.90");
    // unrealized 10 * 10 + (-0.5) * 1,000 = 100 - 500 = -400; realized = fees -2.10
    assertThat(portfolio.unrealizedPnl()).isEqualByComparingTo("-400");
    assertThat(portfolio.realizedPnl()).isEqualByComparingTo("-2.10");
    // gross exposure 1,100 + 20,500 = 21,600
    AccountState state = portfolio.accountState(d(500));
    assertThat(state.grossExposure()).isEqualByComparingTo("21600");
    assertThat(state.position(BTC)).isEqualByComparingTo("-0.5");
    assertThat(state.openOrdersNotional()).isEqualByComparingTo("500");
    // peak: after the AAPL mark, BTC still at cost: 118,997.90 + 1,100 - 20,000 = 100,097.90
    assertThat(state.peakEquity()).isEqualByComparingTo("100097.90");
  }

  @Test
  void averageCostRoundsHalfEvenToEightPlaces() {
    fill(AAPL, OrderSide.BUY, "1", "10", "0", 1);
    fill(AAPL, OrderSide.BUY, "2", "10.01", "0", 2);
    // (10 + 20.02) / 3 = 10.00666666... -> 10.00666667
    assertThat(portfolio.position(AAPL).avgCost()).isEqualByComparingTo("10.00666667");
    // Cash stays exact whatever the average: 100,000 - 10 - 20.02 = 99,969.98
    assertThat(portfolio.cash()).isEqualByComparingTo("99969.98");
  }

  @Test
  void openingAtAFinerPriceRoundsTheAverageCostLikeTheDivision() {
    // Opening from flat the average is (qty * px) / qty = px, to 8 places, half-even: a price of
    // 9 decimals ending in 5 rounds to the even neighbour; the scale is 8 as a division's would be.
    PositionChanged even = fill(AAPL, OrderSide.BUY, "3", "100.123456785", "0", 1);
    assertThat(even.avgCost()).isEqualTo(new BigDecimal("100.12345678"));
    PositionChanged odd = fill(BTC, OrderSide.SELL, "7", "0.000000015", "0", 2);
    assertThat(odd.avgCost()).isEqualTo(new BigDecimal("0.00000002"));
    // A coarse price gets the division's scale too (equals, not only compareTo).
    Portfolio other = new Portfolio(ACCOUNT, d(1_000));
    PositionChanged coarse =
        other.apply(
            new OrderFilled(
                "c1", AAPL, "t1", OrderSide.BUY, d("2"), d("12.5"), d("0"), BigDecimal.ZERO, 1));
    assertThat(coarse.avgCost()).isEqualTo(new BigDecimal("12.50000000"));
  }

  @Test
  void anUnchangedMarkLeavesEquityAsItWasAndAnotherScaleRescalesIt() {
    // Buy 10 @ 50.00, no fee: cash 100,000 - 500 = 99,500.00
    fill(AAPL, OrderSide.BUY, "10", "50.00", "0", 1);
    portfolio.mark(AAPL, new BigDecimal("51.00")); // 99,500.00 + 10 * 51.00 = 100,010.00
    assertThat(portfolio.equity()).isEqualTo(new BigDecimal("100010.00"));
    portfolio.mark(AAPL, new BigDecimal("51.00"));
    assertThat(portfolio.equity()).isEqualTo(new BigDecimal("100010.00"));
    assertThat(portfolio.peakEquity()).isEqualTo(new BigDecimal("100010.00"));
    // The same value at three places: 10 * 51.000 = 510.000, equity 100,010.000.
    portfolio.mark(AAPL, new BigDecimal("51.000"));
    assertThat(portfolio.equity()).isEqualTo(new BigDecimal("100010.000"));
    // A lower mark after an unchanged one: 99,500.00 + 10 * 49.00 = 99,990.00, peak kept.
    portfolio.mark(AAPL, new BigDecimal("49.00"));
    assertThat(portfolio.equity()).isEqualTo(new BigDecimal("99990.00"));
    assertThat(portfolio.peakEquity()).isEqualByComparingTo("100010");
  }
}
