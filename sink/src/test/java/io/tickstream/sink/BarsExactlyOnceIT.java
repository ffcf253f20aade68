package io.tickstream.sink;

import static io.tickstream.sink.TestBars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.schemas.avro.Bar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bars from md.bars land exactly once, redelivery changes nothing, the highest revision wins. */
class BarsExactlyOnceIT extends WithSinkStack {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void barsLandOnceAndARedeliveredBatchChangesNothing() throws Exception {
    List<Bar> sent = TestBars.series("EO", 3, 40);
    stack.send(sent);
    try (SinkService sink = stack.startSink("eo-1", 25)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("eo-1"));
    }
    List<String> first = TestBars.rows(stack.db.dataSource(), "EO-");
    assertThat(first).hasSize(120).isEqualTo(TestBars.expectedRows(sent));

    // A second group re-reads every record: the same upserts again, the same table.
    try (SinkService again = stack.startSink("eo-2", 7)) {
      await().atMost(WAIT).until(() -> stack.caughtUp("eo-2"));
    }
    assertThat(TestBars.rows(stack.db.dataSource(), "EO-")).isEqualTo(first);
  }

  @Test
  void theHighestRevisionWinsWithinAndAcrossBatches() throws Exception {
    List<Bar> sent = new ArrayList<>(TestBars.series("RV", 2, 5));
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (SinkService sink = new SinkService(stack.config("rv", 50), meters);
        SinkHttp http = SinkHttp.start(0, sink, meters)) {
      sink.start();
      stack.send(sent);
      await().atMost(WAIT).until(() -> stack.caughtUp("rv"));

      // Within one batch: revision 2 then an older revision 1 of the same bar.
      List<Bar> oneBatch = List.of(bar("RV-0", 0, 2, "222"), bar("RV-0", 0, 1, "111"));
      stack.send(oneBatch);
      await().atMost(WAIT).until(() -> stack.caughtUp("rv"));
      // Across batches: revision 3 stored, then revision 1 arrives late, then revision 4.
      stack.send(List.of(bar("RV-1", 1, 3, "333")));
      await().atMost(WAIT).until(() -> stack.caughtUp("rv"));
      stack.send(List.of(bar("RV-1", 1, 1, "101")));
      await().atMost(WAIT).until(() -> stack.caughtUp("rv"));
      assertThat(TestBars.rows(stack.db.dataSource(), "RV-1"))
          .contains(TestBars.row(bar("RV-1", 1, 3, "333")));
      stack.send(List.of(bar("RV-1", 1, 4, "444")));
      await().atMost(WAIT).until(() -> stack.caughtUp("rv"));

      sent.addAll(oneBatch);
      sent.add(bar("RV-1", 1, 3, "333"));
      sent.add(bar("RV-1", 1, 1, "101"));
      sent.add(bar("RV-1", 1, 4, "444"));
      assertThat(TestBars.rows(stack.db.dataSource(), "RV-"))
          .isEqualTo(TestBars.expectedRows(sent))
          .contains(TestBars.row(bar("RV-0", 0, 2, "222")), TestBars.row(bar("RV-1", 1, 4, "444")));

      HttpClient client = HttpClient.newHttpClient();
      var health =
          client.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("RUNNING");
      var metrics =
          client.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + "/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body())
          .contains("tickstream_sink_rows_written_total{table=\"bars\"}")
          .contains("tickstream_sink_batch_size")
          .contains("tickstream_sink_batch_latency_seconds");
    }
  }

  @Test
  void instrumentsAreUpsertedById() throws Exception {
    try (SinkService sink = stack.startSink("in", 50)) {
      stack.sendInstruments(
          List.of(
              TestInstruments.instrument("IN-1", "0.01", true),
              TestInstruments.instrument("IN-1", "0.05", false),
              TestInstruments.instrument("IN-2", "1", true)));
      await().atMost(WAIT).until(() -> stack.caughtUp("in"));
    }
    assertThat(TestInstruments.rows(stack.db.dataSource()))
        .containsExactly(
            "IN-1|IN-1|SIM|EQUITY|USD|0.05000000|1.00000000|09:30-16:00 UTC|f",
            "IN-2|IN-2|SIM|EQUITY|USD|1.00000000|1.00000000|09:30-16:00 UTC|t");
  }
}
