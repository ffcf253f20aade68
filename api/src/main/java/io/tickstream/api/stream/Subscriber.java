package io.tickstream.api.stream;

import io.vertx.core.Context;
import java.util.ArrayDeque;

/**
 * One client's subscription: a filter and a bounded queue in front of its connection. Messages are
 * written while the connection's write queue has room; when the client stops reading, messages pile
 * up here, and at {@code maxPending} the client is disconnected with close code 1008 and the
 * reason, instead of growing memory.
 */
final class Subscriber {
  /** WebSocket close code "policy violation": the client broke the keep-up contract. */
  static final short SLOW_CONSUMER_CODE = 1008;

  private final String channel;
  private final String instrumentId;
  private final String accountId;
  private final StreamSink sink;
  private final Context context;
  private final int maxPending;
  private final Runnable onSlow;
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private boolean drainScheduled;
  private boolean closed;

  Subscriber(
      String channel,
      String instrumentId,
      String accountId,
      StreamSink sink,
      Context context,
      int maxPending,
      Runnable onSlow) {
    this.channel = channel;
    this.instrumentId = instrumentId;
    this.accountId = accountId;
    this.sink = sink;
    this.context = context;
    this.maxPending = maxPending;
    this.onSlow = onSlow;
  }

  StreamSink sink() {
    return sink;
  }

  boolean matches(StreamMessage m) {
    return channel.equals(m.channel())
        && (instrumentId == null || instrumentId.equals(m.instrumentId()))
        && (accountId == null || accountId.equals(m.accountId()));
  }

  /** Queues a message from any thread; disconnects the client when its queue is full. */
  void offer(StreamMessage m) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (pending.size() >= maxPending) {
        closed = true;
        pending.clear();
        context.runOnContext(v -> disconnectSlow());
        return;
      }
      pending.add(m.json());
      if (drainScheduled) {
        return;
      }
      drainScheduled = true;
    }
    context.runOnContext(v -> drain());
  }

  /** Marks the subscription closed (the connection ended). */
  synchronized void close() {
    closed = true;
    pending.clear();
  }

  private void drain() {
    while (!sink.writeQueueFull()) {
      String next;
      synchronized (this) {
        next = closed ? null : pending.poll();
        if (next == null) {
          drainScheduled = false;
          return;
        }
      }
      sink.write(next);
    }
    // The connection is saturated: continue when it drains; offer() keeps queueing meanwhile.
    sink.drainHandler(v -> drain());
  }

  private void disconnectSlow() {
    onSlow.run();
    sink.closeWithReason(
        SLOW_CONSUMER_CODE, "slow consumer: more than " + maxPending + " messages pending");
  }
}
