package io.tickstream.execution.service.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The {@code execution-accounts} store: each account's state, written to its changelog once per
 * commit instead of once per input.
 *
 * <p>Why not a plain store: an account's state (positions, marks, working orders, the order times
 * in the risk engine's rate window) was serialised and put on every input that changed it, so the
 * cost of one signal grew with the size of the account (with 25,000 orders a second in a one-second
 * rate window, 200 kB per signal: 80% of the service's CPU in the benchmark). Kafka Streams' record
 * cache keeps only the last value per key until the commit, but it holds bytes, so the value is
 * still serialised on every put. This store keeps a {@link Supplier} of the state per account
 * marked dirty, and calls it, serialises once and writes through a changelogged in-memory store
 * when Streams flushes caches before a commit ({@link CachedStateStore#flushCache}: the same hook
 * the record cache uses, inside the commit's transaction under exactly-once). So the changelog, and
 * what a restart restores, is the state as of each commit, exactly as before.
 *
 * <p>The hook is a Kafka Streams internal interface (there is no public pre-commit callback for
 * processors or stores). The crash and kill tests ({@code ExecutionCrashIT}, {@code
 * ExecutionKillIT}) restart the service from its changelogs and compare with a failure-free run, so
 * an upgrade that stops calling it fails them instead of losing state silently.
 */
final class AccountStore implements StateStore, CachedStateStore<String, StoredAccount> {
  private final KeyValueStore<String, StoredAccount> inner;
  private final Map<String, Supplier<StoredAccount>> dirty = new LinkedHashMap<>();

  private AccountStore(KeyValueStore<String, StoredAccount> inner) {
    this.inner = inner;
  }

  /** The builder of the store named {@code name}: in memory, changelogged, no record cache. */
  static StoreBuilder<AccountStore> builder(String name) {
    KeyValueBytesStoreSupplier bytes = Stores.inMemoryKeyValueStore(name);
    Serde<StoredAccount> serde = StoredAccount.serde();
    return new Builder(Stores.keyValueStoreBuilder(bytes, Serdes.String(), serde));
  }

  /** The state of {@code accountId} as of the last {@link #markDirty} or commit; null if none. */
  StoredAccount get(String accountId) {
    Supplier<StoredAccount> pending = dirty.get(accountId);
    return pending != null ? pending.get() : inner.get(accountId);
  }

  /**
   * Marks {@code accountId} changed: {@code state} is called at the next commit (not now), and must
   * then return the account's state at that moment.
   */
  void markDirty(String accountId, Supplier<StoredAccount> state) {
    dirty.put(accountId, state);
  }

  /** Writes the dirty accounts to the changelogged store: called before every commit. */
  @Override
  public void flushCache() {
    if (dirty.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Supplier<StoredAccount>> e : dirty.entrySet()) {
      inner.put(e.getKey(), e.getValue().get());
    }
    dirty.clear();
  }

  /** Drops what was not committed (a task closed dirty under exactly-once). */
  @Override
  public void clearCache() {
    dirty.clear();
  }

  @Override
  public boolean setFlushListener(
      CacheFlushListener<String, StoredAccount> listener, boolean sendOldValues) {
    return false;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    inner.init(context, root);
  }

  @Override
  public void flush() {
    flushCache();
    inner.flush();
  }

  @Override
  public void close() {
    dirty.clear();
    inner.close();
  }

  @Override
  public boolean persistent() {
    return inner.persistent();
  }

  @Override
  public boolean isOpen() {
    return inner.isOpen();
  }

  /** Builds the changelogged in-memory store and wraps it. */
  private static final class Builder implements StoreBuilder<AccountStore> {
    private final StoreBuilder<KeyValueStore<String, StoredAccount>> inner;

    Builder(StoreBuilder<KeyValueStore<String, StoredAccount>> inner) {
      this.inner = inner;
    }

    @Override
    public StoreBuilder<AccountStore> withCachingEnabled() {
      throw new UnsupportedOperationException("the account store is its own cache");
    }

    @Override
    public StoreBuilder<AccountStore> withCachingDisabled() {
      return this;
    }

    @Override
    public StoreBuilder<AccountStore> withLoggingEnabled(Map<String, String> config) {
      inner.withLoggingEnabled(config);
      return this;
    }

    @Override
    public StoreBuilder<AccountStore> withLoggingDisabled() {
      throw new UnsupportedOperationException("the account store must be changelogged");
    }

    @Override
    public AccountStore build() {
      return new AccountStore(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
      return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
      return inner.loggingEnabled();
    }

    @Override
    public String name() {
      return inner.name();
    }
  }
}
