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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

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
 */
public final class ExecutionBench {
  private ExecutionBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    int signals = Integer.parseInt(opt.getOrDefault("signals", "100000"));
    int instruments = Integer.parseInt(opt.getOrDefault("instruments", "50"));
    int accounts = Integer.parseInt(opt.getOrDefault("accounts", "2"));
    int commitMs = Integer.parseInt(opt.getOrDefault("commit-ms", "10"));
    int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
    int rate = Integer.parseInt(opt.getOrDefault("rate", "500"));
    int seconds = Integer.parseInt(opt.getOrDefault("seconds", "5"));
    Path home = Path.of(System.getProperty("tickstream.home", "."));
    Path dir = Files.createTempDirectory("execution-bench");
    String registry = "mock://execution-bench";

    EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    ServiceConfig config =
        config(kafka.bootstrapServers(), registry, dir, instruments, accounts, commitMs, threads);
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
    double baseline =
        EosBaseline.run(
            kafka.bootstrapServers(), dir.resolve("baseline-state"), perPhase, commitMs, threads);
    System.out.printf(
        "baseline (same shape and settings, no work): %.0f signals/s; starting the service%n",
        baseline);
    VenueStats stats = VenueStats.detached();
    ExecutionService service =
        new ExecutionService(
            config,
            ConfiguredVenues.of(config.venue(), config.stateDir(), stats),
            new SimpleMeterRegistry());
    long cpu0 = BenchReport.processCpuNanos();
    service.start();
    await(() -> acks.acks.get() >= perPhase, 600, "throughput phase", acks);
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
            + " baseline; process CPU %.1f us per signal (broker included)%n",
        perPhase, seconds1, perSecond, acks.denied.get(), perSecond / baseline, cpuPerSignalUs);

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
    await(() -> acks.acks.get() >= base + latencySignals, 120, "latency phase", acks);
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
              new AccountConfig("bench-" + a, "USD", new BigDecimal("100000000"), limits),
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
        2,
        MarketDataSource.QUOTES,
        0,
        new VenueSettings.Paper(fills),
        Instruments.of(catalogue),
        accounts);
  }

  private static void await(
      java.util.function.BooleanSupplier done, int seconds, String what, AckCollector acks) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long report = System.nanoTime();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " did not finish: " + acks.acks.get() + " acks");
      }
      if (System.nanoTime() - report > 5_000_000_000L) {
        report = System.nanoTime();
        System.out.printf("  %s: %d acks so far%n", what, acks.acks.get());
      }
      LockSupport.parkNanos(10_000_000L);
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
