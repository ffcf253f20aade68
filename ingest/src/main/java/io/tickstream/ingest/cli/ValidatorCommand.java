package io.tickstream.ingest.cli;

import io.micrometer.core.instrument.Metrics;
import io.tickstream.ingest.validate.ValidatorConfig;
import io.tickstream.ingest.validate.ValidatorService;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tickstream validate [--config FILE]}: runs the validator until interrupted (Ctrl-C). */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Run the tick validator: md.trades.raw/md.quotes.raw -> md.trades/md.quotes, rejects -> md.dlq.")
public final class ValidatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file (see validator.sample.properties); addresses given as options win.")
  Path config;

  @Override
  public Integer call() throws Exception {
    Properties p = new Properties();
    if (config != null) {
      try (Reader r = Files.newBufferedReader(config)) {
        p.load(r);
      }
    }
    // An address given on the command line wins; otherwise the file's, otherwise the default.
    var parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--bootstrap-servers") || !p.containsKey("bootstrap.servers")) {
      p.put("bootstrap.servers", kafka.bootstrapServers());
    }
    if (parsed.hasMatchedOption("--registry-url") || !p.containsKey("schema.registry.url")) {
      p.put("schema.registry.url", kafka.registryUrl());
    }
    ValidatorConfig c =
        ValidatorConfig.fromProperties(p, kafka.bootstrapServers(), kafka.registryUrl());
    ShutdownSignal signal = new ShutdownSignal("validator");
    try {
      try (ValidatorService service =
          new ValidatorService(c, Metrics.globalRegistry, Clock.systemUTC())) {
        service.start();
        signal.await();
      }
    } finally {
      signal.cleanedUp();
    }
    return 0;
  }
}
