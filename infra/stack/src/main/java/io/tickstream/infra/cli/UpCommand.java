package io.tickstream.infra.cli;

import io.tickstream.infra.embedded.PortInUseException;
import io.tickstream.infra.stack.LocalStack;
import io.tickstream.infra.stack.StackConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code tickstream up}: the whole pipeline on this machine, until Ctrl-C. */
@Command(
    name = "up",
    description =
        "Start Kafka, the schema registry, PostgreSQL, the Flink analytics job (with dashboard),"
            + " the sink, the query API and a demo market feed; stop everything on Ctrl-C.")
final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--home", description = "State directory (default: ${DEFAULT-VALUE}).")
  Path home = Path.of(".tickstream");

  @Option(names = "--fresh", description = "Delete all stored state before starting.")
  boolean fresh;

  @Option(names = "--kafka-port", description = "Kafka broker port (default: ${DEFAULT-VALUE}).")
  int kafkaPort = StackConfig.KAFKA_PORT;

  @Option(
      names = "--registry-port",
      description = "Schema registry port (default: ${DEFAULT-VALUE}).")
  int registryPort = StackConfig.REGISTRY_PORT;

  @Option(names = "--pg-port", description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
  int postgresPort = StackConfig.POSTGRES_PORT;

  @Option(names = "--flink-port", description = "Flink dashboard port (default: ${DEFAULT-VALUE}).")
  int flinkPort = StackConfig.FLINK_PORT;

  @Option(names = "--api-port", description = "Query API port (default: ${DEFAULT-VALUE}).")
  int apiPort = StackConfig.API_PORT;

  @Option(
      names = "--resolutions",
      split = ",",
      description = "Bar resolutions (default: ${DEFAULT-VALUE}).")
  List<String> resolutions = List.of("1s", "1m");

  @Option(names = "--rate", description = "Demo feed ticks per second (default: ${DEFAULT-VALUE}).")
  double rate = 200;

  @Option(names = "--seed", description = "Demo feed random seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--no-demo-feed", description = "Do not start the simulated market feed.")
  boolean noDemoFeed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (fresh) {
      deleteTree(home);
      out.println("--fresh: deleted " + home.toAbsolutePath());
    }
    var config =
        new StackConfig(
            home.toAbsolutePath(),
            kafkaPort,
            registryPort,
            postgresPort,
            flinkPort,
            apiPort,
            resolutions,
            !noDemoFeed,
            rate,
            seed);
    LocalStack stack;
    try {
      stack = LocalStack.start(config, line -> out.println(line));
    } catch (PortInUseException e) {
      err.println("cannot start: " + e.getMessage());
      return 2;
    }
    // Ctrl-C and SIGTERM are handled here rather than in a JVM shutdown hook: the embedded
    // PostgreSQL registers its own hook, which would stop the database while the sink is still
    // writing. The parts stop in order before the JVM starts shutting down.
    CountDownLatch stopRequested = new CountDownLatch(1);
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), signal -> stopRequested.countDown());
    }
    out.flush();
    stopRequested.await();
    out.println("stopping tickstream ...");
    out.flush();
    stack.close();
    out.println("stopped; state kept in " + home.toAbsolutePath());
    out.flush();
    LogManager.shutdown();
    return 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
