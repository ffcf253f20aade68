package io.tickstream.bench.api;

import io.vertx.core.json.JsonObject;

/**
 * What one load scenario measured.
 *
 * @param requests requests sent (each answered, or counted as an error)
 * @param errors non-2xx answers and socket errors
 * @param achievedRps requests per second achieved
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param p999Millis 99.9th percentile latency
 * @param maxMillis the largest latency
 * @param cpuMicrosPerRequest CPU time of the benchmark JVM (server and load generator together,
 *     PostgreSQL apart) per request: a figure that stays comparable on a busy machine
 */
record LoadResult(
    long requests,
    long errors,
    double achievedRps,
    double p50Millis,
    double p99Millis,
    double p999Millis,
    double maxMillis,
    double cpuMicrosPerRequest) {

  JsonObject toJson() {
    return new JsonObject()
        .put("requests", requests)
        .put("errors", errors)
        .put("achievedRps", achievedRps)
        .put("p50Ms", p50Millis)
        .put("p99Ms", p99Millis)
        .put("p999Ms", p999Millis)
        .put("maxMs", maxMillis)
        .put("jvmCpuMicrosPerRequest", cpuMicrosPerRequest);
  }
}
