package io.tickstream.signals.indicators;

import io.tickstream.signals.BarInput;

/** An indicator over bars (high, low, close, volume). */
public interface BarIndicator<S extends Record> extends Indicator<S> {

  /** Takes the next bar and returns the new {@link #value()}. */
  double update(double high, double low, double close, double volume);

  /** Takes the next bar and returns the new {@link #value()}. */
  default double update(BarInput bar) {
    return update(bar.high(), bar.low(), bar.close(), bar.volume());
  }
}
