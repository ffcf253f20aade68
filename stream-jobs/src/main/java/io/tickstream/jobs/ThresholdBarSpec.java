package io.tickstream.jobs;

import io.tickstream.signals.bars.ThresholdBarAggregator;
import io.tickstream.signals.bars.ThresholdBarAggregator.Measure;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tick or volume bar resolution: {@code <n>t} closes a bar every n trades, {@code <x>v} once the
 * summed size reaches x. The wire spec is the {@code signals} core's ({@code tick-100}, {@code
 * volume-1000}), which is accepted here too.
 *
 * @param measure what is summed until the threshold
 * @param threshold the measure at which a bar closes
 * @param text the wire spec, as on {@code md.bars}
 */
public record ThresholdBarSpec(Measure measure, BigDecimal threshold, String text) {
  private static final Pattern SHORT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([tv])");
  private static final Pattern WIRE = Pattern.compile("(tick|volume)-([0-9]+(?:\\.[0-9]+)?)");

  /**
   * Parses {@code 100t}, {@code 1000v}, {@code tick-100} or {@code volume-1000}; empty when the
   * text has neither form (it may be a time resolution).
   *
   * @throws IllegalArgumentException when the form matches but the threshold is not valid
   */
  public static Optional<ThresholdBarSpec> parse(String text) {
    String t = text == null ? "" : text.trim();
    Matcher shortForm = SHORT.matcher(t);
    Matcher wireForm = WIRE.matcher(t);
    Measure measure;
    String threshold;
    if (shortForm.matches()) {
      measure = shortForm.group(2).equals("t") ? Measure.TICKS : Measure.VOLUME;
      threshold = shortForm.group(1);
    } else if (wireForm.matches()) {
      measure = wireForm.group(1).equals("tick") ? Measure.TICKS : Measure.VOLUME;
      threshold = wireForm.group(2);
    } else {
      return Optional.empty();
    }
    BigDecimal value = new BigDecimal(threshold);
    // The core validates the threshold and names the spec: one source for the wire text.
    String wire = aggregator("spec", measure, value).spec();
    return Optional.of(new ThresholdBarSpec(measure, value, wire));
  }

  /** A fresh aggregator of this spec for one instrument. */
  public ThresholdBarAggregator newAggregator(String instrumentId) {
    return aggregator(instrumentId, measure, threshold);
  }

  private static ThresholdBarAggregator aggregator(
      String instrumentId, Measure measure, BigDecimal threshold) {
    return new ThresholdBarAggregator(instrumentId, measure, threshold);
  }

  @Override
  public String toString() {
    return text;
  }
}
