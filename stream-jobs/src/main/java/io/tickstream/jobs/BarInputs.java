package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import io.tickstream.signals.BarInput;

/** Converts wire bars to the {@code signals} core's inputs. */
final class BarInputs {
  private BarInputs() {}

  /**
   * The bar as the core sees it, at revision 0: strategies take each bar once, and a revision is
   * applied by replaying from the state before it. A flat bar (no trades) has no core {@code Bar}.
   */
  static BarInput of(Bar bar) {
    if (bar.getTradeCount() == 0) {
      return BarInput.of(
          bar.getOpen().doubleValue(),
          bar.getHigh().doubleValue(),
          bar.getLow().doubleValue(),
          bar.getClose().doubleValue(),
          0.0);
    }
    return BarInput.of(core(bar));
  }

  /** The core bar of a wire bar with trades, at revision 0. */
  static io.tickstream.signals.bars.Bar core(Bar bar) {
    return new io.tickstream.signals.bars.Bar(
        bar.getInstrumentId(),
        bar.getSpec(),
        bar.getStart(),
        bar.getEnd(),
        bar.getOpen(),
        bar.getHigh(),
        bar.getLow(),
        bar.getClose(),
        bar.getVolume(),
        bar.getTradeCount(),
        bar.getVwap(),
        0);
  }
}
