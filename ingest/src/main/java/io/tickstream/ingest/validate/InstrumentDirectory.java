package io.tickstream.ingest.validate;

import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.serde.AvroWireCodec;
import io.tickstream.schemas.serde.WireFormatException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tick sizes of the known instruments, read from the global store that mirrors {@code
 * md.instruments} (raw value bytes, exactly as on the topic). Decoded instruments are cached per
 * processor and decoded again only when the bytes in the store change. An undecodable or
 * inconsistent instrument record counts as unknown (and is logged once), so ticks of it are
 * dead-lettered rather than crashing the validator.
 */
final class InstrumentDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(InstrumentDirectory.class);

  private final KeyValueStore<String, byte[]> store;
  private final AvroWireCodec<Instrument> codec;
  private final Map<String, Entry> cache = new HashMap<>();

  private record Entry(byte[] raw, BigDecimal tickSize) {}

  InstrumentDirectory(KeyValueStore<String, byte[]> store, AvroWireCodec<Instrument> codec) {
    this.store = store;
    this.codec = codec;
  }

  /** The tick size of {@code instrumentId}, or {@code null} when it is unknown or unusable. */
  BigDecimal tickSize(String instrumentId) {
    byte[] raw = store.get(instrumentId);
    if (raw == null) {
      cache.remove(instrumentId);
      return null;
    }
    Entry e = cache.get(instrumentId);
    if (e == null || (e.raw != raw && !java.util.Arrays.equals(e.raw, raw))) {
      e = new Entry(raw, decodeTickSize(instrumentId, raw));
      cache.put(instrumentId, e);
    }
    return e.tickSize;
  }

  private BigDecimal decodeTickSize(String instrumentId, byte[] raw) {
    try {
      Instrument i = codec.decode(raw);
      if (i.getTickSize().signum() <= 0) {
        LOG.warn(
            "instrument {} has a non-positive tick size {}: treated as unknown",
            instrumentId,
            i.getTickSize());
        return null;
      }
      return i.getTickSize();
    } catch (WireFormatException e) {
      if (e.reason() == WireFormatException.Reason.REGISTRY_UNAVAILABLE) {
        throw e;
      }
      LOG.warn(
          "instrument {} in md.instruments is unreadable, treated as unknown: {}",
          instrumentId,
          e.getMessage());
      return null;
    }
  }
}
