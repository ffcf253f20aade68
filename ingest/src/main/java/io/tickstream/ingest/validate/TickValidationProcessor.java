package io.tickstream.ingest.validate;

import io.tickstream.ingest.dlq.DeadLetterReason;
import io.tickstream.ingest.dlq.DeadLetters;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.serde.AvroWireCodec;
import io.tickstream.schemas.serde.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The part every tick validator shares: decodes the raw value bytes in the topology (so a poison
 * record becomes a dead letter instead of a deserialization crash), runs the subclass's rules, and
 * forwards either the re-encoded tick (keyed by instrument) to the clean topic or a {@link
 * DeadLetter} with the original bytes and coordinates to {@code md.dlq}.
 *
 * <p>Only a registry that cannot be reached escapes as an exception: it is not the record's fault,
 * so the stream thread is replaced and the record retried (exactly-once makes that safe).
 */
abstract class TickValidationProcessor<T extends SpecificRecord>
    implements Processor<byte[], byte[], String, byte[]> {
  static final String STAGE = "ingest-validator";

  private final String stream;
  private final AvroWireCodec<T> in;
  private final AvroWireCodec<T> out;
  private final AvroWireCodec<DeadLetter> dlq;
  private final String outSink;
  private final String dlqSink;
  private final Clock clock;
  private final ValidationListener listener;
  protected ProcessorContext<String, byte[]> context;

  TickValidationProcessor(
      String stream,
      ValidationCodecs.Pair<T> codecs,
      AvroWireCodec<DeadLetter> dlq,
      String outSink,
      String dlqSink,
      Clock clock,
      ValidationListener listener) {
    this.stream = stream;
    this.in = codecs.in();
    this.out = codecs.out();
    this.dlq = dlq;
    this.outSink = outSink;
    this.dlqSink = dlqSink;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  /** The first rule {@code tick} breaks, or {@code null}; may read state, must not change it. */
  abstract Rejection validate(T tick, Record<byte[], byte[]> record, long nowNanos);

  /** The instrument of a tick, the key of the clean topic. */
  abstract String instrumentId(T tick);

  /** Remembers an accepted tick (duplicate ids, reference prices). */
  void accepted(T tick, Record<byte[], byte[]> record) {}

  @Override
  public final void process(Record<byte[], byte[]> record) {
    long now = nowNanos();
    if (record.value() == null) {
      reject(record, DeadLetterReason.NULL_VALUE, "record has no value (a tombstone?)", now);
      return;
    }
    T tick;
    try {
      tick = in.decode(record.value());
    } catch (WireFormatException e) {
      if (e.reason() == WireFormatException.Reason.REGISTRY_UNAVAILABLE) {
        throw e;
      }
      reject(record, DeadLetterReason.valueOf(e.reason().name()), e.getMessage(), now);
      return;
    }
    Rejection rejection;
    try {
      rejection = validate(tick, record, now);
    } catch (WireFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      rejection = new Rejection(DeadLetterReason.PROCESSING_ERROR, "a rule failed: " + e);
    }
    if (rejection != null) {
      reject(record, rejection.reason(), rejection.message(), now);
      return;
    }
    context.forward(record.withKey(instrumentId(tick)).withValue(out.encode(tick)), outSink);
    accepted(tick, record);
    listener.accepted(stream);
  }

  private void reject(
      Record<byte[], byte[]> record, DeadLetterReason reason, String msg, long now) {
    RecordMetadata m = context.recordMetadata().orElse(null);
    DeadLetter d =
        DeadLetters.fromKafka(
            reason,
            msg,
            STAGE,
            record.key(),
            record.value(),
            m == null ? null : m.topic(),
            m == null ? -1 : m.partition(),
            m == null ? -1 : m.offset(),
            now);
    String key =
        record.key() != null
            ? new String(record.key(), StandardCharsets.UTF_8)
            : DeadLetters.keyOf(d);
    context.forward(record.withKey(key).withValue(dlq.encode(d)), dlqSink);
    listener.rejected(stream, reason);
  }

  private long nowNanos() {
    Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
