package io.tickstream.sink;

import io.tickstream.schemas.serde.WireFormatException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one polled batch: decodes each record on its own (an undecodable one becomes a dead
 * letter, not a failed batch), stores every table's rows in one database transaction, then sends
 * the dead letters. It never commits Kafka offsets; the caller does, after this returns.
 */
final class BatchWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

  private final DataSource dataSource;
  private final Map<String, Route<?>> routes = new LinkedHashMap<>();
  private final DeadLetterPublisher deadLetters;
  private final SinkMetrics metrics;
  private DurableSessions sessions = new DurableSessions(List.of());
  private volatile Runnable afterDatabaseCommit = () -> {};

  BatchWriter(DataSource dataSource, DeadLetterPublisher deadLetters, SinkMetrics metrics) {
    this.dataSource = dataSource;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /**
   * Routes one topic to the tables of {@code writers} (all of the same topic, written in this
   * order), decoding values with {@code decoder}.
   */
  @SafeVarargs
  final <T extends SpecificRecord> BatchWriter route(
      Deserializer<T> decoder, TableWriter<T>... writers) {
    if (writers.length == 0) {
      throw new IllegalArgumentException("a route needs at least one table");
    }
    List<StagedUpsert<T>> tables = new ArrayList<>();
    for (TableWriter<T> w : writers) {
      if (!w.topic().equals(writers[0].topic())) {
        throw new IllegalArgumentException("writers of one route must read one topic");
      }
      if (w.storesTombstones() != writers[0].storesTombstones()) {
        throw new IllegalArgumentException("writers of one route must agree on tombstones");
      }
      tables.add(new StagedUpsert<>(w, metrics));
    }
    String topic = writers[0].topic().name();
    if (routes.containsKey(topic)) {
      throw new IllegalArgumentException("topic " + topic + " is routed already");
    }
    routes.put(topic, new Route<>(tables, decoder, writers[0].storesTombstones(), routes.size()));
    return this;
  }

  /** The topics this writer stores. */
  List<String> topics() {
    return List.copyOf(routes.keySet());
  }

  /** Test hook: runs between the database commit and the dead letters (to simulate a crash). */
  void afterDatabaseCommit(Runnable hook) {
    this.afterDatabaseCommit = hook;
  }

  /**
   * Stores {@code records}. Safe to call again with the same records after a failure: every table
   * write is an idempotent upsert.
   *
   * @throws SQLException when the database is unavailable; nothing of the batch is committed
   * @throws org.apache.kafka.common.KafkaException when the dead letters cannot be sent
   * @throws WireFormatException only with reason {@code REGISTRY_UNAVAILABLE} (worth retrying)
   */
  void write(List<ConsumerRecord<byte[], byte[]>> records) throws SQLException {
    store(prepare(records));
  }

  /**
   * Decodes {@code records} (the CPU-bound half of {@link #write}, which the loop runs while the
   * previous batch is being stored).
   *
   * @throws WireFormatException only with reason {@code REGISTRY_UNAVAILABLE} (worth retrying)
   */
  Prepared prepare(List<ConsumerRecord<byte[], byte[]>> records) {
    Prepared batch = new Prepared(routes.size(), records.size());
    for (int i = 0; i < routes.size(); i++) {
      batch.rows.add(new ArrayList<>());
    }
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Route<?> route = routes.get(record.topic());
      if (route == null) {
        LOG.warn("record from unexpected topic {} skipped", record.topic());
      } else {
        route.decode(record, batch.rows.get(route.index), batch.rejected);
      }
    }
    for (Route<?> route : routes.values()) {
      route.encode(batch.rows.get(route.index), batch.encoded);
    }
    return batch;
  }

  /**
   * Stores a {@link #prepare prepared} batch: the database half of {@link #write}, with the same
   * guarantees. Not thread-safe: one batch at a time.
   */
  void store(Prepared batch) throws SQLException {
    List<Rejection> rejected = new ArrayList<>(batch.rejected);
    Map<String, Integer> written = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      sessions.prepare(c);
      c.setAutoCommit(false);
      try {
        if (!storeFast(c, batch, written)) {
          written.clear();
          for (Route<?> route : routes.values()) {
            route.store(c, batch.rows.get(route.index), rejected, written);
          }
          c.commit();
        }
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      }
    }
    written.forEach(metrics::rowsWritten);
    afterDatabaseCommit.run();
    deadLetters.publish(onePerRecord(rejected));
  }

  /**
   * The optimistic path: every table's rows with as few round trips as possible and no savepoint.
   * False (the transaction rolled back) when a table met a stored row or a refused value.
   */
  private boolean storeFast(Connection c, Prepared batch, Map<String, Integer> written)
      throws SQLException {
    try {
      for (Route<?> route : routes.values()) {
        route.storeFast(c, batch.rows.get(route.index), batch.encoded, written);
      }
      c.commit();
      return true;
    } catch (StagedUpsert.FastPathMiss e) {
      LOG.debug("{}; storing the batch on the safe path", e.getMessage());
      c.rollback();
      return false;
    }
  }

  /** A record refused by two tables (trades and latest_prices) makes one dead letter. */
  private static List<Rejection> onePerRecord(List<Rejection> rejected) {
    Map<String, Rejection> first = new LinkedHashMap<>();
    for (Rejection r : rejected) {
      first.putIfAbsent(
          r.source().topic() + "-" + r.source().partition() + "@" + r.source().offset(), r);
    }
    return List.copyOf(first.values());
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed (connection probably gone): {}", e.toString());
    }
  }

  @Override
  public void close() {
    deadLetters.close();
    routes.values().forEach(r -> r.decoder.close());
  }

  /** One topic's decoder and table writers; {@code index} is its place in a {@link Prepared}. */
  private static final class Route<T extends SpecificRecord> {
    final List<StagedUpsert<T>> tables;
    final Deserializer<T> decoder;
    final boolean tombstones;
    final int index;

    Route(List<StagedUpsert<T>> tables, Deserializer<T> decoder, boolean tombstones, int index) {
      this.tables = tables;
      this.decoder = decoder;
      this.tombstones = tombstones;
      this.index = index;
    }

    @SuppressWarnings("unchecked")
    void decode(
        ConsumerRecord<byte[], byte[]> record, List<Decoded<?>> into, List<Rejection> rejected) {
      List<Decoded<T>> rows = (List<Decoded<T>>) (List<?>) into;
      if (record.value() == null && tombstones) {
        rows.add(new Decoded<>(null, record)); // a deletion on a compacted topic
        return;
      }
      if (record.value() == null) {
        // A tombstone: rows are kept for history (a delisting arrives as active = false).
        LOG.debug(
            "tombstone {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
        return;
      }
      try {
        rows.add(new Decoded<>(decoder.deserialize(record.topic(), record.value()), record));
      } catch (WireFormatException e) {
        if (e.reason() == WireFormatException.Reason.REGISTRY_UNAVAILABLE) {
          throw e;
        }
        rejected.add(new Rejection(e.reason().name(), e.getMessage(), record));
      }
    }

    /** Each table's direct COPY input, where it has one (see {@link StagedUpsert#encode}). */
    @SuppressWarnings("unchecked")
    void encode(List<Decoded<?>> rows, Map<StagedUpsert<?>, StagedUpsert.Encoded> into) {
      List<Decoded<T>> all = (List<Decoded<T>>) (List<?>) rows;
      if (all.isEmpty()) {
        return;
      }
      for (StagedUpsert<T> table : tables) {
        StagedUpsert.Encoded encoded = table.encode(all);
        if (encoded != null) {
          into.put(table, encoded);
        }
      }
    }

    @SuppressWarnings("unchecked")
    void storeFast(
        Connection c,
        List<Decoded<?>> rows,
        Map<StagedUpsert<?>, StagedUpsert.Encoded> encoded,
        Map<String, Integer> written)
        throws SQLException {
      List<Decoded<T>> all = (List<Decoded<T>>) (List<?>) rows;
      for (StagedUpsert<T> table : tables) {
        written.put(table.writer().table(), table.writeFast(c, all, encoded.get(table)));
      }
    }

    /** Writes every table in turn; a row one table refuses is not offered to the next. */
    @SuppressWarnings("unchecked")
    void store(
        Connection c, List<Decoded<?>> rows, List<Rejection> rejected, Map<String, Integer> written)
        throws SQLException {
      List<Decoded<T>> accepted = (List<Decoded<T>>) (List<?>) rows;
      for (StagedUpsert<T> table : tables) {
        TableWriter<T> writer = table.writer();
        List<Rejection> refused = new ArrayList<>();
        written.put(writer.table(), table.write(c, accepted, refused));
        if (refused.isEmpty()) {
          continue;
        }
        Set<ConsumerRecord<byte[], byte[]>> out = new HashSet<>();
        refused.forEach(r -> out.add(r.source()));
        accepted = accepted.stream().filter(d -> !out.contains(d.source())).toList();
        if (writer.deadLettersRefusals()) {
          rejected.addAll(refused);
          continue;
        }
        for (Rejection r : refused) {
          LOG.error(
              "table {} refused {}-{}@{} and it is not sent back to the dead-letter topic: {}",
              writer.table(),
              r.source().topic(),
              r.source().partition(),
              r.source().offset(),
              r.message());
        }
      }
    }
  }

  /** A decoded batch: per route (in route order) its rows, and the records that did not decode. */
  static final class Prepared {
    private final List<List<Decoded<?>>> rows;
    private final List<Rejection> rejected = new ArrayList<>();
    private final Map<StagedUpsert<?>, StagedUpsert.Encoded> encoded = new java.util.HashMap<>();
    private final int records;

    private Prepared(int routes, int records) {
      this.rows = new ArrayList<>(routes);
      this.records = records;
    }

    /** The number of records the batch was prepared from. */
    int size() {
      return records;
    }
  }
}
