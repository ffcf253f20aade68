package io.tickstream.ingest.validate;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireCodec;
import io.tickstream.schemas.serde.RegistryClients;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;

/**
 * The wire codecs of the validator's topics, sharing one registry client (and so its caches). The
 * codecs are thread-safe, so every stream thread shares them. Nothing talks to the registry until
 * the first record.
 */
final class ValidationCodecs {
  /** The codec of a raw topic and of its clean counterpart. */
  record Pair<T extends SpecificRecord>(AvroWireCodec<T> in, AvroWireCodec<T> out) {}

  final Pair<TradeTick> trades;
  final Pair<QuoteTick> quotes;
  final AvroWireCodec<Instrument> instruments;
  final AvroWireCodec<DeadLetter> deadLetters;

  ValidationCodecs(String registryUrl) {
    SchemaRegistryClient registry = RegistryClients.create(registryUrl);
    trades =
        new Pair<>(
            new AvroWireCodec<>(Topics.TRADES_RAW, registry),
            new AvroWireCodec<>(Topics.TRADES, registry));
    quotes =
        new Pair<>(
            new AvroWireCodec<>(Topics.QUOTES_RAW, registry),
            new AvroWireCodec<>(Topics.QUOTES, registry));
    instruments = new AvroWireCodec<>(Topics.INSTRUMENTS, registry);
    deadLetters = new AvroWireCodec<>(Topics.DEAD_LETTERS, registry);
  }
}
