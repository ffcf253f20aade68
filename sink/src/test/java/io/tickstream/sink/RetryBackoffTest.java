package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  @Test
  void backoffDoublesUpToItsCap() {
    RetryBackoff b = new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(1000));
    assertThat(b.delay(0)).isEqualTo(Duration.ofMillis(100));
    assertThat(b.delay(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(b.delay(3)).isEqualTo(Duration.ofMillis(800));
    assertThat(b.delay(4)).isEqualTo(Duration.ofMillis(1000));
    assertThat(b.delay(1000)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void minMustBePositiveAndAtMostMax() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
