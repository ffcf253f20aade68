package io.tickstream.ingest.binance;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickstream.ingest.dlq.DeadLetterReason;
import io.tickstream.ingest.dlq.DeadLetters;
import io.tickstream.schemas.avro.TradeTick;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live Binance trade stream over the JDK's {@link WebSocket} client. Frames become {@link
 * TradeTick}s ({@link BinanceTradeParser}); malformed frames become MALFORMED_FRAME dead letters.
 * The connection is kept alive: on close, error or silence (no data frame within {@code
 * silenceTimeout}, or a ping left unanswered) it is aborted and re-opened after an exponential
 * backoff. Trade-id jumps are reported ({@link TradeIdGapDetector}).
 *
 * <p>Metrics: see {@link FeedMetrics}.
 */
public final class BinanceTradeFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceTradeFeed.class);

  private final BinanceFeedConfig config;
  private final FeedSink sink;
  private final Clock clock;
  private final BinanceTradeParser parser;
  private final TradeIdGapDetector gaps;
  private final ReconnectBackoff backoff;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong frameNo = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private final FeedMetrics metrics;
  private volatile boolean running;
  private volatile FeedConnection current;

  /**
   * @param config where to connect and the liveness limits
   * @param sink receives trades and dead letters
   * @param meters where the feed's metrics go
   * @param clock wall clock for {@code tsInit}
   */
  public BinanceTradeFeed(
      BinanceFeedConfig config, FeedSink sink, MeterRegistry meters, Clock clock) {
    this.config = config;
    this.sink = sink;
    this.clock = clock;
    this.parser = new BinanceTradeParser(config.venue());
    this.gaps = new TradeIdGapDetector(config.url().toString());
    this.backoff =
        new ReconnectBackoff(
            config.initialBackoff(), config.maxBackoff(), ThreadLocalRandom.current()::nextDouble);
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "binance-feed-watchdog");
              t.setDaemon(true);
              return t;
            });
    this.metrics = new FeedMetrics(meters, String.valueOf(config.url().getHost()));
  }

  /** Opens the first connection and starts the watchdog; returns at once. */
  public BinanceTradeFeed start() {
    running = true;
    long period = config.silenceTimeout().toNanos() / 4;
    if (!config.heartbeatInterval().isZero()) {
      period = Math.min(period, config.heartbeatInterval().toNanos());
    }
    scheduler.scheduleAtFixedRate(this::watch, period, period, TimeUnit.NANOSECONDS);
    scheduler.execute(this::connect);
    return this;
  }

  /** Connections opened so far (1 + successful reconnections). */
  public int connections() {
    return connections.get();
  }

  /** Whether a connection is open now. */
  public boolean isConnected() {
    return metrics.connected.get() == 1;
  }

  private void connect() {
    if (!running) {
      return;
    }
    FeedConnection c = new FeedConnection();
    current = c;
    http.newWebSocketBuilder()
        .connectTimeout(config.connectTimeout())
        .buildAsync(config.url(), c)
        .whenComplete(
            (ws, e) -> {
              if (e != null) {
                LOG.warn("{}: connect failed: {}", config.url(), e.toString());
                c.end();
              }
            });
  }

  private void watch() {
    FeedConnection c = current;
    if (c == null || c.ended || c.ws == null || c.busy) {
      return; // a listener still handling a frame cannot take a pong: that is not a dead link
    }
    long now = System.nanoTime();
    if (now - c.lastData > config.silenceTimeout().toNanos()) {
      LOG.warn("{}: no data for {}, reconnecting", config.url(), config.silenceTimeout());
      c.abort();
    } else if (!config.heartbeatInterval().isZero()
        && now - c.lastPingSent >= config.heartbeatInterval().toNanos()) {
      if (c.lastPingSent > c.lastPong) {
        LOG.warn(
            "{}: ping unanswered for {}, reconnecting", config.url(), config.heartbeatInterval());
        c.abort();
        return;
      }
      c.lastPingSent = now;
      c.ws.sendPing(ByteBuffer.wrap(new byte[] {1}));
    }
  }

  private long nowNanos() {
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  private void handleFrame(String text) {
    metrics.frames.increment();
    long n = frameNo.incrementAndGet();
    try {
      TradeTick t = parser.parse(text, nowNanos());
      if (t == null) {
        LOG.debug("{}: frame {} is not a trade event: {}", config.url(), n, text);
        return;
      }
      String symbol = t.getInstrumentId().substring(0, t.getInstrumentId().lastIndexOf('.'));
      noteId(symbol, Long.parseLong(t.getTradeId()));
      metrics.trades.increment();
      sink.trade(t);
    } catch (MalformedFrameException e) {
      if (e.symbol() != null && e.tradeId() >= 0) {
        noteId(e.symbol(), e.tradeId());
      }
      metrics.malformed.increment();
      LOG.warn(
          "{}: malformed frame {} dead-lettered ({}): {}", config.url(), n, e.getMessage(), text);
      sink.deadLetter(
          DeadLetters.fromFrame(
              DeadLetterReason.MALFORMED_FRAME,
              e.getMessage(),
              config.url().toString(),
              n,
              text,
              nowNanos()));
    }
  }

  private void noteId(String symbol, long id) {
    long missing = gaps.observe(symbol, id);
    if (missing > 0) {
      metrics.gaps.increment();
      metrics.missedTrades.increment(missing);
    }
  }

  @Override
  public void close() {
    running = false;
    scheduler.shutdownNow();
    FeedConnection c = current;
    if (c != null && c.ws != null) {
      c.ended = true;
      c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
      c.ws.abort();
    }
    metrics.connected.set(0);
    LOG.info("{}: feed closed after {} frames", config.url(), frameNo.get());
  }

  /** One WebSocket connection; ends once (close, error, silence) and then schedules the next. */
  private final class FeedConnection implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    volatile WebSocket ws;
    volatile boolean ended;
    volatile boolean busy;
    volatile long lastData = System.nanoTime();
    volatile long lastPingSent = System.nanoTime();
    volatile long lastPong = System.nanoTime();

    @Override
    public void onOpen(WebSocket webSocket) {
      ws = webSocket;
      lastData = System.nanoTime();
      lastPingSent = lastData;
      lastPong = lastData;
      metrics.connected.set(1);
      int n = connections.incrementAndGet();
      LOG.info("{}: connected (connection {})", config.url(), n);
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      busy = true;
      try {
        partial.append(data);
        if (last) {
          String frame = partial.toString();
          partial.setLength(0);
          if (!ended) {
            handleFrame(frame);
            backoff.reset();
          }
        }
      } finally {
        lastData = System.nanoTime();
        lastPong = lastData; // any frame proves the link alive, as a pong would
        busy = false;
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      webSocket.request(1);
      return null; // the JDK client answers with a pong by itself
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      lastPong = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      LOG.warn("{}: closed by the server ({} {})", config.url(), statusCode, reason);
      end();
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      LOG.warn("{}: connection lost: {}", config.url(), error.toString());
      end();
    }

    void abort() {
      if (ws != null) {
        ws.abort();
      }
      end();
    }

    synchronized void end() {
      if (ended) {
        return;
      }
      ended = true;
      metrics.connected.set(0);
      if (!running) {
        return;
      }
      Duration delay = backoff.next();
      metrics.reconnects.increment();
      LOG.info(
          "{}: reconnecting in {} ms (attempt {})",
          config.url(),
          delay.toMillis(),
          backoff.attempts());
      try {
        scheduler.schedule(BinanceTradeFeed.this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        LOG.debug("feed closing, no reconnect");
      }
    }
  }
}
