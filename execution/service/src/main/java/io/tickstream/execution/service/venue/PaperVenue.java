package io.tickstream.execution.service.venue;

import io.tickstream.execution.engine.ExecutionVenue;
import io.tickstream.execution.engine.ForwardingVenue;
import io.tickstream.execution.engine.OpenOrder;
import io.tickstream.execution.orders.OrderAccepted;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The paper broker as the service uses it: venue order ids derived from the client order id (the
 * broker numbers orders per instance, which a restore would renumber), and a {@link
 * SubmissionLedger} consulted before each order, so an order re-processed after a crash is
 * reconciled (re-created as working, without being sent) rather than sent again.
 */
public final class PaperVenue extends ForwardingVenue {
  /** Prefix of the venue order ids of paper orders. */
  public static final String VENUE_ID_PREFIX = "PAPER-";

  private final SubmissionLedger ledger;
  private final VenueStats stats;

  /**
   * @param broker the simulated broker (a fresh {@code PaperBroker}, possibly decorated)
   * @param ledger memory of ids sent, outliving the broker
   * @param stats counters of submissions and reconciliations
   */
  public PaperVenue(ExecutionVenue broker, SubmissionLedger ledger, VenueStats stats) {
    super(broker);
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  @Override
  public List<OrderEvent> submit(SubmitOrder command, long now) {
    String id = command.clientOrderId();
    if (!ledger.recordIntent(id)) {
      // Sent before a crash whose output was rolled back: the broker has it; re-create it here.
      stats.ambiguous();
      delegate().restoreWorking(new OpenOrder(command, BigDecimal.ZERO, null, 0, false, now));
      stats.reconciled();
      return List.of(new OrderAccepted(id, command.instrumentId(), VENUE_ID_PREFIX + id, now));
    }
    stats.submitted();
    List<OrderEvent> events = delegate().submit(command, now);
    List<OrderEvent> out = new ArrayList<>(events.size());
    for (OrderEvent e : events) {
      out.add(
          e instanceof OrderAccepted a
              ? new OrderAccepted(
                  a.clientOrderId(),
                  a.instrumentId(),
                  VENUE_ID_PREFIX + a.clientOrderId(),
                  a.tsEvent())
              : e);
    }
    return out;
  }
}
