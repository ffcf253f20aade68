package io.tickstream.execution.service.topology;

import io.tickstream.execution.ClientOrderIds;
import io.tickstream.execution.engine.EngineEvent;
import io.tickstream.execution.engine.EngineSnapshot;
import io.tickstream.execution.engine.ExecutionVenue;
import io.tickstream.execution.engine.TradingEngine;
import io.tickstream.execution.orders.OrderDenied;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderRejected;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.risk.TradingMode;
import io.tickstream.execution.service.config.AccountSettings;
import io.tickstream.execution.service.config.TradingSettings;
import io.tickstream.execution.service.venue.VenueFactory;
import io.tickstream.schemas.avro.ControlCommand;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trading engines of the accounts whose key hashes to this task: de-duplicates signals by
 * client order id, applies standing operator commands before every input (and every 100 ms of wall
 * time), and keeps each engine's state in changelogged in-memory stores, written in the same
 * transaction as the events it emits (exactly-once v2), so a restart continues where the last
 * commit left off.
 */
final class AccountProcessor implements Processor<String, AccountInput, String, SpecificRecord> {
  private static final Logger LOG = LoggerFactory.getLogger(AccountProcessor.class);
  private static final Duration CONTROL_POLL = Duration.ofMillis(100);

  private final TradingSettings settings;
  private final VenueFactory venues;
  private final ExecutionMetrics metrics;
  private final Map<String, LiveAccount> live = new HashMap<>();
  private ProcessorContext<String, SpecificRecord> context;
  private AccountStore accounts;
  private KeyValueStore<String, Long> dedupe;
  private KeyValueStore<String, AccountInput> prices;
  private ReadOnlyKeyValueStore<String, ControlCommand> control;

  AccountProcessor(TradingSettings settings, VenueFactory venues, ExecutionMetrics metrics) {
    this.settings = settings;
    this.venues = venues;
    this.metrics = metrics;
  }

  /** An account's engine and venue in memory, with its clock and the last command applied. */
  private static final class LiveAccount {
    final AccountSettings settings;
    TradingEngine engine;
    ExecutionVenue venue;
    long clock;
    long lastControlTs;

    LiveAccount(AccountSettings settings, long clock, long lastControlTs) {
      this.settings = settings;
      this.clock = clock;
      this.lastControlTs = lastControlTs;
    }
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    // A task re-initialised after a dirty close (exactly-once) must start from its stores, not
    // from engines that ran ahead of the last commit.
    live.clear();
    accounts = context.getStateStore(StoreNames.ACCOUNTS);
    dedupe = context.getStateStore(StoreNames.DEDUPE);
    prices = context.getStateStore(StoreNames.PRICES);
    control = context.getStateStore(StoreNames.CONTROL);
    context.schedule(CONTROL_POLL, PunctuationType.WALL_CLOCK_TIME, now -> applyControlToAll());
  }

  @Override
  public void process(Record<String, AccountInput> record) {
    Optional<AccountSettings> settingsOf = settings.account(record.key());
    if (settingsOf.isEmpty()) {
      LOG.warn("input for unconfigured account {} dropped", record.key());
      return;
    }
    LiveAccount a = live.computeIfAbsent(record.key(), k -> load(settingsOf.get()));
    applyControl(a);
    if (record.value() instanceof AccountInput.SignalInput s) {
      onSignal(a, s);
    } else if (record.value() instanceof AccountInput.MarketInput m) {
      onMarket(a, m);
    }
  }

  private void onSignal(LiveAccount a, AccountInput.SignalInput s) {
    metrics.signal();
    // The decision's event time is its bar's end (the engine's clock is event time, as market
    // updates set it). The signal's tsInit is wall time: on replayed or delayed market data it lies
    // after every later trade, and the paper broker (which fills only on data after an order) would
    // never fill the order (LiveBacktestParityIT in infra/stack).
    a.clock = Math.max(a.clock, s.signal().barEnd());
    String id = ClientOrderIds.fromSignal(s.signal(), s.revision(), a.settings.accountId());
    if (dedupe.get(id) != null) {
      metrics.duplicate();
      return;
    }
    Signal g = s.signal();
    Direction before = a.engine.lastActed(g.instrumentId(), g.strategyId());
    List<EngineEvent> events = a.engine.onSignal(g, s.revision(), a.clock);
    if (events.isEmpty()) {
      if (a.engine.lastActed(g.instrumentId(), g.strategyId()) != before) {
        persist(a); // already at target: the engine recorded the direction as acted on
      }
      return;
    }
    dedupe.put(id, a.clock);
    emit(a, events, s.signalId());
    persist(a);
  }

  private void onMarket(LiveAccount a, AccountInput.MarketInput m) {
    a.clock = Math.max(a.clock, m.update().tsEvent());
    prices.put(priceKey(a.settings.accountId(), m.update().instrumentId()), m);
    BigDecimal peak = a.engine.portfolio().peakEquity();
    List<EngineEvent> events = a.engine.onMarketUpdate(m.update());
    emit(a, events, null);
    if (!events.isEmpty() || a.engine.portfolio().peakEquity().compareTo(peak) != 0) {
      persist(a);
    }
  }

  private void applyControlToAll() {
    live.values().forEach(this::applyControl);
  }

  private void applyControl(LiveAccount a) {
    Optional<ControlCommand> standing = StandingCommand.of(control, a.settings.accountId());
    if (standing.isEmpty() || standing.get().getTsEvent() <= a.lastControlTs) {
      return;
    }
    ControlCommand c = standing.get();
    a.lastControlTs = c.getTsEvent();
    Optional<TradingMode> mode = StandingCommand.mode(c);
    if (mode.isEmpty()) {
      LOG.warn(
          "account {}: unknown control action in command {} ignored",
          a.settings.accountId(),
          c.getCommandId());
    } else {
      String why = c.getReason() + " (command " + c.getCommandId() + " by " + c.getIssuedBy() + ")";
      LOG.info(
          "account {}: {} -> {}: {}", a.settings.accountId(), a.engine.mode(), mode.get(), why);
      emit(a, a.engine.onControl(mode.get(), why, c.getTsEvent()), null);
      metrics.controlApplied();
    }
    persist(a);
  }

  private void emit(LiveAccount a, List<EngineEvent> events, String signalId) {
    if (events.isEmpty()) {
      return;
    }
    String accountId = a.settings.accountId();
    long tsInit = nowNanos();
    boolean portfolioChanged = false;
    long lastTs = a.clock;
    for (EngineEvent e : events) {
      lastTs = e.tsEvent();
      if (e instanceof EngineEvent.OrderUpdate u) {
        count(u);
        String cause = u.event() instanceof OrderFilled ? null : signalId;
        forward(accountId, AvroEvents.order(u.event(), accountId, cause, tsInit));
      } else if (e instanceof EngineEvent.PositionUpdate p) {
        portfolioChanged = true;
        forward(
            AvroEvents.positionKey(accountId, p.change().instrumentId()),
            AvroEvents.position(p.change(), tsInit));
      } else if (e instanceof EngineEvent.ModeChanged) {
        portfolioChanged = true;
      }
    }
    if (portfolioChanged) {
      TradingEngine engine = a.engine;
      forward(
          accountId,
          AvroEvents.snapshot(
              accountId,
              engine.portfolio(),
              a.settings.account().currency(),
              engine.mode(),
              a.venue.workingOrders().size(),
              lastTs,
              tsInit));
    }
  }

  private void count(EngineEvent.OrderUpdate u) {
    if (u.event() instanceof OrderSubmitted) {
      metrics.submitted();
    } else if (u.event() instanceof OrderDenied) {
      metrics.denied();
    } else if (u.event() instanceof OrderRejected) {
      metrics.rejected();
    } else if (u.event() instanceof OrderFilled) {
      metrics.filled();
    }
  }

  private void forward(String key, SpecificRecord value) {
    context.forward(new Record<>(key, value, context.currentSystemTimeMs()));
  }

  /**
   * Marks the account's state changed: {@link AccountStore} snapshots it at the next commit (once
   * per commit, however many inputs changed it). The engine first forgets the ids it has seen (the
   * dedupe store has them) and its closed trades (reported as events already), so memory and
   * snapshot cost stay bounded however long the service runs; the live engine then equals one
   * restored from the store, as after a restart.
   */
  private void persist(LiveAccount a) {
    a.engine.forgetHistory();
    accounts.markDirty(a.settings.accountId(), () -> stored(a));
  }

  private static StoredAccount stored(LiveAccount a) {
    EngineSnapshot compact = StoredAccount.compact(a.engine.snapshot());
    return new StoredAccount(compact, a.clock, a.lastControlTs);
  }

  /** Starts the account's engine from {@code snapshot} (null: a fresh account). */
  private void start(LiveAccount a, EngineSnapshot snapshot) {
    AccountSettings s = a.settings;
    a.venue = venues.create(s, settings.instruments());
    a.engine =
        snapshot == null
            ? new TradingEngine(
                s.account(), settings.instruments(), s.sizer(), a.venue, s.options())
            : TradingEngine.restore(
                snapshot, s.account(), settings.instruments(), s.sizer(), a.venue, s.options());
  }

  /** The account's engine as the last commit left it, or a fresh one. */
  private LiveAccount load(AccountSettings s) {
    String id = s.accountId();
    Map<String, BigDecimal> latest = new HashMap<>();
    long clock = Long.MIN_VALUE;
    try (var it = prices.prefixScan(id + "|", new StringSerializer())) {
      while (it.hasNext()) {
        var m = (AccountInput.MarketInput) it.next().value;
        latest.put(m.update().instrumentId(), m.update().last());
        clock = Math.max(clock, m.update().tsEvent());
      }
    }
    StoredAccount stored = accounts.get(id);
    LiveAccount a =
        new LiveAccount(
            s,
            stored == null ? clock : Math.max(clock, stored.clock()),
            stored == null ? Long.MIN_VALUE : stored.lastControlTs());
    start(a, null);
    if (stored != null || !latest.isEmpty()) {
      EngineSnapshot base = stored != null ? stored.snapshot() : a.engine.snapshot();
      start(a, StoredAccount.withPrices(base, latest));
      LOG.info(
          "account {}: engine restored (mode {}, {} working orders)",
          id,
          a.engine.mode(),
          base.openOrders().size());
    }
    return a;
  }

  static String priceKey(String accountId, String instrumentId) {
    return accountId + "|" + instrumentId;
  }

  private static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
