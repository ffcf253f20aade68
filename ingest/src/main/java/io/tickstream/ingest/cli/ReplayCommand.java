package io.tickstream.ingest.cli;

import io.micrometer.core.instrument.Metrics;
import io.tickstream.ingest.replay.FileReplay;
import io.tickstream.ingest.replay.KafkaReplaySink;
import io.tickstream.ingest.replay.ProgressBar;
import io.tickstream.ingest.replay.ReplayFormat;
import io.tickstream.ingest.replay.ReplayPacer;
import io.tickstream.ingest.replay.TickFileReader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickstream replay FILE [--speed N] [--instruments FILE]}: replays a CSV tick file (plain
 * or gzip) into {@code md.trades.raw} / {@code md.quotes.raw}, keeping the relative timing at the
 * chosen speed; malformed rows go to {@code md.dlq} as MALFORMED_ROW with file and line.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay a CSV tick file (plain or gzip) into md.trades.raw / md.quotes.raw.",
      "Layouts (by header): trades ts_event,instrument_id,price,size,aggressor_side,trade_id;"
          + " quotes ts_event,instrument_id,bid_price,ask_price,bid_size,ask_size;"
          + " bitstamp timestamp,price,amount. ts_event: epoch nanoseconds or ISO-8601."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka;

  @Parameters(paramLabel = "FILE", description = "The tick file (.csv or .csv.gz).")
  Path file;

  @Option(
      names = "--speed",
      defaultValue = "max",
      converter = SpeedConverter.class,
      description =
          "Replay speed: 1 = real time, 10 (or 10x) = ten times faster, max = as fast as possible (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = "--instruments",
      paramLabel = "FILE",
      description = "Load these instruments (CSV or JSON) into md.instruments first.")
  Path instruments;

  @Option(
      names = "--format",
      defaultValue = "auto",
      description = "auto, trades, quotes or bitstamp (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--instrument",
      defaultValue = "BTCUSD.BITSTAMP",
      description = "Instrument id of a bitstamp file (default: ${DEFAULT-VALUE}).")
  String instrument;

  @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReplayFormat forced;
    try {
      forced =
          format.equalsIgnoreCase("auto")
              ? null
              : ReplayFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("--format '" + format + "' is not auto, trades, quotes or bitstamp");
      return 2;
    }
    if (!Files.isReadable(file)) {
      err.println(file + ": no such readable file");
      return 1;
    }
    if (instruments != null
        && InstrumentsLoadCommand.load(instruments, kafka, false, out, err) != 0) {
      return 1;
    }
    try (InputStream in = Files.newInputStream(file);
        TickFileReader reader =
            new TickFileReader(file.getFileName().toString(), in, forced, instrument);
        KafkaReplaySink sink =
            new KafkaReplaySink(
                kafka.bootstrapServers(), kafka.registryUrl(), Metrics.globalRegistry)) {
      ProgressBar bar =
          noProgress ? null : new ProgressBar(System.err, Files.size(file), System::nanoTime);
      FileReplay.Summary s =
          new FileReplay(sink, ReplayPacer.realTime(speed), bar, EpochClock::nowNanos)
              .replay(reader);
      sink.close();
      out.printf(
          Locale.ROOT,
          "%s (%s): %,d trades, %,d quotes, %,d malformed rows (sent to md.dlq) in %.1f s%n",
          file,
          reader.format(),
          s.trades(),
          s.quotes(),
          s.malformed(),
          s.elapsed().toMillis() / 1000.0);
      if (sink.failed() > 0) {
        err.println(sink.failed() + " records could not be published (see the log)");
        return 1;
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
  }
}
