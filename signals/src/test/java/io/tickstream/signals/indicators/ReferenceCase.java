package io.tickstream.signals.indicators;

import io.tickstream.signals.testing.OhlcvSeries;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * One indicator output, computed by us (streaming, NaN where not {@code isReady()}) and by a ta4j
 * reference over the same series.
 */
record ReferenceCase(
    String name, Function<OhlcvSeries, Run> ours, Function<BarSeries, Indicator<Num>> ta4j) {

  /** Our values (NaN where not ready) and the indicator's documented warm-up. */
  record Run(double[] values, int warmUp) {}

  @Override
  public String toString() {
    return name;
  }

  static <I extends ValueIndicator<?>> Function<OhlcvSeries, Run> onClose(
      Supplier<I> factory, ToDoubleFunction<I> output) {
    return s -> {
      I ind = factory.get();
      double[] out = new double[s.size()];
      for (int i = 0; i < s.size(); i++) {
        ind.update(s.close()[i]);
        out[i] = ind.isReady() ? output.applyAsDouble(ind) : Double.NaN;
      }
      return new Run(out, ind.warmUp());
    };
  }

  static <I extends BarIndicator<?>> Function<OhlcvSeries, Run> onBars(
      Supplier<I> factory, ToDoubleFunction<I> output) {
    return s -> {
      I ind = factory.get();
      double[] out = new double[s.size()];
      for (int i = 0; i < s.size(); i++) {
        ind.update(s.high()[i], s.low()[i], s.close()[i], s.volume()[i]);
        out[i] = ind.isReady() ? output.applyAsDouble(ind) : Double.NaN;
      }
      return new Run(out, ind.warmUp());
    };
  }

  /** ta4j's values at every index, computed in index order as a streaming user would. */
  static double[] ta4jValues(Indicator<Num> indicator, int size) {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = indicator.getValue(i).doubleValue();
    }
    return out;
  }
}
