package io.tickstream.bench.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.ingest.refdata.InstrumentLoader;
import io.tickstream.ingest.sim.MarketSimulator;
import io.tickstream.ingest.sim.SimulatedUniverse;
import io.tickstream.ingest.sim.SimulationProfile;
import io.tickstream.ingest.validate.ValidationRules;
import io.tickstream.ingest.validate.ValidatorConfig;
import io.tickstream.ingest.validate.ValidatorService;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The validator's throughput on the embedded broker: {@code n} raw ticks (half trades, half quotes,
 * 50 instruments) are published first, then the validator (exactly-once v2, one stream thread)
 * starts; the rate counts from its first verdict to its last, so start-up is excluded.
 */
final class ValidatorThroughput {
  /** Records per second, and the same including start-up. */
  record Result(int records, double rps, double rpsWithStartup) {}

  private ValidatorThroughput() {}

  static Result run(String bootstrap, String registryUrl, Path stateDir, int n) {
    long now = System.currentTimeMillis() * 1_000_000L - 3_600_000_000_000L;
    var sim =
        new MarketSimulator(
            2, SimulatedUniverse.generate(50, 2), now, 100_000, SimulationProfile.lively());
    var noMeters = new SimpleMeterRegistry();
    try (var refs =
            new TickPublisher<Instrument>(
                Topics.INSTRUMENTS, bootstrap, registryUrl, Map.of(), noMeters);
        var trades =
            new TickPublisher<TradeTick>(
                Topics.TRADES_RAW, bootstrap, registryUrl, Map.of(), noMeters);
        var quotes =
            new TickPublisher<QuoteTick>(
                Topics.QUOTES_RAW, bootstrap, registryUrl, Map.of(), noMeters)) {
      InstrumentLoader.load(sim.referenceData(now), refs);
      for (int i = 0; i < n; i++) {
        if ((i & 1) == 0) {
          TradeTick t = sim.nextTrade(sim.clockNanos());
          trades.publish(t.getInstrumentId(), t);
        } else {
          QuoteTick q = sim.nextQuote(sim.clockNanos());
          quotes.publish(q.getInstrumentId(), q);
        }
      }
      trades.flush();
      quotes.flush();
    }
    var meters = new SimpleMeterRegistry();
    var config =
        new ValidatorConfig(
            bootstrap,
            registryUrl,
            "bench-validator",
            stateDir,
            1,
            Duration.ofMillis(100),
            ValidationRules.defaults(),
            Map.of());
    long started = System.nanoTime();
    try (var validator = new ValidatorService(config, meters, Clock.systemUTC()).start()) {
      long first = 0;
      long deadline = started + Duration.ofMinutes(10).toNanos();
      double done;
      while ((done = verdicts(meters)) < n && System.nanoTime() < deadline) {
        if (first == 0 && done > 0) {
          first = System.nanoTime();
        }
        LockSupport.parkNanos(5_000_000);
      }
      long end = System.nanoTime();
      if (done < n) {
        throw new IllegalStateException(
            "validator handled only " + done + " of " + n + " records in 10 minutes");
      }
      System.err.printf(
          "validator: %,d records, %.1f s after its first verdict, %.1f s with start-up%n",
          n, (end - first) / 1e9, (end - started) / 1e9);
      return new Result(n, n / ((end - first) / 1e9), n / ((end - started) / 1e9));
    }
  }

  private static double verdicts(SimpleMeterRegistry meters) {
    double sum = 0;
    for (Counter c : meters.find("tickstream.validator.accepted").counters()) {
      sum += c.count();
    }
    for (Counter c : meters.find("tickstream.validator.rejected").counters()) {
      sum += c.count();
    }
    return sum;
  }
}
