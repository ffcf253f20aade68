package io.tickstream.sink;

import static io.tickstream.sink.TestBars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.DeadLetter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Undecodable records and rows PostgreSQL refuses go to md.dlq; the rest of the batch lands. */
class DeadLettersIT extends WithSinkStack {

  @Test
  void poisonRecordsAndRejectedRowsAreDeadLetteredAndTheRestIsWritten() throws Exception {
    List<Bar> good = TestBars.series("DL", 2, 10);
    byte[] notAvro = "{\"instrumentId\":\"DL-x\"}".getBytes(StandardCharsets.UTF_8);
    Bar huge = bar("DL-huge", 3, 0, "100");
    // 1e25 fits Avro's bytes but not numeric(28,8): only PostgreSQL can refuse it.
    byte[] hugeOpen = TestBars.withOpen(stack.encode(huge), huge, new BigDecimal("1e25"));
    byte[] cut = Arrays.copyOf(stack.encode(bar("DL-cut", 0, 0, "1")), 12);

    stack.send(good.subList(0, 10));
    stack.sendRaw("DL-not-avro", notAvro);
    stack.sendRaw("DL-huge", hugeOpen);
    stack.sendRaw("DL-cut", cut);
    stack.send(good.subList(10, 20));

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // One batch holds everything: the rejected row is isolated by bisection.
    try (SinkService sink = new SinkService(stack.config("dl", 500), meters)) {
      sink.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> stack.caughtUp("dl"));
    }

    assertThat(TestBars.rows(stack.db.dataSource(), "DL-")).isEqualTo(TestBars.expectedRows(good));
    Map<String, DeadLetter> byKey =
        stack.deadLetters().stream()
            .collect(
                Collectors.toMap(
                    d -> StandardCharsets.UTF_8.decode(d.getOriginalKey()).toString(),
                    Function.identity()));
    assertThat(byKey).containsOnlyKeys("DL-not-avro", "DL-huge", "DL-cut");
    assertThat(byKey.get("DL-not-avro").getReasonCode()).isEqualTo("BAD_MAGIC_BYTE");
    assertThat(byKey.get("DL-cut").getReasonCode()).isEqualTo("TRUNCATED");
    DeadLetter rejected = byKey.get("DL-huge");
    assertThat(rejected.getReasonCode()).isEqualTo("DB_REJECTED");
    assertThat(rejected.getMessage()).contains("22003").contains("bars");
    assertThat(bytes(rejected)).isEqualTo(hugeOpen);
    assertThat(bytes(byKey.get("DL-not-avro"))).isEqualTo(notAvro);
    assertThat(bytes(byKey.get("DL-cut"))).isEqualTo(cut);
    for (DeadLetter d : byKey.values()) {
      assertThat(d.getStage()).isEqualTo("sink");
      assertThat(d.getSourceTopic()).isEqualTo(Topics.BARS.name());
      assertThat(d.getSourcePartition()).isBetween(0, 1);
      assertThat(d.getSourceOffset()).isNotNegative();
    }
    assertThat(meters.get("tickstream.sink.dead.letters").counters())
        .extracting(c -> (long) c.count())
        .containsOnly(1L)
        .hasSize(3);
    assertThat(meters.get("tickstream.sink.rows.written").tag("table", "bars").counter().count())
        .isEqualTo(20.0);
  }

  private static byte[] bytes(DeadLetter d) {
    var buffer = d.getOriginalValue().duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
