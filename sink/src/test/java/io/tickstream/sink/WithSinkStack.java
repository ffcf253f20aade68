package io.tickstream.sink;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the sink ITs: one broker, registry, PostgreSQL and sink ({@link SinkStack}) per class.
 */
abstract class WithSinkStack {
  @TempDir static Path dir;
  static SinkStack stack;

  @BeforeAll
  static void up() {
    stack = new SinkStack(dir);
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }
}
