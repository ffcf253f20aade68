package io.tickstream.ingest.cli;

import io.micrometer.core.instrument.Metrics;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.ingest.refdata.InstrumentFile;
import io.tickstream.ingest.refdata.InstrumentLoader;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Instrument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickstream instruments load FILE}: checks every instrument of a CSV or JSON file and
 * publishes them to the compacted {@code md.instruments}. A file with bad rows is refused whole
 * (every problem listed with its line) unless {@code --skip-bad} loads the good rows.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load instruments from a CSV or JSON file into md.instruments.",
      "CSV: header instrument_id,venue,tick_size,lot_size,currency,trading_hours"
          + " (optional: symbol, asset_class, active). JSON (*.json): an array of objects with"
          + " instrumentId, venue, tickSize, lotSize, currency, tradingHours, …"
    })
public final class InstrumentsLoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka;

  @Parameters(paramLabel = "FILE", description = "CSV or JSON (*.json) file of instruments.")
  Path file;

  @Option(names = "--skip-bad", description = "Load the valid rows even when some rows are bad.")
  boolean skipBad;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int code = load(file, kafka, skipBad, out, err);
    return code;
  }

  /** Loads {@code file}; shared with {@code replay --instruments}. Returns the exit code. */
  static int load(Path file, KafkaOptions kafka, boolean skipBad, PrintWriter out, PrintWriter err)
      throws java.io.IOException {
    if (!java.nio.file.Files.isReadable(file)) {
      err.println(file + ": no such readable file");
      return 1;
    }
    InstrumentFile.Contents c = InstrumentFile.read(file, EpochClock.nowNanos());
    c.errors().forEach(err::println);
    if (!c.errors().isEmpty() && !skipBad) {
      err.println(
          c.errors().size()
              + " bad rows in "
              + file
              + ": nothing loaded (use --skip-bad to load the "
              + c.instruments().size()
              + " valid ones)");
      return 1;
    }
    try (var publisher =
        new TickPublisher<Instrument>(
            Topics.INSTRUMENTS,
            kafka.bootstrapServers(),
            kafka.registryUrl(),
            Map.of(),
            Metrics.globalRegistry)) {
      long n = InstrumentLoader.load(c.instruments(), publisher);
      out.println(
          n
              + " instruments loaded into "
              + Topics.INSTRUMENTS.name()
              + (c.errors().isEmpty() ? "" : ", " + c.errors().size() + " bad rows skipped"));
    }
    return 0;
  }
}
