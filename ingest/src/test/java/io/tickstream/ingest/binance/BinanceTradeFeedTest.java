package io.tickstream.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.TradeTick;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The live adapter against a local WebSocket server replaying recorded Binance frames: malformed
 * frames become dead letters, a dropped connection and a silent one are both reconnected, and the
 * trade ids missed while away are reported as a gap.
 */
class BinanceTradeFeedTest {
  private final List<TradeTick> trades = new CopyOnWriteArrayList<>();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final FeedSink sink =
      new FeedSink() {
        @Override
        public void trade(TradeTick t) {
          trades.add(t);
        }

        @Override
        public void deadLetter(DeadLetter d) {
          deadLetters.add(d);
        }
      };

  @Test
  void replaysRecordedFramesThroughADropAndASilenceAndReportsTheGap() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (var server = new RecordedFeedServer("/binance/btcusdt-ethusdt-trades.recording")) {
      var config =
          new BinanceFeedConfig(
              server.url(),
              "BINANCE",
              Duration.ofMillis(600),
              Duration.ofMillis(200),
              Duration.ofSeconds(5),
              Duration.ofMillis(50),
              Duration.ofSeconds(1));
      try (var feed = new BinanceTradeFeed(config, sink, meters, Clock.systemUTC()).start()) {
        await().atMost(Duration.ofSeconds(30)).until(() -> trades.size() >= 8);
        assertThat(feed.connections()).isGreaterThanOrEqualTo(3);
      }
      assertThat(server.connections()).isGreaterThanOrEqualTo(3);
    }

    assertThat(trades)
        .extracting(t -> t.getInstrumentId() + "#" + t.getTradeId())
        .containsExactly(
            "BTCUSDT.BINANCE#1001",
            "BTCUSDT.BINANCE#1002",
            "BTCUSDT.BINANCE#1004",
            "ETHUSDT.BINANCE#501",
            "BTCUSDT.BINANCE#1008",
            "ETHUSDT.BINANCE#502",
            "BTCUSDT.BINANCE#1009",
            "ETHUSDT.BINANCE#503");
    TradeTick first = trades.get(0);
    assertThat(first.getAggressorSide()).isEqualTo(AggressorSide.SELLER); // buyer was the maker
    assertThat(trades.get(1).getAggressorSide()).isEqualTo(AggressorSide.BUYER);
    assertThat(first.getPrice()).isEqualByComparingTo("94250.01");
    assertThat(first.getSize()).isEqualByComparingTo("0.012");
    assertThat(first.getTsEvent()).isEqualTo(1_767_366_000_000L * 1_000_000L);

    assertThat(deadLetters).extracting(DeadLetter::getReasonCode).containsOnly("MALFORMED_FRAME");
    assertThat(deadLetters).hasSize(2);
    assertThat(deadLetters.get(1).getMessage()).contains("'p'").contains("94,250.03");
    assertThat(StandardCharsets.UTF_8.decode(deadLetters.get(0).getOriginalValue()).toString())
        .isEqualTo("{\"e\":\"trade\",\"E\":1767366000021,\"s\":\"BTCU");
    assertThat(deadLetters.get(0).getSourceTopic()).startsWith("ws://localhost:");

    assertThat(meters.get("tickstream.feed.gaps").counter().count()).isEqualTo(1);
    assertThat(meters.get("tickstream.feed.missed.trades").counter().count()).isEqualTo(3);
    assertThat(meters.get("tickstream.feed.reconnects").counter().count())
        .isGreaterThanOrEqualTo(2);
    assertThat(meters.get("tickstream.feed.malformed").counter().count()).isEqualTo(2);
  }
}
