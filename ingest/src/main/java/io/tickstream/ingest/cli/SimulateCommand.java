package io.tickstream.ingest.cli;

import io.micrometer.core.instrument.Metrics;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.ingest.refdata.InstrumentLoader;
import io.tickstream.ingest.replay.ReplayPacer;
import io.tickstream.ingest.sim.MarketSimulator;
import io.tickstream.ingest.sim.SimulatedInstrument;
import io.tickstream.ingest.sim.SimulatedUniverse;
import io.tickstream.ingest.sim.SimulationProfile;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickstream simulate --instruments 500 --rate 50000 --count 1000000}: publishes a seeded
 * simulated market (reference data first, then trades and quotes) at a wall-clock rate, or as fast
 * as the broker takes it ({@code --rate max}).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Publish a seeded simulated market (GBM with jumps, bursts, spreads) to md.instruments and md.trades.raw/md.quotes.raw.")
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--instruments",
      defaultValue = "0",
      description = "Generate this many instruments; 0 = the 5-instrument demo universe (default).")
  int instruments;

  @Option(
      names = "--rate",
      defaultValue = "1000",
      converter = SpeedConverter.class,
      description = "Ticks per second of wall time, or max (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--count",
      defaultValue = "1000000",
      description = "How many ticks to publish (default: ${DEFAULT-VALUE}).")
  long count;

  @Option(
      names = "--quotes",
      defaultValue = "0.5",
      description = "Share of ticks that are quotes, 0..1 (default: ${DEFAULT-VALUE}).")
  double quoteShare;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--calm", description = "Plain GBM: no jumps, no volume bursts.")
  boolean calm;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!(quoteShare >= 0 && quoteShare <= 1) || count < 0 || instruments < 0) {
      spec.commandLine()
          .getErr()
          .println("--quotes must be in [0, 1]; --count and --instruments >= 0");
      return 2;
    }
    List<SimulatedInstrument> universe =
        instruments == 0
            ? SimulatedInstrument.demoUniverse()
            : SimulatedUniverse.generate(instruments, seed);
    long now = EpochClock.nowNanos();
    // event time runs at the wall rate (or 100k/s for max), so ticks land near "now"
    double eventRate = rate == 0 ? 100_000 : rate;
    MarketSimulator sim =
        new MarketSimulator(
            seed,
            universe,
            now,
            eventRate,
            calm ? SimulationProfile.gbmOnly() : SimulationProfile.lively());
    String b = kafka.bootstrapServers();
    String r = kafka.registryUrl();
    var meters = Metrics.globalRegistry;
    try (var refs = new TickPublisher<Instrument>(Topics.INSTRUMENTS, b, r, Map.of(), meters);
        var trades = new TickPublisher<TradeTick>(Topics.TRADES_RAW, b, r, Map.of(), meters);
        var quotes = new TickPublisher<QuoteTick>(Topics.QUOTES_RAW, b, r, Map.of(), meters)) {
      InstrumentLoader.load(sim.referenceData(now), refs);
      ReplayPacer pacer = ReplayPacer.realTime(rate == 0 ? 0 : 1);
      SplittableRandom pick = new SplittableRandom(seed ^ 0x5EED);
      long start = System.nanoTime();
      for (long i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
        if (pick.nextDouble() < quoteShare) {
          QuoteTick q = sim.nextQuote(0);
          pacer.await(q.getTsEvent());
          q.setTsInit(EpochClock.nowNanos());
          quotes.publish(q.getInstrumentId(), q);
        } else {
          TradeTick t = sim.nextTrade(0);
          pacer.await(t.getTsEvent());
          t.setTsInit(EpochClock.nowNanos());
          trades.publish(t.getInstrumentId(), t);
        }
      }
      trades.flush();
      quotes.flush();
      double secs = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "%,d ticks of %d instruments in %.1f s (%,.0f ticks/s); %d failed%n",
          count,
          universe.size(),
          secs,
          count / secs,
          trades.failed() + quotes.failed());
      return trades.failed() + quotes.failed() == 0 ? 0 : 1;
    }
  }
}
