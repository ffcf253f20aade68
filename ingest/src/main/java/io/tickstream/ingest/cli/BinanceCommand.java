package io.tickstream.ingest.cli;

import io.micrometer.core.instrument.Metrics;
import io.tickstream.ingest.binance.BinanceFeedConfig;
import io.tickstream.ingest.binance.BinanceTradeFeed;
import io.tickstream.ingest.binance.FeedSink;
import io.tickstream.ingest.dlq.DeadLetters;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.TradeTick;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tickstream binance --symbols BTCUSDT,ETHUSDT}: streams live Binance trades into
 * md.trades.raw.
 */
@Command(
    name = "binance",
    mixinStandardHelpOptions = true,
    description =
        "Stream live Binance trades into md.trades.raw (malformed frames to md.dlq) until Ctrl-C.")
public final class BinanceCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--symbols",
      split = ",",
      defaultValue = "BTCUSDT,ETHUSDT",
      description = "Binance symbols (default: ${DEFAULT-VALUE}).")
  List<String> symbols;

  @Option(
      names = "--url",
      description = "WebSocket URL instead of Binance's combined trade stream of --symbols.")
  URI url;

  @Override
  public Integer call() throws Exception {
    URI target = url != null ? url : BinanceFeedConfig.combinedTradeStream(symbols);
    ShutdownSignal signal = new ShutdownSignal("binance");
    try {
      try (var trades =
              new TickPublisher<TradeTick>(
                  Topics.TRADES_RAW,
                  kafka.bootstrapServers(),
                  kafka.registryUrl(),
                  Map.of(),
                  Metrics.globalRegistry);
          var dlq =
              new TickPublisher<DeadLetter>(
                  Topics.DEAD_LETTERS,
                  kafka.bootstrapServers(),
                  kafka.registryUrl(),
                  Map.of(),
                  Metrics.globalRegistry)) {
        FeedSink sink =
            new FeedSink() {
              @Override
              public void trade(TradeTick t) {
                trades.publish(t.getInstrumentId(), t);
              }

              @Override
              public void deadLetter(DeadLetter d) {
                dlq.publish(DeadLetters.keyOf(d), d);
              }
            };
        try (var feed =
            new BinanceTradeFeed(
                BinanceFeedConfig.defaults(target),
                sink,
                Metrics.globalRegistry,
                Clock.systemUTC())) {
          feed.start();
          signal.await();
        }
      }
    } finally {
      signal.cleanedUp();
    }
    return 0;
  }
}
