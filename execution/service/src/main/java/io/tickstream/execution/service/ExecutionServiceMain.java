package io.tickstream.execution.service;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.execution.service.config.ConfigException;
import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.execution.service.config.ServiceConfigReader;
import io.tickstream.execution.service.venue.ConfiguredVenues;
import io.tickstream.execution.service.venue.VenueStats;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java ... ExecutionServiceMain <config.json>}: runs the execution service until SIGINT or
 * SIGTERM. See {@code execution-service.sample.json} for the settings.
 */
public final class ExecutionServiceMain {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionServiceMain.class);

  private ExecutionServiceMain() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ExecutionServiceMain <config.json>");
      System.exit(2);
    }
    ServiceConfig config;
    try {
      config = ServiceConfigReader.fromProcessEnvironment().read(Path.of(args[0]));
    } catch (ConfigException e) {
      System.err.println("invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    ServiceTopics.ensure(config.bootstrapServers(), ServiceTopics.of(config), 2);
    ExecutionService service =
        new ExecutionService(
            config,
            ConfiguredVenues.of(config.venue(), config.stateDir(), new VenueStats(registry)),
            registry);
    OpsEndpoints ops = new OpsEndpoints(config.httpPort(), service::state, registry);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping the execution service");
                  service.close();
                  ops.close();
                  stopped.countDown();
                },
                "execution-shutdown"));
    service.start();
    LOG.info(
        "execution service {} started: {} accounts, venue {}, /health and /metrics on port {}",
        config.applicationId(),
        config.accounts().size(),
        config.venue(),
        ops.port());
    stopped.await();
  }
}
