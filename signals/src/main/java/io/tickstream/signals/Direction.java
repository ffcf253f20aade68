package io.tickstream.signals;

/** The position a signal asks for. */
public enum Direction {
  LONG(1),
  SHORT(-1),
  FLAT(0);

  private final int sign;

  Direction(int sign) {
    this.sign = sign;
  }

  /** +1 for LONG, −1 for SHORT, 0 for FLAT. */
  public int sign() {
    return sign;
  }
}
