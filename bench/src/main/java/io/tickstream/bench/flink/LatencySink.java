package io.tickstream.bench.flink;

import io.tickstream.schemas.avro.Signal;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Records, per signal, processing time at the sink − the bar's end. With event time = ingestion
 * time and no out-of-orderness, the bar end is the ingestion time of the tick whose watermark made
 * the signal due, so this is tick-to-signal latency. Samples go to a static array: the bench runs
 * the job on a MiniCluster in this JVM.
 */
final class LatencySink implements Sink<Signal> {
  private static final long serialVersionUID = 1L;
  private static final int CAPACITY = 4_000_000;
  private static final long[] SAMPLES_MICROS = new long[CAPACITY];
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static volatile long recordAfterNanos = Long.MAX_VALUE;

  /** Drops the samples and records signals of bars ending after {@code epochNanos} only. */
  static void reset(long epochNanos) {
    COUNT.set(0);
    recordAfterNanos = epochNanos;
  }

  /** {p50, p99, max} in milliseconds, and the sample count. */
  static double[] percentiles() {
    int n = Math.min(COUNT.get(), CAPACITY);
    long[] s = Arrays.copyOf(SAMPLES_MICROS, n);
    Arrays.sort(s);
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
    }
    return new double[] {
      s[(int) (n * 0.50)] / 1000.0,
      s[Math.min(n - 1, (int) (n * 0.99))] / 1000.0,
      s[n - 1] / 1000.0,
      n
    };
  }

  @Override
  public SinkWriter<Signal> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(Signal signal, Context ctx) {
        long now = SyntheticTrades.nowNanos();
        if (signal.getBarEnd() > recordAfterNanos) {
          int i = COUNT.getAndIncrement();
          if (i < CAPACITY) {
            SAMPLES_MICROS[i] = (now - signal.getBarEnd()) / 1_000;
          }
        }
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
