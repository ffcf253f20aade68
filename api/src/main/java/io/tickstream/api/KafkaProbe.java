package io.tickstream.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Readiness of the Kafka cluster the streams read: it answers a describe-cluster request. */
final class KafkaProbe implements AutoCloseable {
  private final Admin admin;

  KafkaProbe(String bootstrap) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "tickstream-api-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000"));
  }

  /** Succeeds when the cluster answers within {@code timeout}. */
  Future<Void> ping(Duration timeout) {
    Promise<Void> promise = Promise.promise();
    admin
        .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
        .clusterId()
        .toCompletionStage()
        .whenComplete(
            (id, e) -> {
              if (e == null) {
                promise.tryComplete();
              } else {
                promise.tryFail(e);
              }
            });
    return promise.future();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
