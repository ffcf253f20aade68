package io.tickstream.infra.cli;

import io.tickstream.infra.cli.backtest.BacktestCommand;
import io.tickstream.ingest.cli.BinanceCommand;
import io.tickstream.ingest.cli.InstrumentsCommand;
import io.tickstream.ingest.cli.ReplayCommand;
import io.tickstream.ingest.cli.SimulateCommand;
import io.tickstream.ingest.cli.ValidatorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tickstream} command line: the entry point of the {@code ./tickstream} launcher. */
@Command(
    name = "tickstream",
    mixinStandardHelpOptions = true,
    version = "tickstream 0.1.0-SNAPSHOT",
    description = "Streaming market analytics and trading pipeline.",
    subcommands = {
      UpCommand.class,
      ReplayCommand.class,
      InstrumentsCommand.class,
      SimulateCommand.class,
      ValidatorCommand.class,
      BinanceCommand.class,
      ConsumeCommand.class,
      BacktestCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TickstreamCli {
  private TickstreamCli() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // "up" blocks until Ctrl-C; every command returns its exit code here.
    System.exit(new CommandLine(new TickstreamCli()).execute(args));
  }
}
