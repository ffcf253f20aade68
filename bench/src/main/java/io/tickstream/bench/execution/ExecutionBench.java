package io.tickstream.bench.execution;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.service.ExecutionService;
import io.tickstream.execution.service.ServiceTopics;
import io.tickstream.execution.service.config.AccountSettings;
import io.tickstream.execution.service.config.MarketDataSource;
import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.ConfiguredVenues;
import io.tickstream.execution.service.venue.VenueStats;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.schemas.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Signals to order acknowledgements through the real execution service (Kafka Streams, exactly-once
 * v2, paper broker) on an in-process broker.
 *
 * <p>Throughput: {@code --signals} signals (each flips its instrument's direction, so each is an
 * order) and as many quotes (each fills the order before it) are loaded first; the rate is signals
 * over the time from the first to the last ACCEPTED event read (read_committed) from {@code
 * orders.events}. Before it, {@link EosBaseline} passes the same signals through an exactly-once
 * app of the same shape doing no work: the ratio to it is the comparable figure on a loaded box.
 * Latency: then {@code --rate} signals/s for {@code --seconds}, each timed from its send to its
 * ACCEPTED event's arrival. Writes {@code bench/results/execution-<timestamp>.json} under {@code
 * -Dtickstream.home}.
 *
 * <p>The input topics have one partition. Every market update goes to every account, and an
 * account's clock is the latest event time it has seen; an order fills only on data of its
 * instrument later than that (no look-ahead). With inputs on several partitions, processed by
 * different tasks at different speeds, an account receives one partition's quotes far ahead of the
 * other's, so the orders of the lagging partition's instruments wait (correctly) until their quotes
 * catch up: thousands of orders stayed working, and as every state change stores the account with
 * its working orders, the run slowed quadratically and never finished. One input partition keeps
 * each signal's quote right behind it. The account topic has two partitions and the two accounts
 * one each, so both stream threads work. The run fails (exit status 1) rather than hang: when no
 * acknowledgement arrives for a minute, or past {@code --deadline-s}.
 */
public final class ExecutionBench {
  private static final int ACCOUNT_PARTITIONS = 2;

  private ExecutionBench() {}

  public static void main(String[] args) {
    try {
      run(options(args));
    } catch (Exception e) {
      // Exit even though Kafka's and the service's threads still run: a failed benchmark must end.
      System.err.println("execution bench: " + e.getMessage());
      if (!(e instanceof BenchFailure)) {
        e.printStackTrace();
      }
      System.exit(1);
    }
  }

  private static void run(Map<String, String> opt) throws Exception {
    int signals = Integer.parseInt(opt.getOrDefault("signals", "100000"));
    int instruments = Integer.parseInt(opt.getOrDefault("instruments", "50"));
    int accounts = Integer.parseInt(opt.getOrDefault("accounts", "2"));
    int commitMs = Integer.parseInt(opt.getOrDefault("commit-ms", "10"));
    int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
    int rate = Integer.parseInt(opt.getOrDefault("rate", "500"));
    int seconds = Integer.parseInt(opt.getOrDefault("seconds", "5"));
    // The whole run must end by then; a phase also fails when no acknowledgement arrives for
    // STALL (the service stopped making progress), instead of waiting for the deadline.
    long deadline =
        System.nanoTime()
            + Duration.ofSeconds(Long.parseLong(opt.getOrDefault("deadline-s", "600"))).toNanos();
    Path home = Path.of(System.getProperty("tickstream.home", "."));
    Path dir = Files.createTempDirectory("execution-bench");
    String registry = "mock://execution-bench";

    EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    ServiceConfig config =
        config(kafka.bootstrapServers(), registry, dir, instruments, accounts, commitMs, threads);
    // One partition for the inputs (see the class comment), two for the outputs.
    ServiceTopics.ensure(kafka.bootstrapServers(), List.of(Topics.SIGNALS, Topics.QUOTES), 1);
    ServiceTopics.ensure(kafka.bootstrapServers(), ServiceTopics.of(config), 2);
    // Whole rounds of an even count: every instrument's direction flips on every signal.
    int perPhase = Math.max(2, signals / (2 * instruments)) * 2 * instruments;

    AckCollector acks = new AckCollector(kafka.bootstrapServers(), registry);
    long latencyStart;
    try (BenchFeed feed = new BenchFeed(kafka.bootstrapServers(), registry, instruments, 0, 5)) {
      feed.openingQuotes();
      for (int n = 0; n < perPhase; n++) {
        feed.next();
      }
      feed.flush();
      latencyStart = feed.sequence();
    }
    System.out.printf("loaded %d signals and %d quotes%n", perPhase, perPhase);
    long baselineCpu0 = BenchReport.processCpuNanos();
    double baseline =
        EosBaseline.run(
            kafka.bootstrapServers(),
            dir.resolve("baseline-state"),
            perPhase,
            commitMs,
            threads,
            deadline);
    double baselineCpuUs = (BenchReport.processCpuNanos() - baselineCpu0) / 1e3 / perPhase;
    System.out.printf(
        "baseline (same shape and settings, no work): %.0f signals/s, process CPU %.1f us per"
            + " signal; starting the service%n",
        baseline, baselineCpuUs);
    VenueStats stats = VenueStats.detached();
    ExecutionService service =
        new ExecutionService(
            config,
            ConfiguredVenues.of(config.venue(), config.stateDir(), stats),
            new SimpleMeterRegistry());
    long cpu0 = BenchReport.processCpuNanos();
    service.start();
    await(() -> acks.acks.get() >= perPhase, perPhase, deadline, "throughput phase", acks, service);
    // CPU of the whole process (service, in-process broker, consumers): on a shared box, the
    // figure that does not depend on what else runs.
    double cpuPerSignalUs = (BenchReport.processCpuNanos() - cpu0) / 1e3 / perPhase;
    service
        .streams()
        .metrics()
        .forEach(
            (name, metric) -> {
              if (name.group().equals("stream-thread-metrics")
                  && java.util.Set.of(
                          "commit-latency-avg",
                          "commit-rate",
                          "poll-records-avg",
                          "process-records-avg",
                          "process-latency-avg",
                          "punctuate-latency-avg")
                      .contains(name.name())) {
                System.out.printf(
                    "  %s %s = %s%n",
                    name.tags().get("thread-id").replaceAll(".*-", ""),
                    name.name(),
                    metric.metricValue());
              }
            });
    double seconds1 = (acks.lastAckNanos.get() - acks.firstAckNanos.get()) / 1e9;
    double perSecond = perPhase / seconds1;
    System.out.printf(
        "throughput: %d signals acknowledged in %.2f s: %.0f signals/s (denied %d), %.2f of the"
            + " baseline; process CPU %.1f us per signal (broker included; %.1f x the"
            + " baseline's)%n",
        perPhase,
        seconds1,
        perSecond,
        acks.denied.get(),
        perSecond / baseline,
        cpuPerSignalUs,
        cpuPerSignalUs / baselineCpuUs);

    acks.recordTimes(true);
    Map<String, Long> sent = new HashMap<>();
    int latencySignals = rate * seconds;
    long base = acks.acks.get();
    try (BenchFeed feed =
        new BenchFeed(kafka.bootstrapServers(), registry, instruments, latencyStart, 0)) {
      long start = System.nanoTime();
      for (int k = 0; k < latencySignals; k++) {
        long due = start + (long) (k * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        long at = BenchFeed.nowNanos();
        sent.put(feed.next(), at);
      }
      feed.flush();
    }
    await(
        () -> acks.acks.get() >= base + latencySignals,
        latencySignals,
        deadline,
        "latency phase",
        acks,
        service);
    List<Double> millis = new ArrayList<>();
    sent.forEach(
        (id, at) -> {
          Long ack = acks.ackTimes.get(id);
          if (ack != null) {
            millis.add((ack - at) / 1e6);
          }
        });
    millis.sort(Double::compare);
    double p50 = BenchReport.percentile(millis, 0.50);
    double p99 = BenchReport.percentile(millis, 0.99);
    double max = millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1);
    System.out.printf(
        "latency: %d signals at %d/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        millis.size(), rate, p50, p99, max);

    acks.close();
    service.close();
    kafka.close();
    Path file =
        BenchReport.write(
            home,
            perPhase,
            perSecond,
            baseline,
            cpuPerSignalUs,
            baselineCpuUs,
            millis.size(),
            rate,
            p50,
            p99,
            max,
            commitMs,
            threads,
            accounts,
            instruments);
    System.out.println("results: " + file);
    System.out.println("note: measured on a shared 2-core box; use the figures as ratios");
    System.out.printf("execution: signals_per_s=%.0f p99_signal_to_ack_ms=%.2f%n", perSecond, p99);
    System.exit(0);
  }

  private static ServiceConfig config(
      String bootstrap,
      String registry,
      Path dir,
      int instruments,
      int accountCount,
      int commitMs,
      int threads) {
    List<Instrument> catalogue = new ArrayList<>();
    for (int i = 0; i < instruments; i++) {
      catalogue.add(
          new Instrument(BenchFeed.instrument(i), new BigDecimal("0.01"), BigDecimal.ONE));
    }
    BigDecimal big = new BigDecimal("1000000000000");
    RiskLimits limits =
        new RiskLimits(
            big,
            big,
            big,
            new BigDecimal("100"),
            Integer.MAX_VALUE,
            1_000_000_000L,
            big,
            new BigDecimal("0.99"),
            Set.of());
    List<AccountSettings> accounts = new ArrayList<>();
    for (int a = 0; a < accountCount; a++) {
      Set<String> strategies = new HashSet<>();
      for (int i = a; i < instruments; i += accountCount) {
        strategies.add("s" + i);
      }
      accounts.add(
          new AccountSettings(
              new AccountConfig(
                  accountId(a, accountCount), "USD", new BigDecimal("100000000"), limits),
              strategies,
              new FixedNotionalSizer(new BigDecimal("10000")),
              EngineOptions.DEFAULT));
    }
    FillModel fills =
        new FillModel(BigDecimal.ZERO, BigDecimal.ONE, CommissionSchedule.FREE, LocalTime.MAX);
    return new ServiceConfig(
        bootstrap,
        registry,
        "execution-bench",
        dir.resolve("state"),
        commitMs,
        threads,
        ACCOUNT_PARTITIONS,
        MarketDataSource.QUOTES,
        0,
        new VenueSettings.Paper(fills),
        Instruments.of(catalogue),
        accounts);
  }

  /**
   * An account id whose key hashes (Kafka's default partitioner, which the repartition topic uses)
   * to account partition {@code a mod 2}: with two accounts each stream thread gets one (the
   * obvious "bench-0" and "bench-1" share a partition, leaving one thread idle).
   */
  static String accountId(int a, int accountCount) {
    int partition = a % ACCOUNT_PARTITIONS;
    for (int k = a; ; k += accountCount) {
      String id = "bench-" + k;
      if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % ACCOUNT_PARTITIONS
          == partition) {
        return id;
      }
    }
  }

  /** No acknowledgement for this long fails a phase: the service is not making progress. */
  private static final Duration STALL = Duration.ofSeconds(60);

  /**
   * Waits until {@code done}; fails with what was reached when the run's deadline passes or no
   * acknowledgement arrives for {@link #STALL}, instead of hanging.
   */
  private static void await(
      BooleanSupplier done,
      long expected,
      long deadline,
      String what,
      AckCollector acks,
      ExecutionService service) {
    long start = System.nanoTime();
    long report = start;
    long lastProgress = start;
    long lastCount = acks.acks.get();
    while (!done.getAsBoolean()) {
      long now = System.nanoTime();
      long count = acks.acks.get();
      if (count != lastCount) {
        lastCount = count;
        lastProgress = now;
      }
      String why =
          now > deadline
              ? "the run's deadline (--deadline-s) passed"
              : now - lastProgress > STALL.toNanos()
                  ? "no acknowledgement for " + STALL.toSeconds() + " s"
                  : service.state() == KafkaStreams.State.ERROR
                          || service.state() == KafkaStreams.State.NOT_RUNNING
                      ? "the service stopped (" + service.state() + ")"
                      : null;
      if (why != null) {
        throw new BenchFailure(
            String.format(
                Locale.ROOT,
                "%s failed: %s; %d acknowledgements in %.0f s (%d expected), %d denials,"
                    + " Streams %s",
                what,
                why,
                count,
                (now - start) / 1e9,
                expected,
                acks.denied.get(),
                service.state()));
      }
      if (now - report > 5_000_000_000L) {
        report = now;
        System.out.printf("  %s: %d acks so far%n", what, count);
      }
      LockSupport.parkNanos(10_000_000L);
    }
  }

  /** The benchmark could not finish: reported on stderr, exit status 1. */
  static final class BenchFailure extends RuntimeException {
    BenchFailure(String message) {
      super(message);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }
}
