package io.tickstream.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;

/**
 * Builds a Vert.x instance whose metrics (HTTP server requests per route, pools, JVM) go to a given
 * Micrometer registry. In Vert.x 5 the registry is handed to the builder through {@link
 * MicrometerMetricsFactory}; the options must still be enabled:
 *
 * <pre>{@code
 * Vertx.builder()
 *     .with(new VertxOptions().setMetricsOptions(MetricsVertx.options()))
 *     .withMetrics(new MicrometerMetricsFactory(registry))
 *     .build();
 * }</pre>
 */
public final class MetricsVertx {
  /**
   * Publishes the HTTP server latency as a Prometheus histogram (buckets from 1 ms to 10 s), so p99
   * per route can be computed with {@code histogram_quantile} across instances.
   */
  static final MeterFilter LATENCY_HISTOGRAMS =
      new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(
            Meter.Id id, DistributionStatisticConfig config) {
          if (id.getName().equals("vertx.http.server.response.time")) {
            return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue(Duration.ofMillis(1).toNanos() * 1.0)
                .maximumExpectedValue(Duration.ofSeconds(10).toNanos() * 1.0)
                .build()
                .merge(config);
          }
          return config;
        }
      };

  private MetricsVertx() {}

  /** A new Vert.x instance reporting to {@code registry}; see the class comment. */
  public static Vertx create(PrometheusMeterRegistry registry) {
    registry.config().meterFilter(LATENCY_HISTOGRAMS);
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options()))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /**
   * Enabled Micrometer options with JVM metrics and the {@code route} label on HTTP server metrics.
   * Labelled by route template, never by raw path, so one instrument id is not one time series.
   */
  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .addLabels(Label.HTTP_ROUTE);
  }
}
