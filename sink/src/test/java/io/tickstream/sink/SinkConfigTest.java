package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkConfigTest {

  @Test
  void defaultsAreValidAndDescribed() {
    SinkConfig c = SinkConfig.defaults();
    assertThat(c.maxBatchRows()).isEqualTo(5000);
    assertThat(c.pollTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.retryBackoffMax()).isEqualTo(Duration.ofSeconds(30));
    for (SinkSetting s : SinkSetting.values()) {
      assertThat(s.description()).isNotBlank();
    }
  }

  @Test
  void theSampleFileNamesEveryOptionWithItsDefault() throws Exception {
    Properties sample = new Properties();
    try (InputStream in = SinkConfig.class.getResourceAsStream("/sink.properties")) {
      sample.load(in);
    }
    for (SinkSetting s : SinkSetting.values()) {
      assertThat(sample.getProperty(s.key())).as(s.key()).isEqualTo(s.defaultValue());
    }
    assertThat(SinkConfig.fromProperties(sample)).isEqualTo(SinkConfig.defaults());
  }

  @Test
  void commandLineOverridesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sink.properties");
    Files.writeString(file, "group.id=from-file\nmax.batch.rows=100\njdbc.password=secret\n");
    SinkConfig c = SinkConfig.fromArgs("--config", file.toString(), "--max.batch.rows", "7");
    assertThat(c.groupId()).isEqualTo("from-file");
    assertThat(c.maxBatchRows()).isEqualTo(7);
    assertThat(c.toString()).doesNotContain("secret");
  }

  @Test
  void errorsNameTheOptionAndWhatIsExpected() {
    assertThatThrownBy(() -> SinkConfig.fromArgs("--max.batch.rows", "lots"))
        .hasMessageContaining("max.batch.rows must be a whole number");
    assertThatThrownBy(
            () -> SinkConfig.fromArgs("--jdbc.url", "jdbc:mysql://x", "--max.batch.rows", "0"))
        .hasMessageContaining("jdbc.url must start with jdbc:postgresql:")
        .hasMessageContaining("max.batch.rows must be in 1..100000");
    assertThatThrownBy(
            () ->
                SinkConfig.fromArgs(
                    "--retry.backoff.min.ms", "500", "--retry.backoff.max.ms", "100"))
        .hasMessageContaining("retry.backoff.max.ms must be >= retry.backoff.min.ms");
    assertThatThrownBy(() -> SinkConfig.fromArgs("--jdbc.uri", "x"))
        .hasMessageContaining("unknown sink option(s) [jdbc.uri]")
        .hasMessageContaining("jdbc.url");
    assertThatThrownBy(() -> SinkConfig.fromArgs("--group.id"))
        .hasMessageContaining("expected --key value pairs");
  }
}
