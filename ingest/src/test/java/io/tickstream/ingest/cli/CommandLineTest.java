package io.tickstream.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands parse their options and refuse bad input before touching Kafka. */
class CommandLineTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void replayOptionsHaveDefaultsAndSpeedsParse() {
    ReplayCommand c = new ReplayCommand();
    new CommandLine(c).parseArgs("ticks.csv.gz", "--speed", "10x");
    assertThat(c.speed).isEqualTo(10.0);
    assertThat(c.kafka.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(c.kafka.registryUrl()).isEqualTo("http://localhost:8085");
    new CommandLine(c).parseArgs("ticks.csv", "--speed", "max", "-b", "kafka:9092");
    assertThat(c.speed).isZero();
    assertThat(c.kafka.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(run(new ReplayCommand(), "x.csv", "--speed", "fast")).isEqualTo(2);
    assertThat(err.toString()).contains("'fast' is not a positive number");
  }

  @Test
  void replayOfAMissingFileFailsClearly() {
    assertThat(run(new ReplayCommand(), dir.resolve("nope.csv").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("nope.csv: no such readable file");
  }

  @Test
  void instrumentsLoadRefusesAFileWithBadRowsAndListsThem() throws Exception {
    Path f = dir.resolve("i.csv");
    Files.writeString(
        f, "instrument_id,tick_size,lot_size,currency\nAAPL.XNAS,0.01,1,USD\nBAD,0.01,1,USD\n");
    assertThat(run(new InstrumentsCommand(), "load", f.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("i.csv:3: instrumentId 'BAD' is not SYMBOL.VENUE")
        .contains(
            "1 bad rows in " + f + ": nothing loaded (use --skip-bad to load the 1 valid ones)");
  }

  @Test
  void instrumentsNeedsASubcommand() {
    assertThat(run(new InstrumentsCommand())).isEqualTo(2);
    assertThat(err.toString()).contains("instruments load FILE");
  }

  @Test
  void everyCommandHasHelpAndTheNamesTheStackRegisters() {
    for (Object c :
        new Object[] {
          new ReplayCommand(),
          new InstrumentsCommand(),
          new SimulateCommand(),
          new ValidatorCommand(),
          new BinanceCommand()
        }) {
      assertThat(run(c, "--help")).isZero();
    }
    assertThat(out.toString())
        .contains("Usage: replay")
        .contains("Usage: instruments")
        .contains("Usage: simulate")
        .contains("Usage: validate")
        .contains("Usage: binance");
  }
}
