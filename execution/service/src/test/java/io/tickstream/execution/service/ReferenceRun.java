package io.tickstream.execution.service;

import io.tickstream.execution.service.config.TradingSettings;
import io.tickstream.execution.service.topology.ExecutionMetrics;
import io.tickstream.execution.service.topology.ExecutionTopology;
import io.tickstream.execution.service.venue.VenueFactory;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import io.tickstream.schemas.serde.RegistryClients;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/** The failure-free run of the topology (TopologyTestDriver), as the reference of crash tests. */
final class ReferenceRun implements AutoCloseable {
  private final String registry = "mock://reference-" + UUID.randomUUID();
  private final TopologyTestDriver driver;

  ReferenceRun(TradingSettings settings) {
    this(settings, TestTrading.paper());
  }

  /** A run whose accounts send orders to {@code venues}. */
  ReferenceRun(TradingSettings settings, VenueFactory venues) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reference");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            ExecutionTopology.topology(settings, venues, registry, ExecutionMetrics.detached()),
            props);
  }

  <V extends SpecificRecord> void pipe(Topic<String, V> topic, String key, V value) {
    driver
        .createInputTopic(
            topic.name(), new StringSerializer(), new AvroWireSerializer<>(topic, registry))
        .pipeInput(key, value);
  }

  List<OrderEvent> orderEvents() {
    return driver
        .createOutputTopic(
            Topics.ORDER_EVENTS.name(),
            new StringDeserializer(),
            new AvroWireDeserializer<>(Topics.ORDER_EVENTS, registry))
        .readValuesToList();
  }

  /** An order event without its wall-clock and interleaving-dependent times. */
  static String comparable(OrderEvent e) {
    OrderEvent copy = OrderEvent.newBuilder(e).setTsInit(0).setTsEvent(0).build();
    return copy.toString();
  }

  @Override
  public void close() {
    driver.close();
    RegistryClients.dropMockScope(registry);
  }
}
