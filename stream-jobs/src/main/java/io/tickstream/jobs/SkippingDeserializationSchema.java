package io.tickstream.jobs;

import io.tickstream.schemas.serde.WireFormatException;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a wire-format {@link DeserializationSchema} so that an undecodable record is counted
 * (metric {@code undecodableRecords}), logged and skipped instead of failing the job: the ingest
 * validator normally dead-letters such records before they reach a validated topic, so one that
 * slips through must not stop the bars of every other instrument.
 *
 * <p>An unreachable registry ({@link WireFormatException.Reason#REGISTRY_UNAVAILABLE}) is not a
 * property of the record: it is rethrown, so that Flink restarts from the last checkpoint and reads
 * the record again rather than losing it.
 */
public final class SkippingDeserializationSchema<T> implements DeserializationSchema<T> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SkippingDeserializationSchema.class);

  /** Every record is logged up to this count, then one in {@link #LOG_EVERY}. */
  private static final long LOG_FIRST = 10;

  private static final long LOG_EVERY = 1000;

  private final DeserializationSchema<T> delegate;
  private transient Counter undecodable;
  private transient long skipped;

  /** Skips what {@code delegate} cannot decode. */
  public SkippingDeserializationSchema(DeserializationSchema<T> delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void open(InitializationContext context) throws Exception {
    delegate.open(context);
    undecodable = context.getMetricGroup().counter("undecodableRecords");
  }

  @Override
  public T deserialize(byte[] message) throws IOException {
    try {
      return delegate.deserialize(message);
    } catch (WireFormatException e) {
      if (e.reason() == WireFormatException.Reason.REGISTRY_UNAVAILABLE) {
        throw e;
      }
      skip(e);
      return null;
    }
  }

  @Override
  public void deserialize(byte[] message, Collector<T> out) throws IOException {
    T value = deserialize(message);
    if (value != null) {
      out.collect(value);
    }
  }

  @Override
  public boolean isEndOfStream(T nextElement) {
    return delegate.isEndOfStream(nextElement);
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return delegate.getProducedType();
  }

  /** Records skipped by this instance since it was opened. */
  long skipped() {
    return skipped;
  }

  private void skip(WireFormatException e) {
    skipped++;
    if (undecodable != null) {
      undecodable.inc();
    }
    if (skipped <= LOG_FIRST || skipped % LOG_EVERY == 0) {
      LOG.warn("skipped undecodable record #{} ({}): {}", skipped, e.reason(), e.getMessage());
    }
  }
}
