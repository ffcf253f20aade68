package io.tickstream.execution.service;

import io.tickstream.execution.engine.ExecutionVenue;
import io.tickstream.execution.engine.ForwardingVenue;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.SubmitOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broker's side of the venue boundary, for tests: counts every client order id it is sent and
 * when (wall clock), in structures that outlive the Streams instances of a test.
 */
public final class RecordingVenue extends ForwardingVenue {
  /** Submissions seen, shared by every venue created for one test. */
  public static final class Record {
    public final Map<String, AtomicInteger> submits = new ConcurrentHashMap<>();
    public final AtomicLong lastSubmitMillis = new AtomicLong();
    public final AtomicInteger total = new AtomicInteger();

    /** Client order ids sent more than once. */
    public long duplicates() {
      return submits.values().stream().filter(n -> n.get() > 1).count();
    }
  }

  private final Record record;

  public RecordingVenue(ExecutionVenue broker, Record record) {
    super(broker);
    this.record = record;
  }

  @Override
  public List<OrderEvent> submit(SubmitOrder command, long now) {
    record
        .submits
        .computeIfAbsent(command.clientOrderId(), k -> new AtomicInteger())
        .incrementAndGet();
    record.lastSubmitMillis.set(System.currentTimeMillis());
    record.total.incrementAndGet();
    return delegate().submit(command, now);
  }
}
