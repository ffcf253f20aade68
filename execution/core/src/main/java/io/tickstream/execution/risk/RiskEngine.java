package io.tickstream.execution.risk;

import static io.tickstream.execution.risk.RuleViolation.deny;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.Precision;
import io.tickstream.execution.orders.DenialReason;
import io.tickstream.execution.orders.OrderDenied;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pre-trade risk for one account: every order passes here before it may reach a venue.
 *
 * <p>Checks, in this order (the first failure decides the reason code): mode HALTED; drawdown past
 * the limit (which halts); duplicate client order id; unknown, then restricted instrument;
 * quantity; prices; reference price present (fails closed); price collar; quantity maximum;
 * notional maximum; position maximum; REDUCING mode; credit limit; order rate. All limits are
 * inclusive (see {@link RiskLimits}).
 *
 * <p>State: the mode, the ids already seen and the times of approved orders. Every id that reaches
 * {@link #check} is remembered, denied or not, so a replayed signal is denied as a duplicate rather
 * than retried; only approved orders count towards the rate limit. The seen ids grow with the
 * number of orders: a long-running caller keys one engine per trading day or account session.
 */
public final class RiskEngine {

  private final Instruments instruments;
  private final RiskLimits limits;
  private final Set<String> seenIds = new HashSet<>();
  private final OrderRateLimiter rateLimiter;
  private TradingMode mode = TradingMode.NORMAL;
  // maxDrawdown * allowedFallPeak, the largest fall from that peak within the limit.
  private BigDecimal allowedFallPeak;
  private BigDecimal allowedFall;

  /** An engine in mode NORMAL that knows {@code instruments} and enforces {@code limits}. */
  public RiskEngine(Instruments instruments, RiskLimits limits) {
    this.instruments = Objects.requireNonNull(instruments, "instruments");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.rateLimiter = new OrderRateLimiter(limits.maxOrdersPerWindow(), limits.rateWindowNanos());
  }

  /** The current mode. */
  public TradingMode mode() {
    return mode;
  }

  /** Sets the mode (operator action): e.g. REDUCING to wind down, NORMAL to lift a halt. */
  public void setMode(TradingMode newMode) {
    this.mode = Objects.requireNonNull(newMode, "newMode");
  }

  /**
   * Halts the engine if {@code account}'s drawdown is past the limit. Call it on every account
   * update so the kill switch does not wait for the next order; {@link #check} applies it too.
   *
   * @return the mode afterwards
   */
  public TradingMode observe(AccountState account) {
    if (breachesDrawdown(account)) {
      mode = TradingMode.HALTED;
    }
    return mode;
  }

  /**
   * {@link #observe(AccountState)} from equity and its peak alone, for callers that watch every
   * mark and should not build a full account state each time.
   */
  public TradingMode observe(BigDecimal equity, BigDecimal peakEquity) {
    if (breachesDrawdown(equity, peakEquity)) {
      mode = TradingMode.HALTED;
    }
    return mode;
  }

  private boolean breachesDrawdown(AccountState account) {
    return breachesDrawdown(account.equity(), account.peakEquity());
  }

  private boolean breachesDrawdown(BigDecimal equity, BigDecimal peakEquity) {
    // (peak - equity) / peak > limit, multiplied out so no division or rounding is involved.
    // Called on every mark of a held position: equity at or above its peak cannot breach (the
    // limit is >= 0), and the allowed fall is kept while the peak is the same object (the
    // portfolio replaces it only when a new high is made). Both shortcuts give the exact answer.
    if (peakEquity.signum() <= 0 || equity.compareTo(peakEquity) >= 0) {
      return false;
    }
    if (peakEquity != allowedFallPeak) {
      allowedFall = limits.maxDrawdown().multiply(peakEquity);
      allowedFallPeak = peakEquity;
    }
    return peakEquity.subtract(equity).compareTo(allowedFall) > 0;
  }

  /** Client order ids checked so far, in no particular order (for snapshots). */
  public Set<String> seenIds() {
    return Set.copyOf(seenIds);
  }

  /**
   * Forgets the client order ids checked so far, for a caller that de-duplicates orders durably
   * before asking (the execution service's dedupe store), so memory stays bounded.
   */
  public void forgetSeenIds() {
    seenIds.clear();
  }

  /** Times of approved orders still inside the rate window, oldest first (for snapshots). */
  public List<Long> recentApprovals() {
    return rateLimiter.times();
  }

  /**
   * Restores the state of a snapshot: mode, ids seen and approval times (the rate window), so a
   * restarted service neither re-approves a replayed order nor forgets its recent order rate.
   */
  public void restore(TradingMode newMode, Collection<String> ids, List<Long> approvals) {
    this.mode = Objects.requireNonNull(newMode, "newMode");
    seenIds.clear();
    seenIds.addAll(ids);
    rateLimiter.restore(approvals);
  }

  /**
   * Checks {@code order} against the limits.
   *
   * @param order the order to check
   * @param account the account now
   * @param referencePrices latest trusted price per instrument (last trade or mid)
   * @param now the time of the check, epoch nanoseconds (rate window, event time)
   * @return approved, or denied with the first failing rule's reason
   */
  public RiskDecision check(
      SubmitOrder order, AccountState account, Map<String, BigDecimal> referencePrices, long now) {
    Optional<RuleViolation> denial = firstViolation(order, account, referencePrices, now);
    if (denial.isPresent()) {
      RuleViolation d = denial.get();
      return new RiskDecision.Denied(
          new OrderDenied(
              order.clientOrderId(),
              order.accountId(),
              order.instrumentId(),
              d.reason(),
              d.message(),
              now,
              order));
    }
    rateLimiter.record(now);
    return new RiskDecision.Approved(order, now);
  }

  private Optional<RuleViolation> firstViolation(
      SubmitOrder order, AccountState account, Map<String, BigDecimal> refs, long now) {
    boolean firstSighting = seenIds.add(order.clientOrderId());
    if (mode == TradingMode.HALTED) {
      return deny(DenialReason.TRADING_HALTED, "trading is halted for " + account.accountId());
    }
    if (breachesDrawdown(account)) {
      mode = TradingMode.HALTED;
      return deny(
          DenialReason.DRAWDOWN_LIMIT_BREACHED,
          "equity "
              + account.equity()
              + " is "
              + account.peakEquity().subtract(account.equity())
              + " below peak "
              + account.peakEquity()
              + ", past the drawdown limit "
              + limits.maxDrawdown()
              + "; trading halted");
    }
    if (!firstSighting) {
      return deny(
          DenialReason.DUPLICATE_ORDER,
          "client order id " + order.clientOrderId() + " seen before");
    }
    Optional<Instrument> found = instruments.find(order.instrumentId());
    if (found.isEmpty()) {
      return deny(DenialReason.UNKNOWN_INSTRUMENT, "unknown instrument " + order.instrumentId());
    }
    if (limits.restrictedInstruments().contains(order.instrumentId())) {
      return deny(
          DenialReason.RESTRICTED_INSTRUMENT, order.instrumentId() + " is restricted for trading");
    }
    Instrument instrument = found.get();
    Optional<RuleViolation> invalid = OrderShapeRules.violation(order, instrument);
    if (invalid.isPresent()) {
      return invalid;
    }
    BigDecimal ref = refs.get(order.instrumentId());
    if (ref == null || ref.signum() <= 0) {
      return deny(
          DenialReason.MISSING_REFERENCE_PRICE,
          "no usable reference price for " + order.instrumentId() + " (got " + ref + ")");
    }
    Optional<RuleViolation> collar = collarViolation(order, ref);
    if (collar.isPresent()) {
      return collar;
    }
    return limitViolation(order, account, ref, now);
  }

  private Optional<RuleViolation> collarViolation(SubmitOrder order, BigDecimal ref) {
    // |price - ref| <= ref * bps / 10000, multiplied out so no rounding is involved.
    BigDecimal allowed = ref.multiply(limits.priceCollarBps());
    for (BigDecimal price : new BigDecimal[] {order.limitPrice(), order.stopPrice()}) {
      if (price != null
          && price.subtract(ref).abs().multiply(Precision.BPS_PER_UNIT).compareTo(allowed) > 0) {
        return deny(
            DenialReason.PRICE_OUTSIDE_COLLAR,
            "price "
                + price
                + " is more than "
                + limits.priceCollarBps()
                + " bps from reference "
                + ref);
      }
    }
    return Optional.empty();
  }

  private Optional<RuleViolation> limitViolation(
      SubmitOrder order, AccountState account, BigDecimal ref, long now) {
    BigDecimal qty = order.quantity();
    if (qty.compareTo(limits.maxOrderQuantity()) > 0) {
      return deny(
          DenialReason.QUANTITY_ABOVE_MAX,
          "quantity " + qty + " above max " + limits.maxOrderQuantity());
    }
    BigDecimal notional = qty.multiply(notionalPrice(order, ref));
    if (notional.compareTo(limits.maxOrderNotional()) > 0) {
      return deny(
          DenialReason.NOTIONAL_ABOVE_MAX,
          "notional " + notional + " above max " + limits.maxOrderNotional());
    }
    BigDecimal before = account.position(order.instrumentId());
    BigDecimal after = before.add(order.side().signed(qty));
    boolean reduces = reducesWithoutFlip(before, after);
    if (after.abs().compareTo(limits.maxPositionQuantity()) > 0 && !reduces) {
      return deny(
          DenialReason.POSITION_ABOVE_MAX,
          "position after order "
              + after
              + " beyond max "
              + limits.maxPositionQuantity()
              + " (now "
              + before
              + ")");
    }
    if (mode == TradingMode.REDUCING && !reduces) {
      return deny(
          DenialReason.REDUCE_ONLY,
          "reducing mode: order takes position " + before + " to " + after);
    }
    BigDecimal exposure = account.grossExposure().add(account.openOrdersNotional()).add(notional);
    if (!reduces && exposure.compareTo(limits.creditLimit()) > 0) {
      return deny(
          DenialReason.CREDIT_LIMIT_EXCEEDED,
          "exposure with order "
              + exposure
              + " (positions "
              + account.grossExposure()
              + ", open orders "
              + account.openOrdersNotional()
              + ", order "
              + notional
              + ") above credit limit "
              + limits.creditLimit());
    }
    if (!rateLimiter.allows(now)) {
      return deny(
          DenialReason.RATE_LIMIT_EXCEEDED,
          limits.maxOrdersPerWindow()
              + " orders already within "
              + limits.rateWindowNanos()
              + " ns");
    }
    return Optional.empty();
  }

  /**
   * The price at which an order's notional is counted: its limit (the worst it accepts), else its
   * stop (where it becomes a market order), else the reference price.
   */
  static BigDecimal notionalPrice(SubmitOrder order, BigDecimal ref) {
    if (order.limitPrice() != null) {
      return order.limitPrice();
    }
    return order.stopPrice() != null ? order.stopPrice() : ref;
  }

  /** True when the position shrinks in size and keeps its sign (or reaches zero). */
  static boolean reducesWithoutFlip(BigDecimal before, BigDecimal after) {
    return before.signum() != 0
        && after.abs().compareTo(before.abs()) < 0
        && after.signum() * before.signum() >= 0;
  }
}
