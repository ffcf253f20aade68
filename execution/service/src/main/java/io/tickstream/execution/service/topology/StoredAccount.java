package io.tickstream.execution.service.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickstream.execution.engine.EngineSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An account's engine state as kept in the changelogged {@code execution-accounts} store.
 *
 * <p>The engine snapshot is stored without what grows without bound: processed signal ids (kept,
 * one entry each, in the {@code execution-dedupe} store), the risk engine's seen ids (the dedupe
 * store answers before risk is asked) and closed trades (reporting only). Reference prices and
 * marks are restored from the {@code execution-prices} store, which every market update writes.
 *
 * @param snapshot the engine's state
 * @param clock the engine's clock, epoch nanoseconds: the latest event time it was given
 * @param lastControlTs time of the last operator command applied, epoch nanoseconds
 */
record StoredAccount(EngineSnapshot snapshot, long clock, long lastControlTs) {
  private static final ObjectMapper LEGACY_JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  StoredAccount {
    Objects.requireNonNull(snapshot, "snapshot");
  }

  /** {@code snapshot} without its unbounded parts (see the class comment). */
  static EngineSnapshot compact(EngineSnapshot s) {
    return new EngineSnapshot(
        s.accountId(),
        s.mode(),
        s.cash(),
        s.peakEquity(),
        s.positions(),
        s.marks(),
        Map.of(),
        List.of(),
        s.actedDirections(),
        List.of(),
        s.riskApprovals(),
        s.openOrders(),
        List.of());
  }

  /** {@code snapshot} with the latest market prices: reference prices, and marks of held ones. */
  static EngineSnapshot withPrices(EngineSnapshot s, Map<String, BigDecimal> prices) {
    Map<String, BigDecimal> marks = new java.util.HashMap<>(s.marks());
    for (var p : s.positions()) {
      BigDecimal price = prices.get(p.instrumentId());
      if (!p.isFlat() && price != null) {
        marks.put(p.instrumentId(), price);
      }
    }
    return new EngineSnapshot(
        s.accountId(),
        s.mode(),
        s.cash(),
        s.peakEquity(),
        s.positions(),
        marks,
        prices,
        s.processedSignalIds(),
        s.actedDirections(),
        s.riskSeenIds(),
        s.riskApprovals(),
        s.openOrders(),
        s.closedTrades());
  }

  /**
   * Binary serde ({@link StoredAccountCodec}). Reads the JSON of earlier versions too, so a
   * changelog written by them restores (a JSON object starts with '{', never the binary version
   * byte).
   */
  static Serde<StoredAccount> serde() {
    Serializer<StoredAccount> ser =
        (topic, value) -> value == null ? null : StoredAccountCodec.encode(value);
    Deserializer<StoredAccount> de =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          if (bytes.length > 0 && bytes[0] == '{') {
            try {
              return LEGACY_JSON.readValue(bytes, StoredAccount.class);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return StoredAccountCodec.decode(bytes);
        };
    return Serdes.serdeFrom(ser, de);
  }
}
