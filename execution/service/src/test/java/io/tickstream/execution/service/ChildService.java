package io.tickstream.execution.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The execution service's real {@code main} in a child JVM on the test classpath, each incarnation
 * logging to its own file; killed with SIGKILL ({@link Process#destroyForcibly}), never asked to
 * stop, so nothing of the service's shutdown path runs.
 */
final class ChildService implements AutoCloseable {
  private final Path config;
  private final Path logs;
  private final Map<String, String> environment;
  private volatile Process process;
  private int incarnation;

  ChildService(Path config, Path logs, Map<String, String> environment) {
    this.config = config;
    this.logs = logs;
    this.environment = Map.copyOf(environment);
  }

  /** Starts a new incarnation. */
  synchronized void start() {
    incarnation++;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ExecutionServiceMain.class.getName(),
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log(incarnation).toFile());
    pb.environment().putAll(environment);
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the service's JVM", e);
    }
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() {
    Process p = process;
    p.destroyForcibly();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** How many times the service was started. */
  synchronized int incarnations() {
    return incarnation;
  }

  /** The last lines of every incarnation's log, for a failure message. */
  String logTail() {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= incarnation; i++) {
      try {
        List<String> lines = Files.readAllLines(log(i));
        out.append("--- incarnation ").append(i).append(" ---\n");
        lines
            .subList(Math.max(0, lines.size() - 30), lines.size())
            .forEach(l -> out.append(l).append('\n'));
      } catch (IOException e) {
        out.append("(no log ").append(log(i)).append(")\n");
      }
    }
    return out.toString();
  }

  private Path log(int n) {
    return logs.resolve("service-" + n + ".log");
  }

  @Override
  public void close() {
    if (alive()) {
      kill();
    }
  }
}
