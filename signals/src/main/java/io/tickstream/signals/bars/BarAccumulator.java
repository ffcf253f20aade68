package io.tickstream.signals.bars;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Mutable OHLCV state of one bar, fed trade by trade in any arrival order. Open and close follow
 * event time, not arrival: the open is the price of the trade with the smallest {@code tsEvent}
 * (the first one seen among equals), the close that of the largest (the last one seen among
 * equals). Everything is exact; only VWAP is rounded, half-even to {@link #VWAP_SCALE} places.
 */
public final class BarAccumulator {
  /** Decimal places of the VWAP, matching the wire format's scale. */
  public static final int VWAP_SCALE = 8;

  private BigDecimal open;
  private long openTs = Long.MAX_VALUE;
  private BigDecimal close;
  private long closeTs = Long.MIN_VALUE;
  private BigDecimal high;
  private BigDecimal low;
  private BigDecimal volume = BigDecimal.ZERO;
  private BigDecimal notional = BigDecimal.ZERO;
  private long count;

  /** Adds one trade. */
  public BarAccumulator add(long tsEvent, BigDecimal price, BigDecimal size) {
    // count == 0: a first trade at Long.MAX_VALUE must still set the open.
    if (count == 0 || tsEvent < openTs) {
      openTs = tsEvent;
      open = price;
    }
    if (tsEvent >= closeTs) {
      closeTs = tsEvent;
      close = price;
    }
    high = high == null || price.compareTo(high) > 0 ? price : high;
    low = low == null || price.compareTo(low) < 0 ? price : low;
    volume = volume.add(size);
    notional = notional.add(price.multiply(size));
    count++;
    return this;
  }

  /**
   * Folds another accumulator into this one, as if its trades had arrived after ours. Used by
   * window merges.
   */
  public BarAccumulator merge(BarAccumulator other) {
    if (other.count == 0) {
      return this;
    }
    if (count == 0 || other.openTs < openTs) {
      openTs = other.openTs;
      open = other.open;
    }
    if (other.closeTs >= closeTs) {
      closeTs = other.closeTs;
      close = other.close;
    }
    high = high == null || other.high.compareTo(high) > 0 ? other.high : high;
    low = low == null || other.low.compareTo(low) < 0 ? other.low : low;
    volume = volume.add(other.volume);
    notional = notional.add(other.notional);
    count += other.count;
    return this;
  }

  /** Whether no trade was added yet. */
  public boolean isEmpty() {
    return count == 0;
  }

  /** Number of trades added. */
  public long count() {
    return count;
  }

  /** Event time of the earliest trade, or {@link Long#MAX_VALUE} when empty. */
  public long firstEventTime() {
    return openTs;
  }

  /** Event time of the latest trade, or {@link Long#MIN_VALUE} when empty. */
  public long lastEventTime() {
    return closeTs;
  }

  /**
   * The bar so far.
   *
   * @throws IllegalStateException when no trade was added
   */
  public Bar toBar(String instrumentId, String spec, long start, long end, int revision) {
    if (count == 0) {
      throw new IllegalStateException(
          "no trades in bar " + instrumentId + " " + spec + "@" + start);
    }
    BigDecimal vwap =
        volume.signum() == 0
            ? close.setScale(VWAP_SCALE, RoundingMode.HALF_EVEN)
            : notional.divide(volume, VWAP_SCALE, RoundingMode.HALF_EVEN);
    return new Bar(
        instrumentId, spec, start, end, open, high, low, close, volume, count, vwap, revision);
  }

  /**
   * The revision primitive: folds a late trade into the accumulator of an already emitted bar and
   * returns that bar again with {@code revision + 1} and OHLCV/VWAP recomputed exactly. This
   * accumulator must hold the trades {@code emitted} was built from (keep it as state while the bar
   * may still be revised).
   *
   * @throws IllegalArgumentException when {@code tsEvent} is outside [start, end) of the bar
   */
  public Bar revise(Bar emitted, long tsEvent, BigDecimal price, BigDecimal size) {
    if (tsEvent < emitted.start() || tsEvent >= emitted.end()) {
      throw new IllegalArgumentException(
          "late trade at "
              + tsEvent
              + " is outside bar ["
              + emitted.start()
              + ", "
              + emitted.end()
              + ") of "
              + emitted.instrumentId());
    }
    add(tsEvent, price, size);
    return toBar(
        emitted.instrumentId(),
        emitted.spec(),
        emitted.start(),
        emitted.end(),
        emitted.revision() + 1);
  }

  /** A copy with the same state, for snapshots. */
  public BarAccumulator copy() {
    return new BarAccumulator().merge(this);
  }
}
