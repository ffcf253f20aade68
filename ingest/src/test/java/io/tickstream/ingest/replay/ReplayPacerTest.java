package io.tickstream.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing on a fake clock: the sleeper advances it instead of waiting. */
class ReplayPacerTest {
  private long now = 1_000;
  private final List<Long> released = new ArrayList<>();

  private ReplayPacer pacer(double speed) {
    return new ReplayPacer(speed, () -> now, nanos -> now += nanos);
  }

  private void replay(ReplayPacer p, long... eventTimes) {
    for (long t : eventTimes) {
      p.await(t);
      released.add(now - 1_000);
    }
  }

  @Test
  void tenTimesFasterCompressesEveryGapTenfold() {
    replay(pacer(10), 5_000_000_000L, 6_000_000_000L, 8_000_000_000L, 8_000_000_000L);
    assertThat(released).containsExactly(0L, 100_000_000L, 300_000_000L, 300_000_000L);
  }

  @Test
  void realTimeKeepsGapsAndLateTicksGoAtOnce() {
    replay(pacer(1), 0, 2_000, 1_000, 3_000);
    assertThat(released).containsExactly(0L, 2_000L, 2_000L, 3_000L);
  }

  @Test
  void maxSpeedNeverWaits() {
    replay(pacer(0), 0, 1_000_000_000_000L);
    assertThat(released).containsExactly(0L, 0L);
    assertThat(pacer(0).unpaced()).isTrue();
  }

  @Test
  void rejectsNegativeOrInfiniteSpeeds() {
    assertThatThrownBy(() -> pacer(-1)).hasMessageContaining("speed");
    assertThatThrownBy(() -> pacer(Double.POSITIVE_INFINITY)).hasMessageContaining("speed");
  }

  @Test
  void progressBarShowsShareRowsRateAndEta() {
    var bar = new ProgressBar(System.err, 100, () -> 0L);
    assertThat(bar.render(50, 1_000, 2_000_000_000L))
        .isEqualTo("[###############---------------]  50.0%  1,000 rows  500 rows/s  ETA 00:00:02");
    assertThat(new ProgressBar(System.err, 0, () -> 0L).render(50, 3_000, 1_500_000_000L))
        .isEqualTo("3,000 rows  2,000 rows/s  00:00:01 elapsed");
  }
}
