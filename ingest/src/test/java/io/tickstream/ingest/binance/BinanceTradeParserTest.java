package io.tickstream.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceTradeParserTest {
  private final BinanceTradeParser parser = new BinanceTradeParser("BINANCE");

  @Test
  void parsesTheDocumentedTradeEvent() throws Exception {
    TradeTick t =
        parser.parse(
            "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\",\"T\":1672515782136,\"m\":true,\"M\":true}",
            9);
    assertThat(t.getInstrumentId()).isEqualTo("BNBBTC.BINANCE");
    assertThat(t.getTradeId()).isEqualTo("12345");
    assertThat(t.getPrice()).isEqualByComparingTo("0.001");
    assertThat(t.getPrice().scale()).isEqualTo(8);
    assertThat(t.getSize()).isEqualByComparingTo("100");
    assertThat(t.getAggressorSide()).isEqualTo(AggressorSide.SELLER);
    assertThat(t.getTsEvent()).isEqualTo(1_672_515_782_136_000_000L);
    assertThat(t.getTsInit()).isEqualTo(9);
  }

  @Test
  void unwrapsTheCombinedStreamAndMapsATakerBuyer() throws Exception {
    TradeTick t =
        parser.parse(
            "{\"stream\":\"ethusdt@trade\",\"data\":{\"e\":\"trade\",\"s\":\"ETHUSDT\",\"t\":1,\"p\":\"3000.10\",\"q\":\"0.5\",\"T\":1,\"m\":false}}",
            0);
    assertThat(t.getInstrumentId()).isEqualTo("ETHUSDT.BINANCE");
    assertThat(t.getAggressorSide()).isEqualTo(AggressorSide.BUYER);
  }

  @Test
  void otherEventsAreNotTradesAndBrokenTradesSayWhatIsWrong() {
    assertThat(catching("{\"result\":null,\"id\":1}")).isNull();
    assertThatThrownBy(() -> parser.parse("[1,2]", 0)).hasMessage("not a JSON object");
    assertThatThrownBy(
            () ->
                parser.parse(
                    "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":7,\"p\":1.5,\"q\":\"1\",\"T\":1,\"m\":true}",
                    0))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("'p' (price) is missing or not a decimal string")
        .satisfies(e -> assertThat(((MalformedFrameException) e).tradeId()).isEqualTo(7));
    assertThatThrownBy(
            () ->
                parser.parse(
                    "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":7,\"p\":\"1.123456789\",\"q\":\"1\",\"T\":1,\"m\":true}",
                    0))
        .hasMessageContaining("more than 8 decimal places");
    assertThatThrownBy(
            () ->
                parser.parse(
                    "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
                    0))
        .hasMessageContaining("'t' (trade id)");
    assertThatThrownBy(
            () ->
                parser.parse(
                    "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":7,\"p\":\"1\",\"q\":\"1\",\"T\":1}",
                    0))
        .hasMessageContaining("'m' (buyer is maker)");
  }

  private TradeTick catching(String frame) {
    try {
      return parser.parse(frame, 0);
    } catch (MalformedFrameException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void backoffDoublesUpToTheCapWithJitterAndResets() {
    var b = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      delays.add(b.next().toMillis());
    }
    assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    b.reset();
    assertThat(b.next().toMillis()).isEqualTo(100);
    var low = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
    assertThat(low.next().toMillis()).isEqualTo(80);
  }

  @Test
  void gapsAreReportedOnlyForSkippedIds() {
    var gaps = new TradeIdGapDetector("test");
    assertThat(gaps.observe("BTCUSDT", 10)).isZero();
    assertThat(gaps.observe("BTCUSDT", 11)).isZero();
    assertThat(gaps.observe("BTCUSDT", 15)).isEqualTo(3);
    assertThat(gaps.observe("BTCUSDT", 12)).isZero();
    assertThat(gaps.observe("ETHUSDT", 100)).isZero();
    assertThat(gaps.observe("BTCUSDT", 16)).isZero();
  }
}
