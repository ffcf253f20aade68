package io.tickstream.ingest.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickstream instruments …}: reference data commands. */
@Command(
    name = "instruments",
    mixinStandardHelpOptions = true,
    description = "Instrument reference data in md.instruments.",
    subcommands = {InstrumentsLoadCommand.class})
public final class InstrumentsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "name a subcommand, e.g. `instruments load FILE`");
  }
}
