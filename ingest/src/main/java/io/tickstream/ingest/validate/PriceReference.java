package io.tickstream.ingest.validate;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The reference price of one instrument for the bad-print rule: the median of its last {@code
 * capacity} accepted trade prices (the lower median for an even count). A median, unlike a mean or
 * EMA, is not dragged by the odd outlier that slipped through, and it is always one of the prices
 * seen, so band edges are exact. Kept as a ring (arrival order, for forgetting the oldest) plus a
 * sorted copy updated in place, so each trade costs a few comparisons, not a sort. Text form for
 * the state store: the prices, oldest first, separated by spaces.
 */
final class PriceReference {
  private final BigDecimal[] ring;
  private final BigDecimal[] sorted;
  private int size;
  private int oldest;
  private BigDecimal bandOf;
  private BigDecimal lo;
  private BigDecimal hi;

  PriceReference(int capacity) {
    this.ring = new BigDecimal[capacity];
    this.sorted = new BigDecimal[capacity];
  }

  /** Restores the text form written by {@link #toText()}. */
  static PriceReference fromText(String text, int capacity) {
    PriceReference r = new PriceReference(capacity);
    if (text != null && !text.isBlank()) {
      for (String p : text.trim().split(" ")) {
        r.add(new BigDecimal(p));
      }
    }
    return r;
  }

  /** Adds an accepted price, forgetting the oldest beyond the capacity. */
  void add(BigDecimal price) {
    if (size == ring.length) {
      BigDecimal gone = ring[oldest];
      int at = Arrays.binarySearch(sorted, 0, size, gone);
      System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
      ring[oldest] = price;
      oldest = (oldest + 1) % ring.length;
      size--;
    } else {
      ring[(oldest + size) % ring.length] = price;
    }
    int at = Arrays.binarySearch(sorted, 0, size, price);
    int insert = at >= 0 ? at : -at - 1;
    System.arraycopy(sorted, insert, sorted, insert + 1, size - insert);
    sorted[insert] = price;
    size++;
    bandOf = null;
  }

  /** How many prices the reference holds. */
  int samples() {
    return size;
  }

  /** The median of the held prices; {@code null} when empty. */
  BigDecimal median() {
    return size == 0 ? null : sorted[(size - 1) / 2];
  }

  /** Whether {@code price} lies in {@code [median·(1-band), median·(1+band)]}, edges included. */
  boolean withinBand(BigDecimal price, BigDecimal band) {
    if (bandOf != band) {
      BigDecimal m = median();
      BigDecimal width = m.multiply(band);
      lo = m.subtract(width);
      hi = m.add(width);
      bandOf = band;
    }
    return price.compareTo(lo) >= 0 && price.compareTo(hi) <= 0;
  }

  String toText() {
    StringBuilder b = new StringBuilder(size * 14);
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(ring[(oldest + i) % ring.length].toPlainString());
    }
    return b.toString();
  }
}
