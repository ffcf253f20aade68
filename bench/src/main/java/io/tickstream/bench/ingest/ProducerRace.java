package io.tickstream.bench.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.ingest.sim.MarketSimulator;
import io.tickstream.ingest.sim.SimulatedUniverse;
import io.tickstream.ingest.sim.SimulationProfile;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Our producer ({@link TickPublisher}, Avro ticks keyed by instrument) against Kafka's own {@code
 * ProducerPerformance}, on the same broker, with the same producer settings, record count and
 * record size (our average key + value bytes), each on its own topic of the same shape. Both run in
 * this JVM, each warmed up once, and the better of two measured runs counts.
 */
final class ProducerRace {
  /** Records per second of each, and what was compared. */
  record Result(int records, int recordBytes, double publisherRps, double perfToolRps) {
    double ratio() {
      return publisherRps / perfToolRps;
    }
  }

  static final int PARTITIONS = 3;
  static final Topic<String, TradeTick> PUBLISHER_TOPIC =
      new Topic<>(
          "bench.ingest.publisher",
          String.class,
          TradeTick.class,
          Topic.Cleanup.DELETE,
          "bench: TickPublisher");
  static final String PERF_TOOL_TOPIC = "bench.ingest.perftool";
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

  private final String bootstrap;
  private final String registryUrl;
  private final List<TradeTick> ticks = new ArrayList<>();
  private final int recordBytes;

  ProducerRace(String bootstrap, String registryUrl) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
    var sim =
        new MarketSimulator(
            1,
            SimulatedUniverse.generate(50, 1),
            1_767_225_600_000_000_000L,
            10_000,
            SimulationProfile.lively());
    var codec = new AvroWireCodec<>(PUBLISHER_TOPIC, registryUrl);
    long bytes = 0;
    for (int i = 0; i < 50_000; i++) {
      TradeTick t = sim.nextTrade(sim.clockNanos());
      ticks.add(t);
      bytes += codec.encode(t).length + t.getInstrumentId().getBytes(StandardCharsets.UTF_8).length;
    }
    this.recordBytes = (int) Math.round((double) bytes / ticks.size());
  }

  Result run(int records) throws Exception {
    publisher(Math.max(10_000, records / 5));
    perfTool(Math.max(10_000, records / 5));
    double perf = Math.max(perfTool(records), 0);
    double ours = publisher(records);
    perf = Math.max(perf, perfTool(records));
    ours = Math.max(ours, publisher(records));
    return new Result(records, recordBytes, ours, perf);
  }

  /** Publishes {@code n} ticks and waits for every acknowledgement; records per second. */
  private double publisher(int n) {
    try (var p =
        new TickPublisher<>(
            PUBLISHER_TOPIC, bootstrap, registryUrl, Map.of(), new SimpleMeterRegistry())) {
      p.publish(
          ticks.get(0).getInstrumentId(), ticks.get(0)); // connect and register outside the clock
      p.flush();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        TradeTick t = ticks.get(i % ticks.size());
        p.publish(t.getInstrumentId(), t);
      }
      p.flush();
      double rps = n / ((System.nanoTime() - start) / 1e9);
      if (p.failed() > 0) {
        throw new IllegalStateException(p.failed() + " records failed");
      }
      System.err.printf("TickPublisher: %,d records in, %,.0f records/s%n", n, rps);
      return rps;
    }
  }

  /** Runs ProducerPerformance with our producer settings; records per second from its summary. */
  private double perfTool(int n) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--topic",
                PERF_TOOL_TOPIC,
                "--num-records",
                String.valueOf(n),
                "--record-size",
                String.valueOf(recordBytes),
                "--throughput",
                "-1",
                "--producer-props"));
    TickPublisher.producerConfig(PUBLISHER_TOPIC, bootstrap, Map.of("client.id", "bench-perftool"))
        .forEach((k, v) -> args.add(k + "=" + v));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ProducerPerformance.main(args.toArray(String[]::new));
    } finally {
      System.setOut(stdout);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    Matcher m = SUMMARY.matcher(out);
    double rps = -1;
    while (m.find()) {
      if (Long.parseLong(m.group(1)) == n) {
        rps = Double.parseDouble(m.group(2));
      }
    }
    if (rps < 0) {
      throw new IllegalStateException("no summary line in ProducerPerformance's output:\n" + out);
    }
    System.err.printf("ProducerPerformance: %,d records, %,.0f records/s%n", n, rps);
    return rps;
  }
}
