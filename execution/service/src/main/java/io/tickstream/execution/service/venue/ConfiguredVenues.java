package io.tickstream.execution.service.venue;

import io.tickstream.execution.fill.PaperBroker;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.alpaca.AlpacaClient;
import io.tickstream.execution.service.venue.alpaca.AlpacaVenue;
import java.nio.file.Path;

/** The {@link VenueFactory} a {@link VenueSettings} asks for. */
public final class ConfiguredVenues {
  /** File of the REST venue's submission ledger, in the state directory. */
  public static final String LEDGER_FILE = "alpaca-submissions.log";

  // Far more orders than one commit interval can hold in flight (see FileSubmissionLedger).
  private static final int LEDGER_CAPACITY = 10_000;

  private ConfiguredVenues() {}

  /**
   * Paper: a fresh paper broker per engine, state restored with the engine, no ledger (a re-sent
   * paper order after a crash replaces one whose effects were rolled back). Alpaca: one HTTP
   * client, circuit breaker and submission ledger (a file in {@code stateDir}) shared by every
   * account's venue.
   */
  public static VenueFactory of(VenueSettings settings, Path stateDir, VenueStats stats) {
    if (settings instanceof VenueSettings.Alpaca alpaca) {
      AlpacaClient client = new AlpacaClient(alpaca);
      SubmissionLedger ledger =
          new FileSubmissionLedger(stateDir.resolve(LEDGER_FILE), LEDGER_CAPACITY);
      return (account, instruments) -> new AlpacaVenue(client, alpaca, stats, ledger);
    }
    VenueSettings.Paper paper = (VenueSettings.Paper) settings;
    return (account, instruments) ->
        new PaperVenue(
            new PaperBroker(paper.fillModel(), instruments), SubmissionLedger.none(), stats);
  }
}
