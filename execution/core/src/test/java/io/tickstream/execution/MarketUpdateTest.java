package io.tickstream.execution;

import static io.tickstream.execution.TestOrders.AAPL;
import static io.tickstream.execution.TestOrders.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.signals.bars.Bar;
import org.junit.jupiter.api.Test;

class MarketUpdateTest {

  @Test
  void quoteUsesTheMidAsLastAndTheSmallerSizeAsVolume() {
    MarketUpdate q = MarketUpdate.ofQuote(AAPL, 5, d("99.98"), d(300), d("100.02"), d(200));
    assertThat(q.last()).isEqualByComparingTo("100.00"); // (99.98 + 100.02) / 2
    assertThat(q.volume()).isEqualByComparingTo("200");
  }

  @Test
  void barIsSeenAtItsEndAtItsClose() {
    Bar bar = new Bar(AAPL, "1m", 0, 60, d(1), d(3), d("0.5"), d(2), d(700), 9, d("1.7"), 0);
    MarketUpdate u = MarketUpdate.ofBar(bar);
    assertThat(u.tsEvent()).isEqualTo(60);
    assertThat(u.bid()).isEqualByComparingTo("2");
    assertThat(u.ask()).isEqualByComparingTo("2");
    assertThat(u.volume()).isEqualByComparingTo("700");
  }

  @Test
  void crossedOrNonPositiveUpdatesAreRefused() {
    assertThatThrownBy(() -> new MarketUpdate(AAPL, 1, d(101), d(100), d(100), d(1)))
        .hasMessage("crossed update: ask 100 < bid 101");
    assertThatThrownBy(() -> MarketUpdate.ofTrade(AAPL, 1, d(0), d(1)))
        .hasMessageContaining("prices must be > 0");
  }

  @Test
  void commissionCombinesRatePerUnitAndMinimum() {
    CommissionSchedule fees = new CommissionSchedule(d("2.5"), d("0.005"), d("1"));
    // 1,000 * 50 * 0.00025 + 1,000 * 0.005 = 12.50 + 5.00 = 17.50
    assertThat(fees.commission(d(1000), d(50))).isEqualByComparingTo("17.50");
    // 10 * 50 * 0.00025 + 10 * 0.005 = 0.125 + 0.05 = 0.175 < minimum 1
    assertThat(fees.commission(d(10), d(50))).isEqualByComparingTo("1");
    // 7 * 33.33 * 0.00025 + 7 * 0.005 = 0.05832750 + 0.035 = 0.0933275 -> 8 places: 0.09332750
    CommissionSchedule noMinimum = new CommissionSchedule(d("2.5"), d("0.005"), d(0));
    assertThat(noMinimum.commission(d(7), d("33.33"))).isEqualByComparingTo("0.0933275");
    assertThat(CommissionSchedule.FREE.commission(d(7), d("33.33"))).isEqualByComparingTo("0");
  }
}
