package io.tickstream.execution.service.venue;

import io.tickstream.execution.fill.PaperBroker;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.alpaca.AlpacaClient;
import io.tickstream.execution.service.venue.alpaca.AlpacaVenue;

/** The {@link VenueFactory} a {@link VenueSettings} asks for. */
public final class ConfiguredVenues {
  private ConfiguredVenues() {}

  /**
   * Paper: a fresh paper broker per engine, state restored with the engine, no ledger (a re-sent
   * paper order after a crash replaces one whose effects were rolled back). Alpaca: one HTTP client
   * and circuit breaker shared by every account's venue.
   */
  public static VenueFactory of(VenueSettings settings, VenueStats stats) {
    if (settings instanceof VenueSettings.Alpaca alpaca) {
      AlpacaClient client = new AlpacaClient(alpaca);
      return (account, instruments) -> new AlpacaVenue(client, alpaca, stats);
    }
    VenueSettings.Paper paper = (VenueSettings.Paper) settings;
    return (account, instruments) ->
        new PaperVenue(
            new PaperBroker(paper.fillModel(), instruments), SubmissionLedger.none(), stats);
  }
}
