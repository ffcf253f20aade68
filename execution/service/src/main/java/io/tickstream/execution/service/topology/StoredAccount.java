package io.tickstream.execution.service.topology;

import com.fasterxml.jackson.core.JsonGenerator;
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
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

  /** JSON serde: the snapshot is plain records, lists and maps, and readable in a changelog. */
  static Serde<StoredAccount> serde() {
    Serializer<StoredAccount> ser =
        (topic, value) -> {
          try {
            return value == null ? null : JSON.writeValueAsBytes(value);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    Deserializer<StoredAccount> de =
        (topic, bytes) -> {
          try {
            return bytes == null ? null : JSON.readValue(bytes, StoredAccount.class);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    return Serdes.serdeFrom(ser, de);
  }
}
