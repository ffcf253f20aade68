package io.tickstream.sink;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.PortfolioSnapshot;
import io.tickstream.schemas.avro.PositionState;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka → PostgreSQL sink: consumes {@link Topics#TRADES} (tables {@code trades} and {@code
 * latest_prices}), {@link Topics#QUOTES} ({@code quotes}), {@link Topics#BARS} ({@code bars}),
 * {@link Topics#INSTRUMENTS} ({@code instruments}), {@link Topics#FEATURES} ({@code features}),
 * {@link Topics#SIGNALS} ({@code signals}), {@link Topics#ORDER_EVENTS} ({@code order_events} and
 * {@code orders}), {@link Topics#POSITIONS} ({@code positions}), {@link Topics#PORTFOLIO_SNAPSHOTS}
 * ({@code equity_snapshots}) and {@link Topics#DEAD_LETTERS} ({@code dead_letters}) and upserts
 * them, exactly once in effect: each batch is written in one database transaction with idempotent
 * upserts, and its offsets are committed only after that transaction commits. While the database is
 * down the batch is retried with capped exponential backoff and nothing new is consumed.
 * Undecodable records and rows the database refuses go to {@link Topics#DEAD_LETTERS}; the rest of
 * their batch is still written.
 *
 * <p>{@link #start()} migrates the schema and runs the loop on its own thread; {@link #run()} runs
 * it on the caller's. {@link #close()} finishes the batch in hand, commits its offsets and stops.
 */
public final class SinkService implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /** What the service is doing, for {@code /health}. */
  public enum State {
    NEW,
    RUNNING,
    /** The last attempt to write a batch failed; retrying with backoff. */
    RETRYING,
    STOPPED,
    FAILED
  }

  private final SinkConfig config;
  private final MeterRegistry registry;
  private final DataSource dataSource;
  private final boolean ownsDataSource;
  private final SinkMetrics metrics;
  private volatile ConsumerLoop loop;
  private volatile Dialect dialect;
  private volatile Thread thread;
  private volatile Runnable afterDatabaseCommit = () -> {};

  /**
   * A service writing to {@code config.jdbcUrl()} through its own HikariCP pool.
   *
   * @param registry where the sink's meters go ({@code tickstream.sink.*})
   */
  public SinkService(SinkConfig config, MeterRegistry registry) {
    this(config, pool(config), true, registry);
  }

  /**
   * A service writing through {@code dataSource} (not closed by the service); {@code
   * config.jdbcUrl()}, user and password are then unused.
   */
  public SinkService(SinkConfig config, DataSource dataSource, MeterRegistry registry) {
    this(config, dataSource, false, registry);
  }

  private SinkService(
      SinkConfig config, DataSource dataSource, boolean owns, MeterRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.ownsDataSource = owns;
    this.metrics = new SinkMetrics(registry);
  }

  /**
   * Applies the sink's Flyway migrations (and the TimescaleDB set-up with default policies when
   * available). Idempotent; callable before anything reads the tables.
   */
  public static void migrate(DataSource dataSource) {
    SinkSchema.migrate(dataSource);
  }

  /** {@link #migrate(DataSource)} with the storage options of {@code config}. */
  public static void migrate(DataSource dataSource, SinkConfig config) {
    SinkSchema.migrate(dataSource, config.storage());
  }

  private static HikariDataSource pool(SinkConfig config) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.jdbcUrl());
    hc.setUsername(config.user());
    if (!config.password().isEmpty()) {
      hc.setPassword(config.password());
    }
    hc.setPoolName("tickstream-sink");
    // One writer thread; Flyway holds two connections while it migrates (lock + work).
    hc.setMaximumPoolSize(3);
    hc.setMinimumIdle(1);
    // Fail a borrow within seconds while the database is down, so the batch retry loop (not the
    // pool) decides how long to wait; allow starting while the database is still coming up.
    hc.setConnectionTimeout(3_000);
    hc.setValidationTimeout(2_000);
    hc.setInitializationFailTimeout(-1);
    return new HikariDataSource(hc);
  }

  /**
   * Migrates the schema, then consumes on a new thread {@code tickstream-sink}.
   *
   * @throws org.flywaydb.core.api.FlywayException when the database cannot be migrated
   * @throws IllegalStateException if already started
   */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("sink already started");
    }
    prepare();
    // The loop logs its own failure and reports it through state(); nothing to add on the thread.
    Thread t =
        new Thread(
            () -> {
              try {
                run();
              } catch (RuntimeException e) {
                LOG.debug("sink thread ended by {}", e.toString());
              }
            },
            "tickstream-sink");
    thread = t;
    t.start();
  }

  private synchronized ConsumerLoop prepare() {
    if (loop == null) {
      dialect = SinkSchema.migrate(dataSource, config.storage());
      LOG.info("sink starting: {} (storage mode {})", config, dialect);
      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(config));
      KafkaProducer<String, DeadLetter> producer =
          new KafkaProducer<>(
              producerProps(config),
              new StringSerializer(),
              new AvroWireSerializer<>(Topics.DEAD_LETTERS, config.registryUrl()));
      BatchWriter writer = routes(config, dataSource, producer, metrics);
      writer.afterDatabaseCommit(afterDatabaseCommit);
      loop =
          new ConsumerLoop(
              consumer,
              writer,
              new RetryBackoff(config.retryBackoffMin(), config.retryBackoffMax()),
              config.pollTimeout(),
              metrics);
    }
    return loop;
  }

  private static BatchWriter routes(
      SinkConfig config,
      DataSource dataSource,
      KafkaProducer<String, DeadLetter> producer,
      SinkMetrics metrics) {
    String registry = config.registryUrl();
    BatchWriter writer =
        new BatchWriter(dataSource, new DeadLetterPublisher(producer, metrics), metrics)
            .route(new AvroWireDeserializer<Bar>(Topics.BARS, registry), new BarWriter())
            .route(
                new AvroWireDeserializer<Instrument>(Topics.INSTRUMENTS, registry),
                new InstrumentWriter());
    AvroWireDeserializer<TradeTick> trades = new AvroWireDeserializer<>(Topics.TRADES, registry);
    if (config.storage().storeTrades()) {
      writer.route(trades, new TradeWriter(), new LatestPriceWriter());
    } else {
      writer.route(trades, new LatestPriceWriter());
    }
    if (config.storage().storeQuotes()) {
      writer.route(new AvroWireDeserializer<QuoteTick>(Topics.QUOTES, registry), new QuoteWriter());
    }
    writer
        .route(
            new AvroWireDeserializer<FeatureVector>(Topics.FEATURES, registry), new FeatureWriter())
        .route(new AvroWireDeserializer<Signal>(Topics.SIGNALS, registry), new SignalWriter())
        .route(
            new AvroWireDeserializer<OrderEvent>(Topics.ORDER_EVENTS, registry),
            new OrderEventWriter(),
            new OrderStateWriter())
        .route(
            new AvroWireDeserializer<PositionState>(Topics.POSITIONS, registry),
            new PositionWriter())
        .route(
            new AvroWireDeserializer<PortfolioSnapshot>(Topics.PORTFOLIO_SNAPSHOTS, registry),
            new EquitySnapshotWriter());
    return writer.route(
        new AvroWireDeserializer<DeadLetter>(Topics.DEAD_LETTERS, registry),
        new DeadLetterWriter());
  }

  /** Runs the consume-write-commit loop on the calling thread until {@link #close()}. */
  @Override
  public void run() {
    prepare().run();
  }

  /** What the service is doing now. */
  public State state() {
    ConsumerLoop l = loop;
    return l == null ? State.NEW : l.state();
  }

  /** The storage mode detected when the service started, or null before {@link #start()}. */
  public Dialect dialect() {
    return dialect;
  }

  /** The meter registry the service reports to. */
  public MeterRegistry meterRegistry() {
    return registry;
  }

  /** Test hook: runs after each database commit, before dead letters and the offset commit. */
  void afterDatabaseCommit(Runnable hook) {
    this.afterDatabaseCommit = hook;
  }

  /**
   * Stops consuming: the batch in hand is finished and its offsets committed (unless the database
   * is down, then it is left for the next start), the consumer leaves its group, and the pool is
   * closed if the service created it. Waits up to 30 s for the loop thread.
   */
  @Override
  public void close() {
    ConsumerLoop l = loop;
    if (l != null) {
      l.stop();
    }
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(STOP_TIMEOUT.toMillis());
        if (t.isAlive()) {
          LOG.warn("sink thread did not stop within {}", STOP_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (ownsDataSource && dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }

  private static Map<String, Object> consumerProps(SinkConfig config) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG,
        config.groupId(),
        ConsumerConfig.CLIENT_ID_CONFIG,
        config.groupId() + "-consumer",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        config.maxBatchRows(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
        ByteArrayDeserializer.class);
  }

  private static Map<String, Object> producerProps(SinkConfig config) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.bootstrapServers(),
        ProducerConfig.CLIENT_ID_CONFIG,
        config.groupId() + "-dlq",
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        10_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        30_000);
  }
}
