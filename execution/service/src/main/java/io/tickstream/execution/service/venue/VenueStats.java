package io.tickstream.execution.service.venue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Counters of a venue client: orders sent, answers that left the outcome ambiguous (timeout, 5xx,
 * dropped connection, invalid body, duplicate id after a crash) and how many of those were
 * reconciled by asking the venue. {@code ambiguous - reconciled} is what is still open.
 */
public final class VenueStats {
  private final Counter submitted;
  private final Counter ambiguous;
  private final Counter reconciled;
  private final Counter rejectedUnsent;

  /** Counters registered in {@code registry} as {@code tickstream_execution_venue_*}. */
  public VenueStats(MeterRegistry registry) {
    submitted = registry.counter("tickstream.execution.venue.submitted");
    ambiguous = registry.counter("tickstream.execution.venue.ambiguous");
    reconciled = registry.counter("tickstream.execution.venue.reconciled");
    rejectedUnsent = registry.counter("tickstream.execution.venue.unsent");
  }

  /** Counters not exported anywhere (tests, benchmarks). */
  public static VenueStats detached() {
    return new VenueStats(new SimpleMeterRegistry());
  }

  /** An order was sent to the venue. */
  public void submitted() {
    submitted.increment();
  }

  /** An outcome was ambiguous. */
  public void ambiguous() {
    ambiguous.increment();
  }

  /** An ambiguous outcome was resolved by asking the venue. */
  public void reconciled() {
    reconciled.increment();
  }

  /** An order was refused locally, unsent (circuit open). */
  public void unsent() {
    rejectedUnsent.increment();
  }

  /** Order submissions sent to the venue. */
  public long submittedCount() {
    return (long) submitted.count();
  }

  /** Outcomes that were ambiguous and had to be reconciled. */
  public long ambiguousCount() {
    return (long) ambiguous.count();
  }

  /** Ambiguous outcomes resolved by asking the venue. */
  public long reconciledCount() {
    return (long) reconciled.count();
  }

  /** Orders refused locally because the circuit breaker was open (never sent). */
  public long unsentCount() {
    return (long) rejectedUnsent.count();
  }
}
