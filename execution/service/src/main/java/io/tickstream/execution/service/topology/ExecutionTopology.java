package io.tickstream.execution.service.topology;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.service.config.TradingSettings;
import io.tickstream.execution.service.venue.VenueFactory;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.ControlCommand;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.PortfolioSnapshot;
import io.tickstream.schemas.avro.PositionState;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import io.tickstream.schemas.serde.AvroWireSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The execution service as a Kafka Streams topology:
 *
 * <pre>
 * signals ──> route to following accounts ─┐
 * md.quotes|md.trades|md.bars ──> to all ──┴─> repartition by account ─> AccountProcessor
 * control.commands ──> global store (read before every input) ─────────────┘   │
 *     orders.events (key account) &lt;── portfolio.positions (key account|instrument) ─┤
 *     portfolio.snapshots (key account) &lt;─────────────────────────────────────────┘
 * </pre>
 *
 * One internal topic keyed by account gives every account one ordered log of its inputs. All stores
 * are in memory and changelogged: no RocksDB, so the service can share a JVM with Flink's
 * MiniCluster (whose frocksdbjni clashes with rocksdbjni). Control commands bypass the account log
 * through a global store, so a halt overtakes a backlog of signals instead of queueing behind it.
 *
 * <p>Why two exactly-once hops (the internal topic is a second transaction on a signal's way):
 * signals and market data arrive keyed by instrument, while an account's limits (credit, drawdown,
 * order rate) span all its instruments. Processing the input topics directly would split an
 * account's state over the tasks of the input partitions; the account-keyed log gives each account
 * one task and one order of inputs, which the failure-free reference of the crash tests relies on.
 */
public final class ExecutionTopology {
  private ExecutionTopology() {}

  /**
   * The topology.
   *
   * @param settings instruments, accounts, market data source, account partitions
   * @param venues creates each account's venue (paper broker or REST client)
   * @param registryUrl schema registry of the Avro topics ({@code mock://scope} in tests)
   * @param metrics counters the processor updates
   */
  public static Topology topology(
      TradingSettings settings, VenueFactory venues, String registryUrl, ExecutionMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    AccountRouter router = new AccountRouter(settings);
    AccountInputSerde inputSerde = new AccountInputSerde();

    KStream<String, AccountInput> signals =
        builder.stream(Topics.SIGNALS.name(), consumed(Topics.SIGNALS, registryUrl))
            .flatMap((k, v) -> router.signal(v), Named.as("route-signals"));
    KStream<String, AccountInput> market =
        marketData(builder, settings, registryUrl)
            .flatMap((k, v) -> router.market(v), Named.as("route-market-data"));

    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.CONTROL),
                Serdes.String(),
                serde(Topics.CONTROL_COMMANDS, registryUrl))
            .withLoggingDisabled(),
        Topics.CONTROL_COMMANDS.name(),
        consumed(Topics.CONTROL_COMMANDS, registryUrl),
        () -> new ControlStoreWriter());

    builder.addStateStore(AccountStore.builder(StoreNames.ACCOUNTS));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreNames.DEDUPE), Serdes.String(), Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.PRICES), Serdes.String(), inputSerde)
            .withCachingEnabled());

    KStream<String, SpecificRecord> out =
        signals
            .merge(market, Named.as("merge-inputs"))
            .repartition(
                Repartitioned.with(Serdes.String(), (Serde<AccountInput>) inputSerde)
                    .withName("account-input")
                    .withNumberOfPartitions(settings.accountPartitions()))
            .process(
                () -> new AccountProcessor(settings, venues, metrics),
                Named.as("accounts"),
                StoreNames.ACCOUNTS,
                StoreNames.DEDUPE,
                StoreNames.PRICES);

    out.filter((k, v) -> v instanceof OrderEvent, Named.as("order-events"))
        .mapValues(v -> (OrderEvent) v)
        .to(Topics.ORDER_EVENTS.name(), produced(Topics.ORDER_EVENTS, registryUrl));
    out.filter((k, v) -> v instanceof PositionState, Named.as("positions"))
        .mapValues(v -> (PositionState) v)
        .to(Topics.POSITIONS.name(), produced(Topics.POSITIONS, registryUrl));
    out.filter((k, v) -> v instanceof PortfolioSnapshot, Named.as("portfolio-snapshots"))
        .mapValues(v -> (PortfolioSnapshot) v)
        .to(Topics.PORTFOLIO_SNAPSHOTS.name(), produced(Topics.PORTFOLIO_SNAPSHOTS, registryUrl));
    return builder.build();
  }

  private static KStream<String, MarketUpdate> marketData(
      StreamsBuilder builder, TradingSettings settings, String registryUrl) {
    return switch (settings.marketData()) {
      case QUOTES ->
          builder.stream(Topics.QUOTES.name(), consumed(Topics.QUOTES, registryUrl))
              .mapValues(AccountRouter::quote);
      case TRADES ->
          builder.stream(Topics.TRADES.name(), consumed(Topics.TRADES, registryUrl))
              .mapValues(AccountRouter::trade);
      case BARS ->
          builder.stream(Topics.BARS.name(), consumed(Topics.BARS, registryUrl))
              .mapValues(AccountRouter::bar);
    };
  }

  /** Keeps the latest command per key (account or *) in the global control store. */
  private static final class ControlStoreWriter
      implements Processor<String, ControlCommand, Void, Void> {
    private KeyValueStore<String, ControlCommand> store;

    @Override
    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
      store = context.getStateStore(StoreNames.CONTROL);
    }

    @Override
    public void process(Record<String, ControlCommand> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }

  static <V extends SpecificRecord> Serde<V> serde(Topic<String, V> topic, String registryUrl) {
    return Serdes.serdeFrom(
        new AvroWireSerializer<>(topic, registryUrl),
        new AvroWireDeserializer<>(topic, registryUrl));
  }

  private static <V extends SpecificRecord> Consumed<String, V> consumed(
      Topic<String, V> topic, String registryUrl) {
    return Consumed.with(Serdes.String(), serde(topic, registryUrl));
  }

  private static <V extends SpecificRecord> Produced<String, V> produced(
      Topic<String, V> topic, String registryUrl) {
    return Produced.with(Serdes.String(), serde(topic, registryUrl));
  }
}
