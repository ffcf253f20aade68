package io.tickstream.signals.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.strategies.Strategy;
import io.tickstream.signals.testing.TestBars;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleTest {
  private static final Bar BAR = TestBars.closes(100).get(0);

  /** A fake that always votes the same. */
  private record Fixed(String id, Direction direction, double strength) implements Strategy {
    @Override
    public Signal onBar(BarInput bar) {
      return Signal.of(bar.bar(), id, direction, strength, "fixed");
    }

    @Override
    public Record snapshot() {
      return this;
    }

    @Override
    public void restore(Record state) {}
  }

  private static Ensemble of(double threshold, Ensemble.Member... members) {
    return new Ensemble("ens", List.of(members), threshold);
  }

  @Test
  void weightedVoteAboveTheThresholdGoesLongWithTheScoreAsConfidence() {
    // (2·1 + 1·0.5 + 0) / 4 = 0.625
    Signal s =
        of(
                0.5,
                new Ensemble.Member(new Fixed("a", Direction.LONG, 1.0), 2),
                new Ensemble.Member(new Fixed("b", Direction.LONG, 0.5), 1),
                new Ensemble.Member(new Fixed("c", Direction.FLAT, 0.0), 1))
            .onBar(BAR);
    assertThat(s.direction()).isEqualTo(Direction.LONG);
    assertThat(s.strength()).isCloseTo(0.625, within(1e-15));
    assertThat(s.reason()).startsWith("score 0.625 vs threshold 0.5: a LONG 1.0×2.0");
  }

  @Test
  void aSplitVoteBelowTheThresholdIsFlatWithTheFlatShareAsConfidence() {
    // (2·1 − 1·0.5 + 0) / 4 = 0.375 < 0.5 → FLAT, FLAT weight share 1/4
    Signal s =
        of(
                0.5,
                new Ensemble.Member(new Fixed("a", Direction.LONG, 1.0), 2),
                new Ensemble.Member(new Fixed("b", Direction.SHORT, 0.5), 1),
                new Ensemble.Member(new Fixed("c", Direction.FLAT, 0.0), 1))
            .onBar(BAR);
    assertThat(s.direction()).isEqualTo(Direction.FLAT);
    assertThat(s.strength()).isEqualTo(0.25);
  }

  @Test
  void aStrongShortMajorityGoesShort() {
    Signal s =
        of(
                0.3,
                new Ensemble.Member(new Fixed("a", Direction.SHORT, 0.8), 3),
                new Ensemble.Member(new Fixed("b", Direction.LONG, 0.4), 1))
            .onBar(BAR);
    assertThat(s.direction()).isEqualTo(Direction.SHORT);
    assertThat(s.strength()).isCloseTo(0.5, within(1e-15)); // (−2.4 + 0.4) / 4
  }

  @Test
  void rejectsBadConfiguration() {
    assertThatThrownBy(() -> new Ensemble("e", List.of(), 0.5))
        .hasMessageContaining("at least one member");
    assertThatThrownBy(() -> new Ensemble.Member(new Fixed("a", Direction.LONG, 1), 0))
        .hasMessageContaining("weight of a");
    assertThatThrownBy(() -> of(0, new Ensemble.Member(new Fixed("a", Direction.LONG, 1), 1)))
        .hasMessageContaining("threshold");
  }
}
