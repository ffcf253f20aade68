package io.tickstream.ingest.validate;

import io.tickstream.schemas.avro.QuoteTick;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Validates quotes with the stateless {@link TickChecks}: prices, sizes, instrument, time, grid,
 * crossing.
 */
final class QuoteValidationProcessor extends TickValidationProcessor<QuoteTick> {
  private final ValidationRules rules;
  private final ValidationCodecs codecs;
  private InstrumentDirectory instruments;

  QuoteValidationProcessor(
      ValidationRules rules, ValidationCodecs codecs, Clock clock, ValidationListener listener) {
    super(
        ValidationTopology.QUOTES_STREAM,
        codecs.quotes,
        codecs.deadLetters,
        ValidationTopology.QUOTES_SINK,
        ValidationTopology.DLQ_SINK,
        clock,
        listener);
    this.rules = rules;
    this.codecs = codecs;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    super.init(context);
    instruments =
        new InstrumentDirectory(
            context.getStateStore(ValidationTopology.INSTRUMENT_STORE), codecs.instruments);
  }

  @Override
  String instrumentId(QuoteTick tick) {
    return tick.getInstrumentId();
  }

  @Override
  Rejection validate(QuoteTick q, Record<byte[], byte[]> record, long nowNanos) {
    return TickChecks.check(q, instruments.tickSize(q.getInstrumentId()), nowNanos, rules);
  }
}
