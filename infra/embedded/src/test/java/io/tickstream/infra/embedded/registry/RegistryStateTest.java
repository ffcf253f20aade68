package io.tickstream.infra.embedded.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.infra.embedded.registry.SchemasTopicRecord.LevelRemoved;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.LevelSet;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.SchemaVersion;
import io.tickstream.infra.embedded.registry.SchemasTopicRecord.SchemaVersionRemoved;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying topic records (through their key/value JSON) rebuilds the same state. */
class RegistryStateTest {
  private final RegistryState state = new RegistryState();

  private void replay(SchemasTopicRecord... changes) {
    for (SchemasTopicRecord change : changes) {
      state.apply(SchemasTopicRecord.parse(change.key(), change.value()).orElseThrow());
    }
  }

  @Test
  void versionsSoftDeletesTombstonesAndLevelsReplay() {
    SchemaVersion a1 = new SchemaVersion("a", 1, 1, "\"string\"", false);
    SchemaVersion a2 = new SchemaVersion("a", 2, 2, "\"long\"", false);
    SchemaVersion b1 = new SchemaVersion("b", 1, 1, "\"string\"", false);
    replay(a1, a2, b1, a2.softDeleted(), new LevelSet("a", CompatibilityLevel.FULL));
    replay(new LevelSet(null, CompatibilityLevel.NONE));

    assertThat(state.versions("a", false)).containsExactly(a1);
    assertThat(state.versions("a", true)).containsExactly(a1, a2.softDeleted());
    assertThat(state.nextVersion("a")).isEqualTo(3);
    assertThat(state.nextId()).isEqualTo(3);
    assertThat(state.idOf("\"string\"")).contains(1);
    assertThat(state.versionsWithId(1)).containsExactly(a1, b1);
    assertThat(state.level("a")).isEqualTo(CompatibilityLevel.FULL);
    assertThat(state.level("b")).isEqualTo(CompatibilityLevel.NONE);

    replay(new SchemaVersionRemoved("a", 2), new LevelRemoved("a"), new LevelRemoved(null));
    assertThat(state.schema(2)).isEmpty();
    assertThat(state.level("a")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(state.subjects(true)).isEqualTo(List.of("a", "b"));
  }

  @Test
  void keysFollowConfluentsFormatAndForeignKeyTypesAreSkipped() {
    assertThat(new SchemaVersion("s", 3, 7, "\"int\"", false).key())
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":3,\"magic\":1}");
    assertThat(new LevelSet(null, CompatibilityLevel.FULL).key())
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(SchemasTopicRecord.parse("{\"keytype\":\"NOOP\",\"magic\":0}", null)).isEmpty();
  }
}
