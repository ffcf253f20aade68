package io.tickstream.infra.embedded.registry;

import static io.tickstream.infra.embedded.registry.RecordSchemas.optional;
import static io.tickstream.infra.embedded.registry.RecordSchemas.record;
import static io.tickstream.infra.embedded.registry.RecordSchemas.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {
  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  private static final Schema V1 = parse(record("R"));
  private static final Schema WITH_REQUIRED = parse(record("R", required("b")));
  private static final Schema WITH_OPTIONAL = parse(record("R", optional("b")));

  @Test
  void backwardMeansTheNewSchemaReadsOldData() {
    assertThat(CompatibilityLevel.BACKWARD.violations(WITH_OPTIONAL, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD.violations(WITH_REQUIRED, List.of(V1)))
        .singleElement()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("b");
    assertThat(CompatibilityLevel.BACKWARD.violations(V1, List.of(WITH_REQUIRED))).isEmpty();
  }

  @Test
  void forwardMeansOldSchemasReadNewData() {
    assertThat(CompatibilityLevel.FORWARD.violations(WITH_REQUIRED, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.FORWARD.violations(V1, List.of(WITH_REQUIRED))).isNotEmpty();
  }

  @Test
  void fullNeedsBothAndTransitiveLevelsCheckEveryVersion() {
    assertThat(CompatibilityLevel.FULL.violations(WITH_OPTIONAL, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.FULL.violations(WITH_REQUIRED, List.of(V1))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.violations(V1, List.of(WITH_REQUIRED))).isNotEmpty();

    // a: string, then a dropped; a coming back as long (with a default) reads the latest
    // version but not the first one: only the transitive level looks that far back.
    List<Schema> history = List.of(V1, parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}"));
    Schema aAsLong =
        parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"long\",\"default\":0}]}");
    assertThat(CompatibilityLevel.BACKWARD.violations(aAsLong, history)).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.violations(aAsLong, history)).isNotEmpty();
    assertThat(CompatibilityLevel.NONE.violations(WITH_REQUIRED, List.of(V1))).isEmpty();
  }

  @Test
  void levelsParseInAnyCaseAndUnknownOnesAre42203() {
    assertThat(CompatibilityLevel.parse("full_transitive"))
        .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
        .isInstanceOfSatisfying(
            RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
  }
}
