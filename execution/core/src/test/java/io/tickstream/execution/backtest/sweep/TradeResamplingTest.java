package io.tickstream.execution.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.portfolio.ClosedTrade;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeResamplingTest {

  private static ClosedTrade trade(String pnl) {
    return new ClosedTrade("A", OrderSide.BUY, 0, 1, new BigDecimal(pnl));
  }

  @Test
  void identicalTradesHaveNoSpread() {
    TradeResampling.Result r =
        TradeResampling.run(
            List.of(trade("10"), trade("10"), trade("10")), new BigDecimal("100"), 200, 0.9, 1);
    assertThat(r.totalReturn().low()).isCloseTo(0.3, within(1e-12));
    assertThat(r.totalReturn().high()).isCloseTo(0.3, within(1e-12));
    assertThat(r.maxDrawdown().high()).isZero();
    assertThat(r.probabilityOfLoss()).isZero();
  }

  @Test
  void twoTradesFollowTheBinomialByHand() {
    // +10 or -10, two draws from 100: 120 (1/4), 100 (1/2), 80 (1/4). Drawdowns: ++ 0, +- 10/110,
    // -+ 0.1, -- 0.2, a quarter each. With 20,000 draws the 0.3 and 0.7 quantiles (confidence
    // 0.4) fall well inside the middle quarters.
    TradeResampling.Result r =
        TradeResampling.run(
            List.of(trade("10"), trade("-10")), new BigDecimal("100"), 20_000, 0.4, 42);
    assertThat(r.totalReturn().low()).isCloseTo(0.0, within(1e-12));
    assertThat(r.totalReturn().median()).isCloseTo(0.0, within(1e-12));
    assertThat(r.totalReturn().high()).isCloseTo(0.0, within(1e-12));
    assertThat(r.probabilityOfLoss()).isCloseTo(0.25, within(0.02));
    assertThat(r.maxDrawdown().low()).isCloseTo(10.0 / 110, within(1e-12));
    assertThat(r.maxDrawdown().high()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void sameSeedSameIntervals() {
    List<ClosedTrade> trades = List.of(trade("25"), trade("-12.5"), trade("7"), trade("-30"));
    BigDecimal start = new BigDecimal("1000");
    assertThat(TradeResampling.run(trades, start, 5_000, 0.95, 7))
        .isEqualTo(TradeResampling.run(trades, start, 5_000, 0.95, 7));
    TradeResampling.Result r = TradeResampling.run(trades, start, 5_000, 0.95, 7);
    assertThat(r.totalReturn().low()).isLessThan(r.totalReturn().median());
    assertThat(r.totalReturn().median()).isLessThan(r.totalReturn().high());
  }
}
