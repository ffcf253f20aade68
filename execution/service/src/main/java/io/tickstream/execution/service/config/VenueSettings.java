package io.tickstream.execution.service.config;

import io.tickstream.execution.fill.FillModel;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Where orders go: the in-process paper broker or an Alpaca-compatible REST broker. */
public sealed interface VenueSettings permits VenueSettings.Paper, VenueSettings.Alpaca {

  /**
   * The in-process paper broker (default): deterministic fills against the service's market data.
   *
   * @param fillModel spread, slippage, participation and session of simulated fills
   */
  record Paper(FillModel fillModel) implements VenueSettings {
    public Paper {
      Objects.requireNonNull(fillModel, "fillModel");
    }
  }

  /**
   * An Alpaca-compatible trading REST API ({@code POST /v2/orders}, {@code GET
   * /v2/orders:by_client_order_id}, {@code GET /v2/orders/{id}}).
   *
   * @param baseUrl e.g. {@code https://paper-api.alpaca.markets}
   * @param keyId API key id (header {@code APCA-API-KEY-ID}); read from the environment
   * @param secretKey API secret (header {@code APCA-API-SECRET-KEY}); read from the environment
   * @param requestTimeout per HTTP request; a POST that exceeds it is ambiguous and reconciled
   * @param reconcileDeadline how long an ambiguous order is reconciled before the service fails
   *     (and, restarted, reconciles again): it is never assumed placed or not placed
   * @param failureRateThreshold percentage of failed calls that opens the circuit breaker
   * @param openStateWait how long the open breaker refuses calls before probing again
   * @param fillPollInterval how often working orders are polled ({@code GET /v2/orders/{id}})
   */
  record Alpaca(
      URI baseUrl,
      String keyId,
      String secretKey,
      Duration requestTimeout,
      Duration reconcileDeadline,
      float failureRateThreshold,
      Duration openStateWait,
      Duration fillPollInterval)
      implements VenueSettings {
    public Alpaca {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(secretKey, "secretKey");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      Objects.requireNonNull(reconcileDeadline, "reconcileDeadline");
      Objects.requireNonNull(openStateWait, "openStateWait");
      Objects.requireNonNull(fillPollInterval, "fillPollInterval");
      if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
        throw new IllegalArgumentException(
            "failureRateThreshold must be in (0, 100], got " + failureRateThreshold);
      }
    }

    @Override
    public String toString() {
      // Never log the secret.
      return "Alpaca[baseUrl=" + baseUrl + ", keyId=" + keyId + ", timeout=" + requestTimeout + "]";
    }
  }
}
