package io.tickstream.execution.service.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Counters of the execution topology, exported as {@code tickstream_execution_*}. */
public final class ExecutionMetrics {
  private final Counter signals;
  private final Counter duplicates;
  private final Counter submitted;
  private final Counter denied;
  private final Counter rejected;
  private final Counter filled;
  private final Counter controlApplied;

  /** Counters registered in {@code registry}. */
  public ExecutionMetrics(MeterRegistry registry) {
    signals = registry.counter("tickstream.execution.signals");
    duplicates = registry.counter("tickstream.execution.signals.duplicate");
    submitted = registry.counter("tickstream.execution.orders", "event", "submitted");
    denied = registry.counter("tickstream.execution.orders", "event", "denied");
    rejected = registry.counter("tickstream.execution.orders", "event", "rejected");
    filled = registry.counter("tickstream.execution.orders", "event", "filled");
    controlApplied = registry.counter("tickstream.execution.control.applied");
  }

  /** Counters not exported anywhere (tests). */
  public static ExecutionMetrics detached() {
    return new ExecutionMetrics(new SimpleMeterRegistry());
  }

  void signal() {
    signals.increment();
  }

  void duplicate() {
    duplicates.increment();
  }

  void submitted() {
    submitted.increment();
  }

  void denied() {
    denied.increment();
  }

  void rejected() {
    rejected.increment();
  }

  void filled() {
    filled.increment();
  }

  void controlApplied() {
    controlApplied.increment();
  }

  /** Signals dropped as duplicates of one already acted on. */
  public long duplicateCount() {
    return (long) duplicates.count();
  }

  /** Signals received, duplicates included. */
  public long signalCount() {
    return (long) signals.count();
  }
}
