package io.tickstream.signals.bars;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classic Renko bricks of a fixed size on trade prices.
 *
 * <p>The first trade sets the reference level. A brick up is drawn each time the price reaches the
 * top of the last brick + {@code brick}; a brick down each time it reaches its bottom − {@code
 * brick}. Before the first brick, top = bottom = the reference, so the first brick needs a move of
 * one brick either way; after it, continuing needs one brick and reversing two (the far side of the
 * last brick plus one brick). Brick bars carry the brick levels: open and close are the brick's
 * start and end level, high/low their max/min.
 *
 * <p>Volume: the trades since the last brick (including the one that completed it) go into the
 * first brick that trade draws, with their VWAP. When one trade jumps several bricks, the extra
 * bricks carry that trade only as a marker: trade count 1, volume 0, VWAP = its price. So the
 * bricks' volumes add up to the traded volume, but their trade counts may exceed the trades seen.
 * Trades are taken in arrival order. Bricks span [first tsEvent, last tsEvent + 1); extra bricks
 * span [tsEvent, tsEvent + 1).
 */
public final class RenkoBarAggregator {
  private final String instrumentId;
  private final BigDecimal brick;
  private final String spec;
  private BarAccumulator pending = new BarAccumulator();
  private BigDecimal top;
  private BigDecimal bottom;

  /**
   * @param brick the brick size, positive
   */
  public RenkoBarAggregator(String instrumentId, BigDecimal brick) {
    this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
    if (brick == null || brick.signum() <= 0) {
      throw new IllegalArgumentException("renko brick size must be > 0: " + brick);
    }
    this.brick = brick;
    this.spec = "renko-" + brick.stripTrailingZeros().toPlainString();
  }

  /** The bar spec text, e.g. {@code renko-0.5}. */
  public String spec() {
    return spec;
  }

  /** Adds one trade; returns the bricks it completed, oldest first (usually none or one). */
  public List<Bar> add(long tsEvent, BigDecimal price, BigDecimal size) {
    pending.add(tsEvent, price, size);
    if (top == null) {
      top = price;
      bottom = price;
      return List.of();
    }
    List<Bar> bricks = new ArrayList<>(1);
    while (price.compareTo(top.add(brick)) >= 0) {
      BigDecimal open = top;
      bottom = top;
      top = top.add(brick);
      bricks.add(brick(open, top, tsEvent, price, bricks.isEmpty()));
    }
    // One trade cannot complete bricks both ways: reaching top + brick keeps it above bottom.
    if (bricks.isEmpty()) {
      while (price.compareTo(bottom.subtract(brick)) <= 0) {
        BigDecimal open = bottom;
        top = bottom;
        bottom = bottom.subtract(brick);
        bricks.add(brick(open, bottom, tsEvent, price, bricks.isEmpty()));
      }
    }
    return bricks;
  }

  private Bar brick(BigDecimal open, BigDecimal close, long ts, BigDecimal price, boolean first) {
    BigDecimal high = open.max(close);
    BigDecimal low = open.min(close);
    if (first) {
      Bar acc =
          pending.toBar(
              instrumentId, spec, pending.firstEventTime(), pending.lastEventTime() + 1, 0);
      pending = new BarAccumulator();
      return new Bar(
          instrumentId,
          spec,
          acc.start(),
          acc.end(),
          open,
          high,
          low,
          close,
          acc.volume(),
          acc.tradeCount(),
          acc.vwap(),
          0);
    }
    return new Bar(
        instrumentId,
        spec,
        ts,
        ts + 1,
        open,
        high,
        low,
        close,
        BigDecimal.ZERO,
        1,
        price.setScale(BarAccumulator.VWAP_SCALE, RoundingMode.HALF_EVEN),
        0);
  }
}
