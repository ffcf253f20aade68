package io.tickstream.execution;

import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One observation of the market that the fill model may trade against.
 *
 * <p>Built from a quote, a trade or a closed bar. The fill model only uses an update whose {@code
 * tsEvent} is strictly after an order's submission time, so none of these carry information from
 * before the order into its fill.
 *
 * @param instrumentId SYMBOL.VENUE
 * @param tsEvent when the market was in this state, epoch nanoseconds (source time)
 * @param bid best bid; buyers' market orders never fill here, sellers' do
 * @param ask best ask, {@code >= bid}
 * @param last last trade price (for a quote-only update, the mid); stops trigger on it
 * @param volume quantity that traded or was displayed on this update, {@code >= 0}; the
 *     participation limit of the fill model is a fraction of it
 */
public record MarketUpdate(
    String instrumentId,
    long tsEvent,
    BigDecimal bid,
    BigDecimal ask,
    BigDecimal last,
    BigDecimal volume) {

  public MarketUpdate {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(bid, "bid");
    Objects.requireNonNull(ask, "ask");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(volume, "volume");
    if (bid.signum() <= 0 || ask.signum() <= 0 || last.signum() <= 0) {
      throw new IllegalArgumentException(
          "prices must be > 0: bid=" + bid + " ask=" + ask + " last=" + last);
    }
    if (ask.compareTo(bid) < 0) {
      throw new IllegalArgumentException("crossed update: ask " + ask + " < bid " + bid);
    }
    if (volume.signum() < 0) {
      throw new IllegalArgumentException("volume must be >= 0, got " + volume);
    }
  }

  /**
   * A top-of-book quote. Its volume is the smaller of the two displayed sizes, so that a fill
   * against either side never takes more than is shown there.
   */
  public static MarketUpdate ofQuote(
      String instrumentId,
      long tsEvent,
      BigDecimal bid,
      BigDecimal bidSize,
      BigDecimal ask,
      BigDecimal askSize) {
    BigDecimal mid = Precision.divide(bid.add(ask), BigDecimal.valueOf(2));
    return new MarketUpdate(instrumentId, tsEvent, bid, ask, mid, bidSize.min(askSize));
  }

  /** A trade: without a quote, both sides are the trade price. */
  public static MarketUpdate ofTrade(
      String instrumentId, long tsEvent, BigDecimal price, BigDecimal size) {
    return new MarketUpdate(instrumentId, tsEvent, price, price, price, size);
  }

  /**
   * A closed bar, seen at its end: both sides are the close and the volume is the bar's. This is
   * the conservative reading of a bar: no fill assumes a price inside the bar (its high or low)
   * that the order could not have known it would get.
   */
  public static MarketUpdate ofBar(Bar bar) {
    return new MarketUpdate(
        bar.instrumentId(), bar.end(), bar.close(), bar.close(), bar.close(), bar.volume());
  }
}
