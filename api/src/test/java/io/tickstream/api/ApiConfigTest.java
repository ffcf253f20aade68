package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiConfigTest {
  @TempDir Path dir;

  @Test
  void theSampleFileHoldsEveryKeyAtItsDefault() throws URISyntaxException {
    Path sample = Path.of(getClass().getClassLoader().getResource("api.properties").toURI());

    Map<String, String> values = ApiConfigSource.fromFile(sample);

    assertThat(values.keySet())
        .containsExactlyInAnyOrderElementsOf(ApiConfig.DESCRIPTIONS.keySet());
    assertThat(ApiConfig.fromMap(values)).isEqualTo(ApiConfig.defaults());
  }

  @Test
  void defaults() {
    ApiConfig cfg = ApiConfig.defaults();

    assertThat(cfg.httpPort()).isEqualTo(8080);
    assertThat(cfg.defaultPageSize()).isEqualTo(500);
    assertThat(cfg.maxPageSize()).isEqualTo(5000);
    assertThat(cfg.pgPassword()).isEmpty();
  }

  @Test
  void argumentsOverrideTheFile() throws Exception {
    Path file = dir.resolve("api.properties");
    Files.writeString(file, "pg.host=db.internal\npg.port=6543\nhttp.port=9000\n");

    ApiConfig cfg =
        ApiConfigSource.fromArgs(
            "--config", file.toString(), "--http.port", "9100", "--pg.password=s3cret");

    assertThat(cfg.pgHost()).isEqualTo("db.internal");
    assertThat(cfg.pgPort()).isEqualTo(6543);
    assertThat(cfg.httpPort()).isEqualTo(9100);
    assertThat(cfg.pgPassword()).isEqualTo("s3cret");
    assertThat(cfg.toString()).doesNotContain("s3cret");
  }

  @Test
  void aSmallerMaximumPageLowersTheDefaultPage() {
    assertThat(ApiConfigSource.fromArgs("--page.max.size", "100").defaultPageSize()).isEqualTo(100);
  }

  @Test
  void errorsNameTheKey() {
    assertThatThrownBy(() -> ApiConfigSource.fromArgs("--http.prot", "1"))
        .hasMessageContaining("unknown configuration key 'http.prot'");
    assertThatThrownBy(() -> ApiConfigSource.fromArgs("--pg.port", "x"))
        .hasMessageContaining("pg.port must be an integer");
    assertThatThrownBy(() -> ApiConfigSource.fromArgs("--pg.port", "0"))
        .hasMessageContaining("pg.port must be in 1..65535");
    assertThatThrownBy(() -> ApiConfigSource.fromArgs("--page.default.size", "6000"))
        .hasMessageContaining("page.default.size must be in 1..5000");
    assertThatThrownBy(() -> ApiConfigSource.fromArgs("--pg.host", " "))
        .hasMessageContaining("pg.host must not be empty");
    assertThatThrownBy(() -> ApiConfigSource.fromArgs("--http.port"))
        .hasMessageContaining("missing value after --http.port");
    assertThatThrownBy(() -> ApiConfigSource.fromArgs("http.port", "1"))
        .hasMessageContaining("expected --key value");
  }
}
