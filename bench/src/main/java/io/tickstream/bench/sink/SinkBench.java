package io.tickstream.bench.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.serde.AvroWireSerializer;
import io.tickstream.sink.Dialect;
import io.tickstream.sink.SinkConfig;
import io.tickstream.sink.SinkSchema;
import io.tickstream.sink.SinkService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sink throughput: trades and bars on an embedded Kafka (real schema registry) stored by {@link
 * SinkService} into embedded PostgreSQL, against a plain {@code COPY} of the same rows, in batches
 * of the same size, into a table of the same shape (keys and indexes included) in the same run. The
 * rows go in rounds that alternate the two (sink then COPY, then COPY then sink, ...), each round's
 * rows put on Kafka before the sink starts, so a change of machine load during the run weighs on
 * both sides alike.
 *
 * <p>The plain {@code COPY} of the last line sends prepared CSV, the form most loaders use; the
 * sink sends trades and bars in PostgreSQL's binary format, which spares the server parsing text.
 * So that the ratio does not hide what the format is worth, every round also times a plain binary
 * {@code COPY} of the same rows (encoded by PostgreSQL itself, into a third table of the same
 * shape) and reports the sink against it too ({@code ratio_vs_binary_copy}). Writes {@code
 * bench/results/sink-<timestamp>.json} under {@code tickstream.home} and ends with {@code sink:
 * trades_vs_copy=<x> bars_vs_copy=<y> trades_rows_per_s=<z>}. Sizes: system properties {@code
 * sink.bench.trades} (default 1000000), {@code sink.bench.bars} (1000000) and {@code
 * sink.bench.rounds} (4), counted; a warm-up round of one more round's rows goes first and is not
 * counted. Every timed phase starts after a {@code CHECKPOINT}.
 */
public final class SinkBench {
  private static final int BATCH = 5000;

  private SinkBench() {}

  /** Runs the benchmark; see the class comment. */
  public static void main(String[] args) throws Exception {
    int tradeCount = Integer.getInteger("sink.bench.trades", 1_000_000);
    int barCount = Integer.getInteger("sink.bench.bars", 1_000_000);
    int rounds = Integer.getInteger("sink.bench.rounds", 4);
    Path home = Path.of(System.getProperty("tickstream.home", "."));
    Path work = Files.createTempDirectory("sink-bench");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(0, work.resolve("kafka"));
        SchemaRegistryServer registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
        EmbeddedPostgres pg = EmbeddedPostgres.start(0, work.resolve("pg"))) {
      // One partition: keys spread unevenly over several, which leaves a part-filled batch per
      // partition and round, while the COPY baseline always writes full batches.
      kafka.createTopics(1, Topics.TRADES.name(), Topics.BARS.name());
      DataSource db = pg.dataSource();
      Dialect dialect = SinkSchema.migrate(db);
      SinkConfig config = config(kafka, registry, pg);

      Rounds tradeRounds =
          rounds(
              db,
              "trades",
              tradeCount,
              BenchRows::trades,
              part ->
                  fill(kafka, registry, Topics.TRADES, part, t -> t.getInstrumentId().toString()),
              BenchRows::tradesCsv,
              config,
              rounds);
      Rounds barRounds =
          rounds(
              db,
              "bars",
              barCount,
              BenchRows::bars,
              part -> fill(kafka, registry, Topics.BARS, part, b -> b.getInstrumentId().toString()),
              BenchRows::barsCsv,
              config,
              rounds);
      double sinkTrades = tradeRounds.sinkRowsPerSecond();
      double copyTrades = tradeRounds.copyRowsPerSecond();
      double sinkBars = barRounds.sinkRowsPerSecond();
      double copyBars = barRounds.copyRowsPerSecond();
      double binaryTrades = tradeRounds.binaryRowsPerSecond();
      double binaryBars = barRounds.binaryRowsPerSecond();

      double x = sinkTrades / copyTrades;
      double y = sinkBars / copyBars;
      String stamp =
          DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
              .withZone(ZoneOffset.UTC)
              .format(Instant.now());
      Path out = home.resolve("bench/results/sink-" + stamp + ".json");
      Files.createDirectories(out.getParent());
      Files.writeString(
          out,
          String.format(
              java.util.Locale.ROOT,
              "{%n  \"benchmark\": \"sink\",%n  \"timestamp\": \"%s\",%n  \"database_mode\":"
                  + " \"%s\",%n  \"database\": \"embedded PostgreSQL 17 (zonky), fsync on\",%n"
                  + "  \"batch_rows\": %d,%n  \"rounds\": %d,%n  \"sink_copy_format\": \"binary\",%n"
                  + "  \"baseline\": \"COPY of prepared CSV; binary_copy: of PostgreSQL's own binary"
                  + " COPY output\",%n  \"trades\": {\"rows\": %d, \"sink_rows_per_s\": %.0f,"
                  + " \"copy_rows_per_s\": %.0f, \"ratio\": %.3f, \"binary_copy_rows_per_s\": %.0f,"
                  + " \"ratio_vs_binary_copy\": %.3f, \"sink_tables\":"
                  + " [\"trades\", \"latest_prices\"]},%n  \"bars\": {\"rows\": %d,"
                  + " \"sink_rows_per_s\": %.0f, \"copy_rows_per_s\": %.0f, \"ratio\": %.3f,"
                  + " \"binary_copy_rows_per_s\": %.0f, \"ratio_vs_binary_copy\": %.3f},%n"
                  + "  \"cores\": %d%n}%n",
              Instant.now(),
              dialect,
              BATCH,
              rounds,
              tradeCount,
              sinkTrades,
              copyTrades,
              x,
              binaryTrades,
              sinkTrades / binaryTrades,
              barCount,
              sinkBars,
              copyBars,
              y,
              binaryBars,
              sinkBars / binaryBars,
              Runtime.getRuntime().availableProcessors()));
      System.out.printf(
          java.util.Locale.ROOT,
          "trades: sink %.0f rows/s, plain COPY %.0f rows/s; bars: sink %.0f rows/s, plain COPY %.0f"
              + " rows/s (%s); report %s%n",
          sinkTrades,
          copyTrades,
          sinkBars,
          copyBars,
          dialect,
          out);
      System.out.printf(
          java.util.Locale.ROOT,
          "against a plain binary COPY (rows encoded by PostgreSQL): trades %.0f rows/s, ratio"
              + " %.3f; bars %.0f rows/s, ratio %.3f%n",
          binaryTrades,
          sinkTrades / binaryTrades,
          binaryBars,
          sinkBars / binaryBars);
      System.out.printf(
          java.util.Locale.ROOT,
          "sink: trades_vs_copy=%.3f bars_vs_copy=%.3f trades_rows_per_s=%.0f%n",
          x,
          y,
          sinkTrades);
    } finally {
      deleteQuietly(work);
    }
  }

  private static SinkConfig config(
      EmbeddedKafka kafka, SchemaRegistryServer registry, EmbeddedPostgres pg) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", kafka.bootstrapServers());
    p.setProperty("schema.registry.url", registry.url());
    p.setProperty("jdbc.url", pg.jdbcUrl());
    p.setProperty("jdbc.user", pg.user());
    p.setProperty("group.id", "sink-bench");
    p.setProperty("max.batch.rows", String.valueOf(BATCH));
    p.setProperty("http.port", "0");
    p.setProperty("store.quotes", "false");
    return SinkConfig.fromProperties(p);
  }

  /** A part of the benchmark's fixed sequence of rows. */
  private interface RowSource<V> {
    List<V> rows(int from, int count);
  }

  /**
   * Stores {@code count} rows in {@code rounds} parts, each through the sink and by plain COPY, the
   * order alternating from round to round, after a warm-up part of one more round's rows for both
   * sides (the sink's code is still interpreted and its consumer group new; the COPY side is server
   * work) that is not counted. Each part's rows are made when its round starts and dropped after
   * it, so the benchmark's own data does not sit in the heap the sink's collector scans.
   */
  private static <V> Rounds rounds(
      DataSource db,
      String table,
      int count,
      RowSource<V> source,
      Consumer<List<V>> fill,
      Function<List<V>, List<String>> csv,
      SinkConfig config,
      int rounds)
      throws Exception {
    Rounds out = new Rounds();
    Rounds warmUp = new Rounds();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    int parts = rounds + 1;
    int perPart = count / rounds;
    int stored = 0;
    try (PlainCopy copy = PlainCopy.create(db, table, "plain_copy");
        PlainCopy binary = PlainCopy.create(db, table, "binary_copy")) {
      for (int r = 0; r < parts; r++) {
        Rounds into = r == 0 ? warmUp : out;
        List<V> part = source.rows(r * perPart, perPart);
        List<String> lines = csv.apply(part);
        byte[][] binaryLines = binary.binaryRows(lines);
        fill.accept(part);
        stored += part.size();
        if (r % 2 == 1) {
          checkpoint(db);
          into.copied(part.size(), copy.copy(lines, BATCH));
          checkpoint(db);
          into.copiedBinary(part.size(), binary.copyBinary(binaryLines, BATCH));
        }
        checkpoint(db);
        throughSink(config, meters, table, stored, into);
        if (r % 2 == 0) {
          checkpoint(db);
          into.copiedBinary(part.size(), binary.copyBinary(binaryLines, BATCH));
          checkpoint(db);
          into.copied(part.size(), copy.copy(lines, BATCH));
        }
      }
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "%s: warm-up round (not counted): sink %.0f rows/s, plain COPY %.0f rows/s%n",
        table,
        warmUp.sinkRowsPerSecond(),
        warmUp.copyRowsPerSecond());
    stages(meters, table, out.sinkSeconds + warmUp.sinkSeconds);
    return out;
  }

  /**
   * Flushes the dirty pages of the previous phase, so that a checkpoint's writes (seconds of disk
   * work on this box) do not fall into whichever phase happens to run when it is due.
   */
  private static void checkpoint(DataSource db) throws java.sql.SQLException {
    try (java.sql.Connection c = db.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("CHECKPOINT");
    }
  }

  /** Rows and seconds of the sink and of the plain COPY, summed over the rounds. */
  private static final class Rounds {
    double sinkRows;
    double sinkSeconds;
    double copyRows;
    double copySeconds;

    double binaryRows;
    double binarySeconds;

    void copied(int rows, double seconds) {
      copyRows += rows;
      copySeconds += seconds;
    }

    void copiedBinary(int rows, double seconds) {
      binaryRows += rows;
      binarySeconds += seconds;
    }

    double binaryRowsPerSecond() {
      return binaryRows / binarySeconds;
    }

    double sinkRowsPerSecond() {
      return sinkRows / sinkSeconds;
    }

    double copyRowsPerSecond() {
      return copyRows / copySeconds;
    }
  }

  /**
   * Starts the sink and waits until {@code table} holds {@code target} rows written by it (counted
   * over the rounds in {@code meters}). Timed from its first stored batch of the round to its last
   * row, so consumer-group start-up is not counted (the first batch is, as a head start subtracted
   * from the count).
   */
  private static void throughSink(
      SinkConfig config, SimpleMeterRegistry meters, String table, int target, Rounds out) {
    double before = written(meters, table);
    try (SinkService sink = new SinkService(config, meters)) {
      sink.start();
      long t0 = 0;
      double first = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (System.nanoTime() < deadline) {
        double n = written(meters, table);
        if (t0 == 0 && n > before) {
          t0 = System.nanoTime();
          first = n;
        }
        if (n >= target) {
          out.sinkSeconds += (System.nanoTime() - t0) / 1e9;
          out.sinkRows += n - first;
          return;
        }
        if (sink.state() == SinkService.State.FAILED) {
          throw new IllegalStateException("sink failed during the benchmark");
        }
        LockSupport.parkNanos(2_000_000L);
      }
      throw new IllegalStateException("sink did not store " + target + " " + table + " in 10 min");
    }
  }

  private static double written(SimpleMeterRegistry meters, String table) {
    Counter c = meters.find("tickstream.sink.rows.written").tag("table", table).counter();
    return c == null ? 0 : c.count();
  }

  /**
   * Where the sink's time went, from its own meters: whole batches (decode, database transaction,
   * dead letters) and each table's write (encode and COPY or merge); the rest of the wall time is
   * polling and committing offsets.
   */
  private static void stages(SimpleMeterRegistry meters, String table, double wallSeconds) {
    StringBuilder line = new StringBuilder();
    line.append(String.format(java.util.Locale.ROOT, "%s: wall %.2f s", table, wallSeconds));
    Timer batch = meters.find("tickstream.sink.batch.latency").timer();
    if (batch != null) {
      line.append(
          String.format(
              java.util.Locale.ROOT,
              ", batches %.2f s (%d)",
              batch.totalTime(TimeUnit.NANOSECONDS) / 1e9,
              batch.count()));
    }
    for (Timer t : meters.find("tickstream.sink.table.write.latency").timers()) {
      line.append(
          String.format(
              java.util.Locale.ROOT,
              ", %s %.2f s",
              t.getId().getTag("table"),
              t.totalTime(TimeUnit.NANOSECONDS) / 1e9));
    }
    System.out.println(line);
  }

  private static <V extends SpecificRecord> void fill(
      EmbeddedKafka kafka,
      SchemaRegistryServer registry,
      Topic<String, V> topic,
      List<V> values,
      Function<V, String> key) {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            20,
            ProducerConfig.BATCH_SIZE_CONFIG,
            262_144);
    try (var producer =
        new KafkaProducer<>(
            props, new StringSerializer(), new AvroWireSerializer<>(topic, registry.url()))) {
      values.forEach(v -> producer.send(new ProducerRecord<>(topic.name(), key.apply(v), v)));
      producer.flush();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory; the OS cleans it eventually
    }
  }
}
