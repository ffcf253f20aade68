package io.tickstream.api;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstream.api.auth.JwksSource;
import io.tickstream.api.backtest.BacktestDatabase;
import io.tickstream.api.backtest.BacktestWorkers;
import io.tickstream.api.stream.BarMessages;
import io.tickstream.api.stream.KafkaTopicFeed;
import io.tickstream.api.stream.OrderEventMessages;
import io.tickstream.api.stream.SignalMessages;
import io.tickstream.api.stream.StreamChannel;
import io.tickstream.api.stream.StreamHub;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a running API holds and must release: the database pool, and when Kafka is configured the
 * stream hub, its feeds and the Kafka health probe; the JWKS refresh timer.
 */
final class ApiResources {
  private final Vertx vertx;
  private final ApiQueries queries;
  private final StreamHub hub;
  private final KafkaProbe kafka;
  private final Map<String, StreamChannel<?>> channels;
  private final List<KafkaTopicFeed<?>> feeds;
  private final LatestPriceCache latestPrices;
  private final HikariDataSource backtestDb;
  private final BacktestWorkers backtests;
  private JwksSource jwks;

  private ApiResources(
      Vertx vertx,
      ApiQueries queries,
      StreamHub hub,
      KafkaProbe kafka,
      Map<String, StreamChannel<?>> channels,
      List<KafkaTopicFeed<?>> feeds,
      LatestPriceCache latestPrices,
      ApiConfig cfg) {
    this.vertx = vertx;
    this.latestPrices = latestPrices;
    BacktestsConfig b = cfg.backtests();
    // Workers hold one connection each while running; routes and admission need a few more.
    this.backtestDb =
        BacktestDatabase.pool(
            cfg.pgHost(),
            cfg.pgPort(),
            cfg.pgDatabase(),
            cfg.pgUser(),
            cfg.pgPassword(),
            b.workers() + 4);
    this.backtests =
        new BacktestWorkers(
            backtestDb, Clock.systemUTC(), b.workers(), b.queueSize(), b.maxActivePerUser());
    this.queries = queries;
    this.hub = hub;
    this.kafka = kafka;
    this.channels = channels;
    this.feeds = feeds;
  }

  static ApiResources open(Vertx vertx, ApiConfig cfg, MeterRegistry registry) {
    ApiQueries queries = ApiQueries.connect(vertx, cfg);
    LatestPriceCache latestPrices =
        cfg.pricesRefreshMillis() == 0
            ? null
            : new LatestPriceCache(
                vertx, new TradingQueries(queries.pool()), cfg.pricesRefreshMillis(), registry);
    StreamsConfig s = cfg.streams();
    if (!s.enabled()) {
      return new ApiResources(vertx, queries, null, null, Map.of(), List.of(), latestPrices, cfg);
    }
    StreamHub hub = new StreamHub(registry, s.clientQueueSize());
    Map<String, StreamChannel<?>> channels = new LinkedHashMap<>();
    List<KafkaTopicFeed<?>> feeds = new ArrayList<>();
    for (StreamChannel<?> channel :
        List.of(BarMessages.channel(), SignalMessages.channel(), OrderEventMessages.channel())) {
      channels.put(channel.name(), channel);
      feeds.add(feed(channel, hub, s));
    }
    return new ApiResources(
        vertx,
        queries,
        hub,
        new KafkaProbe(s.kafkaBootstrap()),
        channels,
        feeds,
        latestPrices,
        cfg);
  }

  private static <V extends SpecificRecord> KafkaTopicFeed<V> feed(
      StreamChannel<V> channel, StreamHub hub, StreamsConfig s) {
    return new KafkaTopicFeed<>(channel, hub, s.kafkaBootstrap(), s.registryUrl());
  }

  void onClose(JwksSource source) {
    this.jwks = source;
  }

  /** The backtest workers and their store. */
  BacktestWorkers backtests() {
    return backtests;
  }

  ApiQueries queries() {
    return queries;
  }

  /** The in-memory latest prices, or null when {@code prices.refresh.ms} is 0. */
  LatestPriceCache latestPrices() {
    return latestPrices;
  }

  /** The hub, or null without Kafka. */
  StreamHub hub() {
    return hub;
  }

  /** The probe, or null without Kafka. */
  KafkaProbe kafka() {
    return kafka;
  }

  Map<String, StreamChannel<?>> channels() {
    return channels;
  }

  boolean feedsReady() {
    return feeds.stream().allMatch(KafkaTopicFeed::ready);
  }

  Future<Void> close() {
    if (jwks != null) {
      jwks.close();
    }
    if (latestPrices != null) {
      latestPrices.close();
    }
    Future<Void> workers =
        vertx.executeBlocking(
            () -> {
              backtests.close();
              backtestDb.close();
              return null;
            });
    Future<Void> streams =
        feeds.isEmpty() && kafka == null
            ? Future.succeededFuture()
            : vertx.executeBlocking(
                () -> {
                  feeds.forEach(KafkaTopicFeed::close);
                  if (kafka != null) {
                    kafka.close();
                  }
                  return null;
                });
    return workers.eventually(() -> streams).eventually(queries::close);
  }
}
