package io.tickstream.execution.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.execution.sizing.FractionOfEquitySizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigReaderTest {
  private final ServiceConfigReader reader =
      new ServiceConfigReader(Map.of("APCA_API_KEY_ID", "k", "APCA_API_SECRET_KEY", "s")::get);

  private static String sample() throws IOException {
    try (InputStream in =
        ServiceConfigReaderTest.class.getResourceAsStream("/execution-service.sample.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theSampleFileParses() throws IOException {
    ServiceConfig c = reader.parse(sample());
    assertThat(c.accounts())
        .extracting(AccountSettings::accountId)
        .containsExactly("trend-1", "ensemble-1");
    assertThat(c.accounts().get(0).follows("ma-fast")).isTrue();
    assertThat(c.accounts().get(0).follows("other")).isFalse();
    assertThat(c.accounts().get(1).follows("anything")).isTrue();
    assertThat(c.accounts().get(1).sizer()).isInstanceOf(FractionOfEquitySizer.class);
    assertThat(c.accounts().get(1).account().limits().rateWindowNanos()).isEqualTo(60_000_000_000L);
    assertThat(c.venue()).isInstanceOf(VenueSettings.Paper.class);
    assertThat(c.marketData()).isEqualTo(MarketDataSource.QUOTES);
  }

  @Test
  void errorsNameThePathOfTheSetting() throws IOException {
    String bad = sample().replace("\"maxDrawdown\": \"0.2\"", "\"maxDrawdown\": \"1.5\"");
    assertThatThrownBy(() -> reader.parse(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("accounts[0].limits")
        .hasMessageContaining("maxDrawdown must be in (0, 1)");
    String missing = sample().replace("\"startingCash\": \"50000\",", "");
    assertThatThrownBy(() -> reader.parse(missing))
        .hasMessageContaining("accounts[1].startingCash: required setting is missing");
    String sizing = sample().replace("fixedNotional", "martingale");
    assertThatThrownBy(() -> reader.parse(sizing)).hasMessageContaining("sizing.type");
    assertThatThrownBy(() -> reader.parse("{not json")).hasMessageContaining("not valid JSON");
  }

  @Test
  void theAlpacaVenueTakesItsSecretsFromTheEnvironment() throws IOException {
    String alpaca =
        sample()
            .replace("\"venue\":", "\"_paper\":")
            .replace("\"_venue_alpaca_example\":", "\"venue\":");
    VenueSettings.Alpaca v = (VenueSettings.Alpaca) reader.parse(alpaca).venue();
    assertThat(v.secretKey()).isEqualTo("s");
    assertThat(v.toString()).doesNotContain("s]").doesNotContain("secret");
    assertThatThrownBy(() -> new ServiceConfigReader(k -> null).parse(alpaca))
        .hasMessageContaining("APCA_API_KEY_ID");
  }
}
