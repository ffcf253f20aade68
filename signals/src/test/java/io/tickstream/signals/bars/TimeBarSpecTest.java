package io.tickstream.signals.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeBarSpecTest {
  private static final long S = 1_000_000_000L;

  @ParameterizedTest
  @CsvSource({"1s,1", "1m,60", "5m,300", "15m,900", "1h,3600", "4h,14400", "1d,86400"})
  void parsesResolutionsFromASecondToADay(String text, long seconds) {
    TimeBarSpec spec = TimeBarSpec.parse(text);
    assertThat(spec.sizeNanos()).isEqualTo(seconds * S);
    assertThat(spec.text()).isEqualTo(text);
  }

  @Test
  void alignsToTheUtcEpochWithStartInclusiveAndEndExclusive() {
    TimeBarSpec m5 = TimeBarSpec.parse("5m");
    long t = Instant.parse("2024-03-01T10:05:00Z").getEpochSecond() * S;
    assertThat(m5.startOf(t)).isEqualTo(t); // start is inclusive
    assertThat(m5.startOf(t - 1))
        .isEqualTo(t - 300 * S); // the nanosecond before is the previous bar
    assertThat(m5.startOf(t + 300 * S - 1)).isEqualTo(t); // last nanosecond still in the bar
    assertThat(m5.endOf(t + 299 * S)).isEqualTo(t + 300 * S); // end is exclusive
    assertThat(m5.startOf(t + 300 * S)).isEqualTo(t + 300 * S);
  }

  @Test
  void alignsDaysToMidnightUtc() {
    TimeBarSpec d = TimeBarSpec.parse("1d");
    long noon = Instant.parse("2024-03-01T12:34:56.789Z").toEpochMilli() * 1_000_000L;
    assertThat(d.startOf(noon))
        .isEqualTo(Instant.parse("2024-03-01T00:00:00Z").getEpochSecond() * S);
  }

  @Test
  void floorsBeforeTheEpoch() {
    assertThat(TimeBarSpec.parse("1m").startOf(-1)).isEqualTo(-60 * S);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0m", "1w", "m", "1.5m", "01m"})
  void rejectsMalformedSpecsSayingWhatIsAccepted(String text) {
    assertThatThrownBy(() -> TimeBarSpec.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<n><unit>");
  }

  @Test
  void rejectsSpecsTooLongForNanoseconds() {
    assertThatThrownBy(() -> TimeBarSpec.parse("999999d")).hasMessageContaining("longer than");
  }
}
