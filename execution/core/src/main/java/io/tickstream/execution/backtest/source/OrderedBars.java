package io.tickstream.execution.backtest.source;

import io.tickstream.signals.bars.Bar;

/** Checks that bars arrive in {@link BarSource} order; shared by streaming sources. */
final class OrderedBars {

  private Bar previous;

  /** Returns {@code bar}, or throws when it comes before the previous one. */
  Bar check(Bar bar, String where) {
    if (previous != null && BarSource.compare(previous, bar) > 0) {
      throw new IllegalStateException(
          where
              + ": bar "
              + bar.instrumentId()
              + " ending "
              + bar.end()
              + " comes after "
              + previous.instrumentId()
              + " ending "
              + previous.end()
              + "; a bar source must be ordered by end time, then instrument");
    }
    previous = bar;
    return bar;
  }
}
