package io.tickstream.signals.indicators;

/** An indicator over a single series of values, usually closes. */
public interface ValueIndicator<S extends Record> extends Indicator<S> {

  /** Takes the next value and returns the new {@link #value()}. */
  double update(double x);
}
