package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.junit.jupiter.api.Test;

class WriteTimeStampsTest {
  private static final KafkaRecordSerializationSchema<String> BUILT =
      KafkaRecordSerializationSchema.<String>builder()
          .setTopic("md.bars")
          .setKeySerializationSchema(new SimpleStringSchema())
          .setValueSerializationSchema(new SimpleStringSchema())
          .build();

  @Test
  void flinksSchemaStampsTheEventTimeWhichThisOneLeavesToTheProducer() {
    long eventTime = 1_767_225_617_345L; // 2026-01-01: old enough for time retention
    assertThat(BUILT.serialize("bar", null, eventTime).timestamp()).isEqualTo(eventTime);

    var record = new WriteTimeStamps<>(BUILT).serialize("bar", null, eventTime);

    assertThat(record.timestamp()).isNull();
    assertThat(record.topic()).isEqualTo("md.bars");
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("bar");
  }

  @Test
  void keepsTheTopicsForLineage() {
    assertThat(new WriteTimeStamps<>(BUILT).getKafkaDatasetFacet())
        .hasValueSatisfying(
            facet -> assertThat(facet.getTopicIdentifier().getTopics()).containsExactly("md.bars"));
  }
}
