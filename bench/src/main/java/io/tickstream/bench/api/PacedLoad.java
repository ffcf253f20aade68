package io.tickstream.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * In-process open-loop load: requests are issued on a fixed schedule and each latency is measured
 * from its scheduled start, so a stall is not hidden by fewer requests (no coordinated omission).
 */
final class PacedLoad implements LoadGenerator {
  @Override
  public String name() {
    return "in-process";
  }

  @Override
  public LoadResult run(String base, String pathFormat, int keys, int rate, int seconds)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long total = (long) rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch((int) total);
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long scheduled = start + i * intervalNanos;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      URI uri = URI.create(base + String.format(pathFormat, i % keys));
      client
          .sendAsync(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (r, e) -> {
                latencies.add(System.nanoTime() - scheduled);
                if (e != null || r.statusCode() != 200) {
                  errors.incrementAndGet();
                }
                done.countDown();
              });
    }
    done.await(seconds + 30L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new LoadResult(
        sorted.length,
        errors.get(),
        sorted.length / elapsed,
        pct(sorted, 50),
        pct(sorted, 99),
        pct(sorted, 99.9),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
