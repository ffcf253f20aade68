package io.tickstream.signals;

import io.tickstream.signals.bars.Bar;
import java.util.Objects;

/**
 * A strategy's view after one closed bar: the position it wants and how strongly.
 *
 * <p>A value with the accessors, {@code equals}, {@code hashCode} and {@code toString} of a record
 * over the eight fields below. It is a class rather than a record only so that the reason text can
 * be built on first read ({@link Reason}): strategies emit a signal on every bar, and most of them
 * are never shown to anyone.
 */
public final class Signal {
  private final String instrumentId;
  private final String strategyId;
  private final Direction direction;
  private final double strength;
  private final String barSpec;
  private final long barStart;
  private final long barEnd;
  private final Reason source;
  // Built once on first read. A race builds it twice with the same result: the source captured its
  // values when the signal was made, and a String is safe to publish without synchronisation.
  private String reason;

  /**
   * @param instrumentId instrument, SYMBOL.VENUE
   * @param strategyId the strategy that computed it
   * @param direction the wanted position
   * @param strength confidence in [0, 1]; 0 while warming up
   * @param reason human-readable why, with the values that decided
   * @param barSpec spec of the bar it was computed on
   * @param barStart start of that bar, epoch nanoseconds
   * @param barEnd end (exclusive) of that bar, epoch nanoseconds
   */
  public Signal(
      String instrumentId,
      String strategyId,
      Direction direction,
      double strength,
      String reason,
      String barSpec,
      long barStart,
      long barEnd) {
    this(instrumentId, strategyId, direction, strength, (Reason) null, barSpec, barStart, barEnd);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  private Signal(
      String instrumentId,
      String strategyId,
      Direction direction,
      double strength,
      Reason source,
      String barSpec,
      long barStart,
      long barEnd) {
    this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
    this.strategyId = Objects.requireNonNull(strategyId, "strategyId");
    this.direction = Objects.requireNonNull(direction, "direction");
    this.barSpec = Objects.requireNonNull(barSpec, "barSpec");
    if (!(strength >= 0.0 && strength <= 1.0)) {
      throw new IllegalArgumentException("signal strength must be in [0, 1]: " + strength);
    }
    this.strength = strength;
    this.barStart = barStart;
    this.barEnd = barEnd;
    this.source = source;
  }

  /** A signal computed on {@code bar}. */
  public static Signal of(
      Bar bar, String strategyId, Direction direction, double strength, String reason) {
    return new Signal(
        bar.instrumentId(),
        strategyId,
        direction,
        strength,
        reason,
        bar.spec(),
        bar.start(),
        bar.end());
  }

  /** A signal computed on {@code bar} whose reason text is built when first read. */
  public static Signal of(
      Bar bar, String strategyId, Direction direction, double strength, Reason reason) {
    return new Signal(
        bar.instrumentId(),
        strategyId,
        direction,
        strength,
        Objects.requireNonNull(reason, "reason"),
        bar.spec(),
        bar.start(),
        bar.end());
  }

  /** Instrument, SYMBOL.VENUE. */
  public String instrumentId() {
    return instrumentId;
  }

  /** The strategy that computed it. */
  public String strategyId() {
    return strategyId;
  }

  /** The wanted position. */
  public Direction direction() {
    return direction;
  }

  /** Confidence in [0, 1]; 0 while warming up. */
  public double strength() {
    return strength;
  }

  /** Human-readable why, with the values that decided (built on first read). */
  public String reason() {
    String r = reason;
    if (r == null) {
      r = Objects.requireNonNull(source.text(), "reason text");
      reason = r;
    }
    return r;
  }

  /** Spec of the bar it was computed on. */
  public String barSpec() {
    return barSpec;
  }

  /** Start of that bar, epoch nanoseconds. */
  public long barStart() {
    return barStart;
  }

  /** End (exclusive) of that bar, epoch nanoseconds. */
  public long barEnd() {
    return barEnd;
  }

  /**
   * Equal when all eight fields are; doubles compared as a record does ({@link Double#compare}).
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Signal s
            && instrumentId.equals(s.instrumentId)
            && strategyId.equals(s.strategyId)
            && direction == s.direction
            && Double.compare(strength, s.strength) == 0
            && barSpec.equals(s.barSpec)
            && barStart == s.barStart
            && barEnd == s.barEnd
            && reason().equals(s.reason());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        instrumentId, strategyId, direction, strength, reason(), barSpec, barStart, barEnd);
  }

  @Override
  public String toString() {
    return "Signal[instrumentId="
        + instrumentId
        + ", strategyId="
        + strategyId
        + ", direction="
        + direction
        + ", strength="
        + strength
        + ", reason="
        + reason()
        + ", barSpec="
        + barSpec
        + ", barStart="
        + barStart
        + ", barEnd="
        + barEnd
        + "]";
  }
}
