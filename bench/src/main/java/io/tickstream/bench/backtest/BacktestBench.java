package io.tickstream.bench.backtest;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.Backtest;
import io.tickstream.execution.backtest.BacktestConfig;
import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.source.BarSource;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.metrics.MetricsConventions;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.sizing.FractionOfEquitySizer;
import io.tickstream.signals.BarInput;
import io.tickstream.signals.strategies.Strategy;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Backtest throughput: a vote of three strategies (SMA 10/30 crossover, RSI(14) mean reversion,
 * Bollinger(20, 2) reversion) per instrument, over 100 instruments x 100,000 one-minute bars
 * (seeded random walks), through the full engine (sizing, risk, paper fills with slippage and
 * commission, exact portfolio accounting, equity curve and report).
 *
 * <p><b>A bar event</b> is one bar of one instrument processed by the backtest: the bar read from
 * the source (as exact decimals), its market updates through the engine (fills of orders decided on
 * the previous bar, marks), the three voting strategies and the vote updated with it, the vote's
 * signal handed to the engine (and, when the wanted position changes, sizing, the risk check, the
 * order, its fill and the exact accounting), and the equity point recorded. A bar counts once
 * however many strategies vote on it: 10,000,000 bars are 10,000,000 bar events, not 30,000,000.
 *
 * <p>Instruments run in parallel on a fixed pool of {@code availableProcessors()} threads. <b>Per
 * core</b>: the headline figure is bar events per second of wall time divided by that number of
 * threads (= cores), i.e. wall-clock x cores, not CPU time. It is the conservative figure: it
 * charges the run with everything that kept the cores from the workers (garbage collection pauses,
 * the JIT, an uneven last batch of instruments) and, on a shared machine, with other processes' use
 * of the cores too. Two CPU-time figures are printed beside it for a loaded machine: {@code
 * bar_events_per_worker_cpu_second} (bar events per CPU-second the worker threads got; it leaves
 * out the collector's and the JIT's threads, so it is the optimistic bound) and {@code
 * bar_events_per_process_cpu_second} (per CPU-second of the whole process, collector and JIT
 * included: what the run cost in CPU whatever else shared the machine). On an idle machine the
 * headline lies between the two only when the workers wait for the collector; the round's
 * collection time is printed and recorded to show how much.
 *
 * <p>Bar generation (seeded random walks into primitive arrays) happens once, before any round;
 * turning the stored integers into a {@code Bar} of exact decimals is timed, as a file or database
 * source's decoding would be.
 *
 * <p>Arguments (optional): instruments, bars per instrument, rounds. The first round warms up the
 * JIT and is not counted; the best of the timed rounds is reported (the machine is shared, so the
 * best round is the one least disturbed by other load). Writes {@code
 * bench/results/backtest-<timestamp>.json} under {@code -Dtickstream.home} (default: the current
 * directory) and ends with {@code backtest: bar_events_per_s_per_core=<x>}.
 */
public final class BacktestBench {

  private BacktestBench() {}

  public static void main(String[] args) throws Exception {
    int instruments = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int barsPer = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int threads = Runtime.getRuntime().availableProcessors();
    Path home = Path.of(System.getProperty("tickstream.home", "."));

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<GeneratedBars> data = generate(instruments, barsPer, pool);
      long bars = (long) instruments * barsPer;
      System.out.printf(
          Locale.ROOT, "%d instruments x %d bars, %d threads%n", instruments, barsPer, threads);
      double best = Double.NaN;
      double bestCpu = Double.NaN;
      long checksum = 0;
      List<Double> timed = new ArrayList<>();
      long fills = 0;
      double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      double bestProcessCpu = Double.NaN;
      double bestRoundGcShare = Double.NaN;
      for (int round = 0; round <= rounds; round++) {
        long gc0 = gcMillis();
        long process0 = processCpuNanos();
        long t0 = System.nanoTime();
        long[] totals = runAll(data, pool);
        long wall = System.nanoTime() - t0;
        double seconds = wall / 1e9;
        double gcShare = (gcMillis() - gc0) * 1e6 / wall;
        double perCore = bars / seconds / threads;
        double perCpuSecond = bars / (totals[2] / 1e9);
        double perProcessCpuSecond = bars / ((processCpuNanos() - process0) / 1e9);
        System.out.printf(
            Locale.ROOT,
            "round %d%s: %.2f s, %.0f bars/s, %.0f bars/s/core (wall), %.0f bars per CPU-second"
                + " of the workers, %.0f per CPU-second of the process, collector %.0f %% of the"
                + " wall time, %d fills%n",
            round,
            round == 0 ? " (warm-up)" : "",
            seconds,
            bars / seconds,
            perCore,
            perCpuSecond,
            perProcessCpuSecond,
            100 * gcShare,
            totals[1]);
        if (round > 0) {
          timed.add(perCore);
          if (Double.isNaN(best) || perCore > best) {
            bestRoundGcShare = gcShare;
          }
          best = Double.isNaN(best) ? perCore : Math.max(best, perCore);
          bestCpu = Double.isNaN(bestCpu) ? perCpuSecond : Math.max(bestCpu, perCpuSecond);
          bestProcessCpu =
              Double.isNaN(bestProcessCpu)
                  ? perProcessCpuSecond
                  : Math.max(bestProcessCpu, perProcessCpuSecond);
        }
        checksum = totals[0];
        fills = totals[1];
      }
      double strategiesOnly = strategiesOnly(data, pool);
      System.out.printf(
          Locale.ROOT,
          "strategies alone (the same vote, no engine): %.0f bars per CPU-second%n",
          strategiesOnly);
      System.out.printf(
          Locale.ROOT,
          "best: %.0f bar events/s/core (wall), %.0f bar events per worker CPU-second, %.0f per"
              + " process CPU-second%n",
          best,
          bestCpu,
          bestProcessCpu);
      Path file =
          new BacktestFigures(
                  instruments,
                  barsPer,
                  threads,
                  timed,
                  best,
                  bestCpu,
                  bestProcessCpu,
                  bestRoundGcShare,
                  strategiesOnly,
                  fills,
                  loadAtStart,
                  checksum)
              .write(home);
      System.out.println("results: " + file);
      System.out.printf(Locale.ROOT, "backtest: bar_events_per_s_per_core=%.0f%n", best);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The same bars through the vote alone (no engine, no orders), bars per worker CPU-second: the
   * share of the figure that belongs to the strategies rather than the backtest.
   */
  private static double strategiesOnly(List<GeneratedBars> data, ExecutorService pool)
      throws Exception {
    List<Future<Long>> futures = new ArrayList<>();
    for (GeneratedBars bars : data) {
      StrategyPlan plan = config(bars.instrumentId).strategy();
      futures.add(
          pool.submit(
              () -> {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                Strategy strategy = plan.create();
                long longs = 0;
                try (BarSource source = bars.source()) {
                  while (source.hasNext()) {
                    longs += strategy.onBar(BarInput.of(source.next())).direction().sign();
                  }
                }
                sink += longs;
                return THREADS.getCurrentThreadCpuTime() - cpu0;
              }));
    }
    long cpu = 0;
    for (Future<Long> f : futures) {
      cpu += f.get();
    }
    return (double) data.size() * data.get(0).size() / (cpu / 1e9);
  }

  // Keeps the JIT from discarding the strategies-only loop.
  private static volatile long sink;

  private static List<GeneratedBars> generate(int instruments, int barsPer, ExecutorService pool)
      throws Exception {
    List<Future<GeneratedBars>> futures = new ArrayList<>();
    for (int i = 0; i < instruments; i++) {
      String id = String.format(Locale.ROOT, "SIM%03d.BENCH", i);
      long seed = 42L + i;
      futures.add(pool.submit(() -> new GeneratedBars(id, barsPer, seed)));
    }
    List<GeneratedBars> out = new ArrayList<>();
    for (Future<GeneratedBars> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU time of the whole process (all threads, the collector's and the JIT's included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Time the collectors report having spent collecting, over all of them (pauses with G1). */
  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /**
   * What the bench keeps of one instrument's result. The worker reduces the result to these figures
   * before it returns: holding 100 complete results (10 million curve points, 1.7 million fills)
   * until the round ends would only make the collector copy them between young collections, a cost
   * no caller of the backtest pays (a caller keeps one result, not a hundred).
   */
  private record Timed(long equityCents, int fills, long cpuNanos) {}

  /** Runs every instrument; returns {sum of final equity in cents, fills, CPU nanoseconds}. */
  private static long[] runAll(List<GeneratedBars> data, ExecutorService pool) throws Exception {
    List<Future<Timed>> futures = new ArrayList<>();
    for (GeneratedBars bars : data) {
      BacktestConfig config = config(bars.instrumentId);
      futures.add(
          pool.submit(
              () -> {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                BacktestResult r = Backtest.run(config, bars.source(), BacktestProgress.NONE);
                long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
                return new Timed(
                    r.finalEquity().movePointRight(2).longValue(), r.fills().size(), cpu);
              }));
    }
    long equityCents = 0;
    long fills = 0;
    long cpuNanos = 0;
    for (Future<Timed> f : futures) {
      Timed t = f.get();
      equityCents += t.equityCents();
      fills += t.fills();
      cpuNanos += t.cpuNanos();
    }
    return new long[] {equityCents, fills, cpuNanos};
  }

  static BacktestConfig config(String instrumentId) {
    BigDecimal big = new BigDecimal("1000000000000");
    AccountConfig account =
        new AccountConfig(
            "BENCH",
            "USD",
            new BigDecimal("1000000"),
            new RiskLimits(
                big,
                big,
                big,
                new BigDecimal("1000"),
                1_000,
                60_000_000_000L,
                big,
                new BigDecimal("0.99"),
                Set.of()));
    StrategyPlan vote =
        new StrategyPlan.Vote(
            "vote3",
            0.3,
            List.of(
                new StrategyPlan.Weighted(
                    StrategyPlan.named("ma-crossover", Map.of("fast", 10, "slow", 30)), 1.0),
                new StrategyPlan.Weighted(
                    StrategyPlan.named("rsi-mean-reversion", Map.of("period", 14)), 1.0),
                new StrategyPlan.Weighted(
                    StrategyPlan.named("bollinger-bands", Map.of("period", 20, "k", 2.0)), 1.0)));
    return new BacktestConfig(
        account,
        Instruments.of(new Instrument(instrumentId, new BigDecimal("0.01"), BigDecimal.ONE)),
        new FractionOfEquitySizer(new BigDecimal("0.5")),
        new FillModel(
            new BigDecimal("2"),
            new BigDecimal("0.5"),
            new CommissionSchedule(BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("0.35")),
            LocalTime.of(21, 0)),
        EngineOptions.DEFAULT,
        vote,
        0,
        null,
        new MetricsConventions(252 * 390, 0.0));
  }
}
