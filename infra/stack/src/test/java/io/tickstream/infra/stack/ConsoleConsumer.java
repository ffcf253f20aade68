package io.tickstream.infra.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Kafka's own console consumer ({@code kafka-console-consumer}, from the kafka-tools jar) as a
 * child JVM, the way an operator would, and reads what it prints.
 */
final class ConsoleConsumer {
  private ConsoleConsumer() {}

  /** The first record of {@code topic}, printed with Kafka's escaped-bytes formatting. */
  static String readOne(String bootstrap, String topic, Duration timeout)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.apache.kafka.tools.consumer.ConsoleConsumer",
                    "--bootstrap-server",
                    bootstrap,
                    "--topic",
                    topic,
                    "--from-beginning",
                    "--max-messages",
                    "1",
                    "--isolation-level",
                    "read_committed",
                    "--timeout-ms",
                    Long.toString(timeout.toMillis()),
                    "--formatter-property",
                    "value.deserializer=org.apache.kafka.common.serialization.BytesDeserializer"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kafka console consumer did not finish");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    if (p.exitValue() != 0 || out.isBlank()) {
      throw new AssertionError("kafka console consumer exited " + p.exitValue() + ": " + out);
    }
    return out.lines().findFirst().orElseThrow();
  }

  /**
   * The schema id in the Confluent header of a value printed by {@code Bytes.toString()}: printable
   * ASCII as itself, every other byte as {@code \xNN}.
   */
  static int schemaIdOf(String printed) {
    byte[] header = new byte[5];
    int pos = 0;
    for (int i = 0; i < header.length; i++) {
      if (printed.startsWith("\\x", pos)) {
        header[i] = (byte) Integer.parseInt(printed.substring(pos + 2, pos + 4), 16);
        pos += 4;
      } else {
        header[i] = (byte) printed.charAt(pos);
        pos += 1;
      }
    }
    if (header[0] != 0) {
      throw new AssertionError("not the Confluent wire format (magic byte " + header[0] + ")");
    }
    return ((header[1] & 0xff) << 24)
        | ((header[2] & 0xff) << 16)
        | ((header[3] & 0xff) << 8)
        | (header[4] & 0xff);
  }
}
