package io.tickstream.execution.service.venue.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An order as the broker reports it, validated: only a response with an id, the client order id we
 * sent, a known status and readable quantities becomes one. Anything else is not evidence of what
 * happened to the order and is treated as ambiguous (reconciled), never as placed or filled.
 *
 * @param id the broker's order id
 * @param clientOrderId our id, echoed
 * @param status the broker's status, lower case
 * @param filledQty quantity filled so far, {@code >= 0}
 * @param filledAvgPrice average fill price, present when {@code filledQty > 0}
 */
public record AlpacaOrder(
    String id,
    String clientOrderId,
    String status,
    BigDecimal filledQty,
    BigDecimal filledAvgPrice) {

  /** Statuses of an order the broker holds (working or done), from Alpaca's order lifecycle. */
  static final Set<String> ACCEPTED =
      Set.of(
          "new",
          "accepted",
          "pending_new",
          "accepted_for_bidding",
          "partially_filled",
          "filled",
          "done_for_day",
          "pending_cancel",
          "pending_replace",
          "replaced",
          "stopped",
          "suspended",
          "calculated",
          "held",
          "canceled",
          "expired");

  /** The status of an order the broker refused. */
  static final String REJECTED = "rejected";

  public AlpacaOrder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(filledQty, "filledQty");
  }

  /** True when the broker refused it. */
  boolean rejected() {
    return REJECTED.equals(status);
  }

  /** True once nothing more can happen to it at the broker. */
  boolean done() {
    return Set.of("filled", "canceled", "expired", "rejected", "done_for_day", "replaced")
        .contains(status);
  }

  /**
   * The order in {@code body} if it is a valid answer about {@code expectedClientOrderId}; empty
   * (with the reason in {@code why}) otherwise.
   */
  static Optional<AlpacaOrder> parse(
      JsonNode body, String expectedClientOrderId, StringBuilder why) {
    if (body == null || !body.isObject()) {
      why.append("body is not a JSON object");
      return Optional.empty();
    }
    String id = text(body, "id");
    String client = text(body, "client_order_id");
    String status = text(body, "status");
    if (id == null || client == null || status == null) {
      why.append("missing id, client_order_id or status");
      return Optional.empty();
    }
    if (!client.equals(expectedClientOrderId)) {
      why.append("answer is about client order id ").append(client);
      return Optional.empty();
    }
    status = status.toLowerCase(Locale.ROOT);
    if (!ACCEPTED.contains(status) && !REJECTED.equals(status)) {
      why.append("unknown status ").append(status);
      return Optional.empty();
    }
    try {
      String filled = text(body, "filled_qty");
      BigDecimal filledQty = filled == null ? BigDecimal.ZERO : new BigDecimal(filled);
      String avg = text(body, "filled_avg_price");
      BigDecimal avgPx = avg == null ? null : new BigDecimal(avg);
      if (filledQty.signum() < 0
          || (filledQty.signum() > 0 && (avgPx == null || avgPx.signum() <= 0))) {
        why.append("inconsistent filled_qty ").append(filled).append(" / price ").append(avg);
        return Optional.empty();
      }
      return Optional.of(new AlpacaOrder(id, client, status, filledQty, avgPx));
    } catch (NumberFormatException e) {
      why.append("unreadable filled_qty or filled_avg_price");
      return Optional.empty();
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
