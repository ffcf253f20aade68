package io.tickstream.ingest.validate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstream.ingest.dlq.DeadLetterReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts verdicts as {@code tickstream.validator.accepted{stream}} and {@code
 * tickstream.validator.rejected{stream,reason}}. Counters are created up front, so every reason
 * shows (at 0) before it first happens.
 */
public final class MicrometerValidationListener implements ValidationListener {
  private final Map<String, Counter> accepted;
  private final Map<String, Map<DeadLetterReason, Counter>> rejected;

  /** Registers the counters in {@code registry}. */
  public MicrometerValidationListener(MeterRegistry registry) {
    this.accepted =
        Map.of(
            ValidationTopology.TRADES_STREAM,
                acceptedCounter(registry, ValidationTopology.TRADES_STREAM),
            ValidationTopology.QUOTES_STREAM,
                acceptedCounter(registry, ValidationTopology.QUOTES_STREAM));
    this.rejected =
        Map.of(
            ValidationTopology.TRADES_STREAM,
                rejectedCounters(registry, ValidationTopology.TRADES_STREAM),
            ValidationTopology.QUOTES_STREAM,
                rejectedCounters(registry, ValidationTopology.QUOTES_STREAM));
  }

  private static Counter acceptedCounter(MeterRegistry registry, String stream) {
    return Counter.builder("tickstream.validator.accepted")
        .description("ticks that passed every validation rule")
        .tag("stream", stream)
        .register(registry);
  }

  private static Map<DeadLetterReason, Counter> rejectedCounters(
      MeterRegistry registry, String stream) {
    Map<DeadLetterReason, Counter> byReason = new EnumMap<>(DeadLetterReason.class);
    for (DeadLetterReason r : DeadLetterReason.values()) {
      byReason.put(
          r,
          Counter.builder("tickstream.validator.rejected")
              .description("records sent to md.dlq, by reason code")
              .tag("stream", stream)
              .tag("reason", r.name())
              .register(registry));
    }
    return byReason;
  }

  @Override
  public void accepted(String stream) {
    accepted.get(stream).increment();
  }

  @Override
  public void rejected(String stream, DeadLetterReason reason) {
    rejected.get(stream).get(reason).increment();
  }
}
