package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Feature vectors and signals land exactly once: the highest revision of a bar's vector wins (also
 * over an older revision redelivered later), warming-up indicators make no row, a signal is stored
 * once per id, a signal the table refuses becomes one dead letter, a second consumer group
 * re-reading everything changes nothing, and a crash between database commit and offset commit is
 * repaired on restart.
 */
class AnalyticsExactlyOnceIT extends WithSinkStack {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long T0 = 1_767_225_600_000_000_000L; // 2026-01-01T00:00Z
  private static final long MINUTE = 60_000_000_000L;

  /** The indicator fields of FeatureVector, as the Avro schema names them. */
  private static final List<String> INDICATORS =
      List.of(
          "sma",
          "ema",
          "rsi",
          "macd",
          "macdSignal",
          "macdHistogram",
          "bollingerUpper",
          "bollingerMiddle",
          "bollingerLower",
          "atr",
          "vwap",
          "donchianUpper",
          "donchianLower",
          "stochasticK",
          "stochasticD",
          "obv",
          "volatility",
          "zScore");

  /** Bar {@code n}: indicator i is warming up (null) while n < i, its value depends on revision. */
  private static FeatureVector vector(String instrument, int n, int revision) {
    long end = T0 + (n + 1) * MINUTE;
    FeatureVector v =
        FeatureVector.newBuilder()
            .setInstrumentId(instrument)
            .setSpec("1m")
            .setBarStart(end - MINUTE)
            .setBarEnd(end)
            .setRevision(revision)
            .setBarsSeen(n + 1)
            .setClose(100.0 + n)
            .setTsEvent(end)
            .setTsInit(end + 1_000_000L * (1 + revision))
            .build();
    for (int i = 0; i < INDICATORS.size(); i++) {
      if (n >= i) {
        v.put(INDICATORS.get(i), (n * 31 + i) / 7.0 + revision * 0.5 - (i % 3 == 0 ? 1e-7 : 0));
      }
    }
    return v;
  }

  private static Signal signal(String instrument, int n, int revision, double strength) {
    long end = T0 + (n + 1) * MINUTE;
    return Signal.newBuilder()
        .setSignalId(instrument + "/ma/1m/" + end + "/" + revision)
        .setInstrumentId(instrument)
        .setStrategyId("ma")
        .setDirection(SignalDirection.values()[n % 3])
        .setStrength(strength)
        .setReason("fast " + n + " vs slow, \"quoted\"")
        .setBarSpec("1m")
        .setBarStart(end - MINUTE)
        .setBarEnd(end)
        .setRevision(revision)
        .setTsEvent(end)
        .setTsInit(end + 5_000L)
        .build();
  }

  @Test
  void vectorsAndSignalsLandOnceHighestRevisionWinsAndRedeliveryChangesNothing() throws Exception {
    List<FeatureVector> vectors = new ArrayList<>();
    for (String instrument : List.of("AN-0.SIM", "AN-1.SIM")) {
      for (int n = 0; n < 25; n++) {
        vectors.add(vector(instrument, n, 0));
      }
    }
    List<FeatureVector> sentVectors = new ArrayList<>(vectors);
    sentVectors.add(vector("AN-0.SIM", 20, 1)); // a late trade revised bar 20
    sentVectors.add(vector("AN-1.SIM", 3, 2));
    sentVectors.addAll(vectors.subList(15, 30)); // redelivered: bar 20 at revision 0 again
    List<Signal> signals = new ArrayList<>();
    for (int n = 0; n < 30; n++) {
      signals.add(signal("AN-0.SIM", n, 0, n / 30.0));
    }
    signals.add(signal("AN-0.SIM", 7, 1, 0.9));
    List<Signal> sentSignals = new ArrayList<>(signals);
    sentSignals.add(12, signal("AN-0.SIM", 99, 0, 1.5)); // strength out of [0, 1]: refused
    sentSignals.addAll(signals.subList(0, 10));
    stack.sendTo(Topics.FEATURES, sentVectors, v -> v.getInstrumentId().toString());
    stack.sendTo(Topics.SIGNALS, sentSignals, s -> s.getInstrumentId().toString());

    try (SinkService sink = new SinkService(stack.config("an-1", 9), new SimpleMeterRegistry())) {
      sink.start();
      await().atMost(WAIT).until(() -> stack.caughtUp("an-1"));
    }
    DataSource db = stack.db.dataSource();
    assertThat(featureRows(db, "AN-")).isEqualTo(expectedFeatures(sentVectors));
    assertThat(signalRows(db, "AN-")).isEqualTo(expectedSignals(signals));
    assertThat(stack.deadLetters())
        .filteredOn(d -> d.getSourceTopic() != null && d.getSourceTopic().equals("signals"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getReasonCode()).isEqualTo("DB_REJECTED");
              assertThat(d.getStage()).isEqualTo("sink");
            });
    List<String> tables = new ArrayList<>(featureRows(db, "AN-"));
    tables.addAll(signalRows(db, "AN-"));

    try (SinkService again = stack.startSink("an-2", 13)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("an-2"));
    }
    List<String> after = new ArrayList<>(featureRows(db, "AN-"));
    after.addAll(signalRows(db, "AN-"));
    assertThat(after).isEqualTo(tables);
  }

  @Test
  void aCrashBetweenDatabaseCommitAndOffsetCommitIsRepairedOnRestart() throws Exception {
    List<FeatureVector> vectors = new ArrayList<>();
    List<Signal> signals = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      vectors.add(vector("AC-0.SIM", n, n % 4 == 0 ? 1 : 0));
      signals.add(signal("AC-0.SIM", n, 0, 0.5));
    }
    stack.sendTo(Topics.FEATURES, vectors, v -> v.getInstrumentId().toString());
    stack.sendTo(Topics.SIGNALS, signals, s -> s.getInstrumentId().toString());
    AtomicInteger commits = new AtomicInteger();
    SinkService first = new SinkService(stack.config("ac", 10), new SimpleMeterRegistry());
    first.afterDatabaseCommit(
        () -> {
          if (commits.incrementAndGet() == 4) {
            throw new SinkCrashIT.SimulatedCrash();
          }
        });
    first.start();
    await().atMost(WAIT).until(() -> first.state() == SinkService.State.FAILED);
    first.close();
    DataSource db = stack.db.dataSource();
    assertThat(featureRows(db, "AC-").size() + signalRows(db, "AC-").size()).isPositive();
    assertThat(stack.caughtUp("ac")).isFalse();

    try (SinkService second = stack.startSink("ac", 10)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("ac"));
    }
    assertThat(featureRows(db, "AC-")).isEqualTo(expectedFeatures(vectors));
    assertThat(signalRows(db, "AC-")).isEqualTo(expectedSignals(signals));
  }

  /** The rows the input calls for: per bar the highest revision, a row per non-null indicator. */
  private static List<String> expectedFeatures(List<FeatureVector> sent) {
    Map<String, FeatureVector> winners = new LinkedHashMap<>();
    for (FeatureVector v : sent) {
      winners.merge(
          v.getInstrumentId() + "|" + v.getSpec() + "|" + v.getBarEnd(),
          v,
          (kept, next) -> next.getRevision() >= kept.getRevision() ? next : kept);
    }
    List<String> rows = new ArrayList<>();
    for (FeatureVector v : winners.values()) {
      for (String field : INDICATORS) {
        Object value = v.get(field);
        if (value != null) {
          String name = field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
          rows.add(
              String.join(
                  "|",
                  v.getInstrumentId(),
                  v.getSpec(),
                  String.valueOf(v.getBarEnd() / 1_000),
                  name,
                  value.toString(),
                  String.valueOf(v.getRevision()),
                  String.valueOf(v.getTsInit() / 1_000)));
        }
      }
    }
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  private static List<String> expectedSignals(List<Signal> sent) {
    Map<String, String> byId = new LinkedHashMap<>();
    for (Signal s : sent) {
      byId.putIfAbsent(
          s.getSignalId().toString(),
          String.join(
              "|",
              s.getSignalId(),
              s.getStrategyId(),
              s.getInstrumentId(),
              String.valueOf(s.getTsEvent() / 1_000),
              s.getDirection().name(),
              String.valueOf(s.getStrength()),
              s.getReason(),
              s.getBarSpec(),
              String.valueOf(s.getRevision()),
              String.valueOf(s.getTsInit() / 1_000)));
    }
    List<String> rows = new ArrayList<>(byId.values());
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  private static List<String> featureRows(DataSource db, String prefix) throws Exception {
    return rows(
        db,
        "SELECT instrument_id, spec, "
            + micros("ts_event")
            + ", name, value, revision, "
            + micros("ts_init")
            + " FROM features WHERE instrument_id LIKE ?",
        prefix,
        5);
  }

  private static List<String> signalRows(DataSource db, String prefix) throws Exception {
    return rows(
        db,
        "SELECT signal_id, strategy_id, instrument_id, "
            + micros("ts_event")
            + ", direction,"
            + " strength, reason, bar_spec, revision, "
            + micros("ts_init")
            + " FROM signals WHERE instrument_id LIKE ?",
        prefix,
        6);
  }

  private static String micros(String column) {
    return "(extract(epoch FROM " + column + ") * 1000000)::bigint";
  }

  /** Rows as |-joined text, column {@code doubleColumn} read as a Java double; sorted. */
  private static List<String> rows(DataSource db, String sql, String prefix, int doubleColumn)
      throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, prefix + "%");
      try (ResultSet rs = st.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> cols = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            cols.add(i == doubleColumn ? String.valueOf(rs.getDouble(i)) : rs.getString(i));
          }
          out.add(String.join("|", cols));
        }
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
