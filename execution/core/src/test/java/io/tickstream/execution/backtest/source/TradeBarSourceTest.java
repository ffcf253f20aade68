package io.tickstream.execution.backtest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.TimeBarSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeBarSourceTest {

  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_704_205_800L * S; // a whole minute

  private static HistoricalTrade trade(String id, long seconds, String price, String size) {
    return new HistoricalTrade(id, T0 + seconds * S, new BigDecimal(price), new BigDecimal(size));
  }

  @Test
  void tradesOfTwoInstrumentsBecomeTimeOrderedMinuteBars() {
    List<HistoricalTrade> trades =
        List.of(
            trade("B", 1, "50", "1"),
            trade("A", 5, "10", "2"),
            trade("A", 20, "12", "1"),
            trade("A", 59, "11", "3"),
            trade("A", 61, "9", "1"), // minute 1 opens: minute 0 of A and B is complete
            trade("B", 150, "51", "4")); // minute 2; A and B have nothing in minute 1 / 0-1
    List<Bar> bars = new ArrayList<>();
    try (TradeBarSource source = new TradeBarSource(trades.iterator(), TimeBarSpec.parse("1m"))) {
      source.forEachRemaining(bars::add);
    }
    assertThat(bars)
        .extracting(b -> b.instrumentId() + "@" + (b.start() - T0) / S)
        .containsExactly("A@0", "B@0", "A@60", "B@120");
    Bar a0 = bars.get(0);
    assertThat(a0.open()).isEqualByComparingTo("10");
    assertThat(a0.high()).isEqualByComparingTo("12");
    assertThat(a0.low()).isEqualByComparingTo("10");
    assertThat(a0.close()).isEqualByComparingTo("11");
    assertThat(a0.volume()).isEqualByComparingTo("6");
    assertThat(a0.tradeCount()).isEqualTo(3);
  }

  @Test
  void refusesTradesOutOfOrder() {
    List<HistoricalTrade> trades = List.of(trade("A", 10, "1", "1"), trade("A", 5, "1", "1"));
    TradeBarSource source = new TradeBarSource(trades.iterator(), TimeBarSpec.parse("1m"));
    assertThatThrownBy(source::hasNext).isInstanceOf(IllegalStateException.class);
  }
}
