package io.tickstream.infra.cli;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tickstream consume TOPIC}: prints a topic's records decoded, one JSON value a line. */
@Command(
    name = "consume",
    description =
        "Print the records of a tickstream topic as JSON (values decoded with the registry)."
            + " Reads committed records only.")
final class ConsumeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "Topic, e.g. md.bars (see the README's topic table).")
  String topic;

  @Option(names = "--bootstrap-server", description = "Kafka (default: ${DEFAULT-VALUE}).")
  String bootstrap = "localhost:9092";

  @Option(names = "--registry-url", description = "Schema registry (default: ${DEFAULT-VALUE}).")
  String registryUrl = "http://localhost:8085";

  @Option(names = "--from-beginning", description = "Start at the earliest record.")
  boolean fromBeginning;

  @Option(names = "--max-messages", description = "Stop after this many records.")
  long maxMessages = Long.MAX_VALUE;

  @Option(
      names = "--timeout-seconds",
      description = "Stop after this many seconds without records (default: never).")
  long timeoutSeconds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Topic<String, ?> t = Topics.byName(topic).orElse(null);
    if (t == null) {
      spec.commandLine()
          .getErr()
          .println(
              "unknown topic '"
                  + topic
                  + "'; tickstream topics are "
                  + Topics.ALL.stream().map(Topic::name).collect(Collectors.joining(", ")));
      return 2;
    }
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "tickstream-consume-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            fromBeginning ? "earliest" : "latest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (var consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), new AvroWireDeserializer<>(t, registryUrl))) {
      consumer.subscribe(List.of(t.name()));
      long seen = 0;
      long idleSince = System.nanoTime();
      while (seen < maxMessages) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, ?> r : records) {
          out.println(r.key() + "\t" + r.value());
          if (++seen >= maxMessages) {
            break;
          }
        }
        out.flush();
        if (!records.isEmpty()) {
          idleSince = System.nanoTime();
        } else if (timeoutSeconds > 0
            && System.nanoTime() - idleSince > timeoutSeconds * 1_000_000_000L) {
          break;
        }
      }
    }
    return 0;
  }
}
