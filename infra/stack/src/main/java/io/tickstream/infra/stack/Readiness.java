package io.tickstream.infra.stack;

import java.util.function.Consumer;

/** Prints one line per part as it becomes ready, with the time it took since the stack started. */
final class Readiness {
  private final Consumer<String> out;
  private final long startNanos = System.nanoTime();

  Readiness(Consumer<String> out) {
    this.out = out;
  }

  void ready(String part, String where) {
    out.accept(String.format("  [ready %5.1f s] %-16s %s", elapsedSeconds(), part, where));
  }

  void say(String line) {
    out.accept(line);
  }

  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
