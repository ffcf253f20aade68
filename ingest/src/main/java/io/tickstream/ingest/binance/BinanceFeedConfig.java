package io.tickstream.ingest.binance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Settings of a {@link BinanceTradeFeed}.
 *
 * @param url the WebSocket URL, e.g. {@code
 *     wss://stream.binance.com:9443/stream?streams=btcusdt@trade}
 * @param venue the venue part of instrument ids ({@code BINANCE})
 * @param silenceTimeout reconnect when no data frame arrived for this long
 * @param heartbeatInterval send a ping this often and reconnect when its pong has not come back by
 *     the next one; zero disables pings
 * @param connectTimeout how long the opening handshake may take
 * @param initialBackoff first delay before reconnecting (doubles per failed attempt)
 * @param maxBackoff the longest delay before reconnecting
 */
public record BinanceFeedConfig(
    URI url,
    String venue,
    Duration silenceTimeout,
    Duration heartbeatInterval,
    Duration connectTimeout,
    Duration initialBackoff,
    Duration maxBackoff) {

  /** Binance's public market-data endpoint. */
  public static final String BINANCE_STREAMS = "wss://stream.binance.com:9443/stream?streams=";

  public BinanceFeedConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(venue, "venue");
    if (silenceTimeout.isNegative() || silenceTimeout.isZero()) {
      throw new IllegalArgumentException("silenceTimeout must be > 0, got " + silenceTimeout);
    }
    if (heartbeatInterval.isNegative()) {
      throw new IllegalArgumentException(
          "heartbeatInterval must be >= 0, got " + heartbeatInterval);
    }
  }

  /** Defaults for {@code url}: 30 s silence, 10 s pings, 10 s connect, backoff 0.5 s … 30 s. */
  public static BinanceFeedConfig defaults(URI url) {
    return new BinanceFeedConfig(
        url,
        "BINANCE",
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofMillis(500),
        Duration.ofSeconds(30));
  }

  /** The combined trade stream of {@code symbols} (e.g. BTCUSDT, ETHUSDT) on Binance. */
  public static URI combinedTradeStream(List<String> symbols) {
    return URI.create(
        BINANCE_STREAMS
            + symbols.stream()
                .map(s -> s.toLowerCase(Locale.ROOT) + "@trade")
                .collect(Collectors.joining("/")));
  }
}
