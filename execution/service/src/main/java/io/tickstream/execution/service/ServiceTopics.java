package io.tickstream.execution.service;

import io.tickstream.execution.service.config.ServiceConfig;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics the service reads and writes when they do not exist yet. */
public final class ServiceTopics {
  private ServiceTopics() {}

  /** The catalogue topics of the service: inputs, outputs, control. */
  public static List<Topic<String, ?>> of(ServiceConfig config) {
    Topic<String, ?> market =
        switch (config.marketData()) {
          case QUOTES -> Topics.QUOTES;
          case TRADES -> Topics.TRADES;
          case BARS -> Topics.BARS;
        };
    return List.of(
        Topics.SIGNALS,
        market,
        Topics.CONTROL_COMMANDS,
        Topics.ORDER_EVENTS,
        Topics.POSITIONS,
        Topics.PORTFOLIO_SNAPSHOTS);
  }

  /** Creates the missing ones with {@code partitions} partitions and their cleanup policy. */
  public static void ensure(String bootstrapServers, List<Topic<String, ?>> topics, int partitions)
      throws InterruptedException {
    List<NewTopic> wanted = new ArrayList<>();
    for (Topic<String, ?> t : topics) {
      wanted.add(
          new NewTopic(t.name(), Optional.of(partitions), Optional.empty())
              .configs(Map.of("cleanup.policy", t.cleanup().policy())));
    }
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (var f : admin.createTopics(wanted).values().entrySet()) {
        try {
          f.getValue().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + f.getKey(), e.getCause());
          }
        }
      }
    }
  }
}
