package io.tickstream.jobs;

import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.BarAccumulator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/**
 * The open-bar accumulator of {@link BarAggregator}: the same results as the {@code signals} core's
 * {@link BarAccumulator} (open and close by event time, exact OHLCV, VWAP half-even to 8 places),
 * computed on long mantissas. Prices and sizes of a bar share one scale each (the wire's 8), so
 * they are kept as unscaled longs, the volume as a long sum and the notional, sum(price × size), as
 * a 128-bit integer ({@link Math#multiplyHigh}); BigDecimal arithmetic per trade was the bar
 * operator's main cost. Why not a library: none offers a fixed-scale 128-bit accumulator; this one
 * is small and tested against hand-computed bars.
 *
 * <p>A trade that does not fit (another scale than the bar's first trade, a negative scale, an
 * unscaled value beyond a long, a volume or notional overflow) switches the bar for good to a
 * {@link BarAccumulator} holding the same state, so results stay exact whatever the input.
 *
 * <p>Keyed state keeps {@link BarAccumulatorSerializer}'s format: {@link #toBarAccumulator} gives
 * the state as the core accumulator holds it (same decimals, same scales) and {@link #of} reads it
 * back.
 */
final class LongBarAccumulator {
  private BarAccumulator slow;

  private int priceScale;
  private int sizeScale;
  private long count;
  private long openTs = Long.MAX_VALUE;
  private long open;
  private long closeTs = Long.MIN_VALUE;
  private long close;
  private long high;
  private long low;
  private long volume;
  private long notionalHi;
  private long notionalLo;

  /**
   * A trade's price and size with their unscaled values as longs, worked out once for all the bars
   * the trade goes into: {@link BigDecimal#unscaledValue} allocates a new BigInteger on every call,
   * which was the job's largest source of garbage with five resolutions. Mutable, so the operator
   * can reuse one.
   */
  static final class Trade {
    BigDecimal price;
    BigDecimal size;
    long unscaledPrice;
    long unscaledSize;
    // Both scales non-negative and both unscaled values within a long.
    boolean fits;

    Trade set(BigDecimal price, BigDecimal size) {
      this.price = price;
      this.size = size;
      fits = false;
      if (price.scale() >= 0 && size.scale() >= 0) {
        BigInteger pu = price.unscaledValue();
        BigInteger su = size.unscaledValue();
        if (pu.bitLength() < Long.SIZE && su.bitLength() < Long.SIZE) {
          unscaledPrice = pu.longValue();
          unscaledSize = su.longValue();
          fits = true;
        }
      }
      return this;
    }
  }

  /** Adds one trade. */
  LongBarAccumulator add(long tsEvent, BigDecimal price, BigDecimal size) {
    return add(tsEvent, new Trade().set(price, size));
  }

  /** Adds one trade, its unscaled values already worked out. */
  LongBarAccumulator add(long tsEvent, Trade trade) {
    if (slow == null && !addFast(tsEvent, trade)) {
      slow = toBarAccumulator();
    }
    if (slow != null) {
      slow.add(tsEvent, trade.price, trade.size);
    }
    return this;
  }

  /** Adds the trade on longs; false (state untouched) when it does not fit. */
  private boolean addFast(long tsEvent, Trade trade) {
    int ps = trade.price.scale();
    int ss = trade.size.scale();
    if (!trade.fits || (count > 0 && (ps != priceScale || ss != sizeScale))) {
      return false;
    }
    long p = trade.unscaledPrice;
    long s = trade.unscaledSize;
    long v = volume + s;
    if (((volume ^ v) & (s ^ v)) < 0) {
      return false;
    }
    long lo = notionalLo + p * s;
    long carry = Long.compareUnsigned(lo, notionalLo) < 0 ? 1 : 0;
    long productHi = Math.multiplyHigh(p, s);
    // Signed 128-bit overflow: the high words' sum (plus the carry) overflows as a signed long.
    long hi1 = notionalHi + productHi;
    long hi = hi1 + carry;
    if (((notionalHi ^ hi1) & (productHi ^ hi1)) < 0 || ((hi1 ^ hi) & (carry ^ hi)) < 0) {
      return false;
    }
    // Same rules as BarAccumulator.add: count == 0 lets a first trade at Long.MAX_VALUE open.
    if (count == 0 || tsEvent < openTs) {
      openTs = tsEvent;
      open = p;
    }
    if (tsEvent >= closeTs) {
      closeTs = tsEvent;
      close = p;
    }
    if (count == 0) {
      priceScale = ps;
      sizeScale = ss;
      high = p;
      low = p;
    } else {
      high = Math.max(high, p);
      low = Math.min(low, p);
    }
    volume = v;
    notionalLo = lo;
    notionalHi = hi;
    count++;
    return true;
  }

  /** Number of trades added. */
  long count() {
    return slow != null ? slow.count() : count;
  }

  /** Event time of the latest trade, or {@link Long#MIN_VALUE} when empty. */
  long lastEventTime() {
    return slow != null ? slow.lastEventTime() : closeTs;
  }

  /** Whether the bar went over to BigDecimal arithmetic. */
  boolean isFallback() {
    return slow != null;
  }

  /**
   * The bar so far, as {@link BarAccumulator#toBar} gives it.
   *
   * @throws IllegalStateException when no trade was added
   */
  Bar toBar(String instrumentId, String spec, long start, long end, int revision) {
    if (slow != null) {
      return slow.toBar(instrumentId, spec, start, end, revision);
    }
    if (count == 0) {
      throw new IllegalStateException(
          "no trades in bar " + instrumentId + " " + spec + "@" + start);
    }
    BigDecimal closePrice = BigDecimal.valueOf(close, priceScale);
    BigDecimal vol = BigDecimal.valueOf(volume, sizeScale);
    BigDecimal vwap =
        volume == 0
            ? closePrice.setScale(BarAccumulator.VWAP_SCALE, RoundingMode.HALF_EVEN)
            : notional().divide(vol, BarAccumulator.VWAP_SCALE, RoundingMode.HALF_EVEN);
    return new Bar(
        instrumentId,
        spec,
        start,
        end,
        BigDecimal.valueOf(open, priceScale),
        BigDecimal.valueOf(high, priceScale),
        BigDecimal.valueOf(low, priceScale),
        closePrice,
        vol,
        count,
        vwap,
        revision);
  }

  /** A deep copy. */
  LongBarAccumulator copy() {
    LongBarAccumulator c = new LongBarAccumulator();
    c.slow = slow == null ? null : slow.copy();
    c.priceScale = priceScale;
    c.sizeScale = sizeScale;
    c.count = count;
    c.openTs = openTs;
    c.open = open;
    c.closeTs = closeTs;
    c.close = close;
    c.high = high;
    c.low = low;
    c.volume = volume;
    c.notionalHi = notionalHi;
    c.notionalLo = notionalLo;
    return c;
  }

  /**
   * The same state as the core accumulator that took the same trades holds it: prices at the
   * trades' scale; volume {@code 0 + sizes} and notional {@code 0 + price × size}, so at scale 0
   * when empty.
   */
  BarAccumulator toBarAccumulator() {
    if (slow != null) {
      return slow;
    }
    if (count == 0) {
      return new BarAccumulator();
    }
    return BarAccumulatorSerializer.restore(
        count,
        openTs,
        BigDecimal.valueOf(open, priceScale),
        closeTs,
        BigDecimal.valueOf(close, priceScale),
        BigDecimal.valueOf(high, priceScale),
        BigDecimal.valueOf(low, priceScale),
        BigDecimal.valueOf(volume, sizeScale),
        notional());
  }

  /**
   * The accumulator holding {@code acc}'s state: on longs when it fits (one price scale, the volume
   * at the size scale and the notional at their sum), else {@code acc} itself.
   */
  static LongBarAccumulator of(BarAccumulator acc) {
    LongBarAccumulator l = new LongBarAccumulator();
    if (acc.count() == 0) {
      return l;
    }
    BigDecimal[] d = BarAccumulatorSerializer.decimals(acc);
    BigDecimal openP = d[0];
    int ps = openP.scale();
    int ss = d[4].scale();
    boolean fits =
        ps >= 0
            && ss >= 0
            && d[1].scale() == ps
            && d[2].scale() == ps
            && d[3].scale() == ps
            && d[5].scale() == ps + ss
            && d[5].unscaledValue().bitLength() < 2 * Long.SIZE;
    for (int i = 0; fits && i < 5; i++) {
      fits = d[i].unscaledValue().bitLength() < Long.SIZE;
    }
    if (!fits) {
      l.slow = acc;
      return l;
    }
    BigInteger n = d[5].unscaledValue();
    l.priceScale = ps;
    l.sizeScale = ss;
    l.count = acc.count();
    l.openTs = acc.firstEventTime();
    l.open = openP.unscaledValue().longValue();
    l.closeTs = acc.lastEventTime();
    l.close = d[1].unscaledValue().longValue();
    l.high = d[2].unscaledValue().longValue();
    l.low = d[3].unscaledValue().longValue();
    l.volume = d[4].unscaledValue().longValue();
    l.notionalLo = n.longValue();
    l.notionalHi = n.shiftRight(Long.SIZE).longValue();
    return l;
  }

  private BigDecimal notional() {
    // The two words big-endian are the 128-bit two's-complement value BigInteger reads.
    byte[] words =
        ByteBuffer.allocate(2 * Long.BYTES).putLong(notionalHi).putLong(notionalLo).array();
    return new BigDecimal(new BigInteger(words), priceScale + sizeScale);
  }
}
