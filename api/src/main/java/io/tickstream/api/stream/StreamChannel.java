package io.tickstream.api.stream;

import io.tickstream.schemas.Topic;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * A live stream: a topic of the catalogue, how its values become JSON, and which instrument and
 * account a value belongs to (for subscription filters).
 *
 * @param name the channel name in {@code /api/v1/streams/{name}}
 * @param topic the Kafka topic
 * @param toJson the JSON message of a value
 * @param instrumentOf the instrument of a value
 * @param accountOf the account of a value, or null for channels of market data
 */
public record StreamChannel<V extends SpecificRecord>(
    String name,
    Topic<String, V> topic,
    Function<V, JsonObject> toJson,
    Function<V, String> instrumentOf,
    Function<V, String> accountOf) {

  public StreamChannel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(toJson, "toJson");
    Objects.requireNonNull(instrumentOf, "instrumentOf");
  }

  /** Whether values carry an account (subscriptions must then name a granted account). */
  public boolean perAccount() {
    return accountOf != null;
  }

  /** One value, mapped for publication. */
  StreamMessage message(V value) {
    return new StreamMessage(
        name,
        instrumentOf.apply(value),
        accountOf == null ? null : accountOf.apply(value),
        toJson.apply(value).put("channel", name).encode());
  }
}
