package io.tickstream.bench.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model HTTP load at a fixed rate, measured the way wrk2 measures: request {@code i} is due at
 * {@code start + i / rate} whatever happened before it, and its latency runs from that due time to
 * the end of its response. A server stall therefore counts against every request that should have
 * been sent during it (no coordinated omission), and the offered rate never drops because the
 * server is slow.
 *
 * <p>Why this and not {@code wrk}: Debian packages wrk 4, which has no rate option; pacing it with
 * the Lua {@code delay()} adds a pause after each response on each connection, which makes it a
 * closed loop: the rate falls as latency rises (4,065 of 5,000 req/s in the last run) and latency
 * is timed from when the request was actually written, so the requests a stall held back are never
 * measured. wrk2, the fixed-rate fork with that correction, is not packaged in Debian, so the
 * generator is here, on Vert.x's HTTP client (keep-alive, no pipelining, a fixed pool of
 * connections; a request finding every connection busy waits in the pool's queue, and that wait is
 * part of its latency).
 *
 * <p>One pacer thread (the caller) hands each request to one event loop at its due time; each
 * latency lands in its own slot of an array, so recording costs no allocation and no lock.
 */
final class PacedLoad implements AutoCloseable {
  /** Requests still unanswered this long after the scenario ends count as errors. */
  private static final long DRAIN_SECONDS = 30;

  private final int connections;
  private final String authorization;
  private final Vertx vertx;
  private final HttpClientAgent client;
  private final Context loop;

  /**
   * A generator against {@code base} ({@code http://host:port}) over at most {@code connections}
   * keep-alive connections, sending {@code bearerToken} with every request.
   */
  PacedLoad(String base, int connections, String bearerToken) {
    URI uri = URI.create(base);
    this.authorization = "Bearer " + bearerToken;
    this.connections = connections;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort())
                .setKeepAlive(true)
                .setPipelining(false),
            new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    this.loop = vertx.getOrCreateContext();
  }

  /** The settings recorded with each result. */
  String description() {
    return "open model at a fixed rate, latency from each request's due time (coordinated-omission"
        + " corrected, as wrk2); Vert.x HTTP client, 1 event loop + 1 pacer thread, "
        + connections
        + " keep-alive connections, no pipelining";
  }

  int connections() {
    return connections;
  }

  /**
   * Offers {@code rate} GET requests per second for {@code seconds} to {@code
   * String.format(pathFormat, i % keys)} and waits for every answer.
   */
  LoadResult run(String pathFormat, int keys, int rate, int seconds) throws InterruptedException {
    String[] paths = new String[keys];
    for (int k = 0; k < keys; k++) {
      paths[k] = String.format(pathFormat, k);
    }
    int total = Math.toIntExact((long) rate * seconds);
    AtomicLongArray latencies = new AtomicLongArray(total);
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(total);
    long cpuBefore = processCpuNanos();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
    for (int i = 0; i < total; i++) {
      long due = start + (long) i * 1_000_000_000L / rate;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int request = i;
      String path = paths[i % keys];
      loop.runOnContext(v -> send(path, request, due, latencies, errors, done));
    }
    if (!done.await(seconds + DRAIN_SECONDS, TimeUnit.SECONDS)) {
      long now = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long due = start + (long) i * 1_000_000_000L / rate;
        if (latencies.compareAndSet(i, 0, now - due)) {
          errors.incrementAndGet(); // unanswered: counted, with the time it had waited so far
        }
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpuBefore;
    long[] sorted = new long[total];
    for (int i = 0; i < total; i++) {
      sorted[i] = latencies.get(i);
    }
    Arrays.sort(sorted);
    return new LoadResult(
        total,
        errors.get(),
        total / elapsed,
        percentile(sorted, 50),
        percentile(sorted, 99),
        percentile(sorted, 99.9),
        sorted[total - 1] / 1e6,
        cpu / 1e3 / total);
  }

  /** CPU time of this JVM: the server and this generator, not PostgreSQL. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void send(
      String path,
      int request,
      long due,
      AtomicLongArray latencies,
      AtomicLong errors,
      CountDownLatch done) {
    client
        .request(HttpMethod.GET, path)
        .compose(
            req ->
                req.putHeader(HttpHeaders.AUTHORIZATION, authorization)
                    .send()
                    .compose(resp -> resp.body().map(body -> resp.statusCode())))
        .onComplete(
            (status, failure) -> {
              // max(1, …): 0 marks a request still pending.
              if (latencies.compareAndSet(request, 0, Math.max(1, System.nanoTime() - due))) {
                if (failure != null || status != 200) {
                  errors.incrementAndGet();
                }
                done.countDown();
              }
            });
  }

  /** The nearest-rank percentile, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  @Override
  public void close() {
    client.close().await();
    vertx.close().await();
  }
}
