package io.tickstream.signals.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.testing.MarketData;
import io.tickstream.signals.testing.OhlcvSeries;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * Session VWAP against ta4j's VWAPIndicator run over each session's bars alone with a window that
 * covers the whole session (ta4j has no session VWAP of its own).
 */
class SessionVwapTest {
  private static final long HOUR = TimeUnit.HOURS.toNanos(1);
  private static final long DAY = TimeUnit.DAYS.toNanos(1);

  @Test
  void matchesTa4jPerSessionOnGeneratedMinuteBars() {
    assertMatches(MarketData.generated(20_000, 7), DAY, 0);
  }

  @Test
  void matchesTa4jPerSessionOnBitstampWithHourlySessionsOffsetByHalfAnHour() {
    assertMatches(MarketData.bitstampMinuteBars(), HOUR, HOUR / 2);
  }

  @Test
  void matchesTa4jOnAaplWithWeeklySessions() {
    // Weeks aligned to Monday 00:00 UTC: the epoch was a Thursday, so offset 4 days.
    assertMatches(MarketData.aaplDaily(), 7 * DAY, 4 * DAY);
  }

  @Test
  void resetsAtTheSessionBoundary() {
    SessionVwap vwap = new SessionVwap(DAY, 0);
    vwap.update(DAY - 1, 12, 9, 9, 10); // typical 10, last nanosecond of day 0
    assertThat(vwap.value()).isEqualTo(10.0);
    vwap.update(DAY, 21, 18, 21, 5); // typical 20, first of day 1: nothing of day 0 left
    assertThat(vwap.value()).isEqualTo(20.0);
    vwap.update(DAY + 60, 33, 27, 30, 15); // typical 30: (20·5 + 30·15) / 20 = 27.5
    assertThat(vwap.value()).isEqualTo(27.5);
  }

  @Test
  void refusesStateOfAnotherSessionLength() {
    SessionVwap.State state = new SessionVwap(DAY, 0).snapshot();
    assertThatThrownBy(() -> new SessionVwap(HOUR, 0).restore(state))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("session VWAP");
  }

  private static void assertMatches(OhlcvSeries s, long sessionNanos, long offset) {
    SessionVwap ours = new SessionVwap(sessionNanos, offset);
    BarSeries session = null;
    VWAPIndicator reference = null;
    long current = Long.MIN_VALUE;
    int sessions = 0;
    double maxDiff = 0;
    for (int i = 0; i < s.size(); i++) {
      long id = Math.floorDiv(s.start()[i] - offset, sessionNanos);
      if (id != current) {
        current = id;
        sessions++;
        session = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        reference = new VWAPIndicator(session, Integer.MAX_VALUE / 2);
      }
      session.addBar(
          s.endTime(i), s.open()[i], s.high()[i], s.low()[i], s.close()[i], s.volume()[i]);
      double ref = reference.getValue(session.getEndIndex()).doubleValue();
      double got = ours.update(s.start()[i], s.high()[i], s.low()[i], s.close()[i], s.volume()[i]);
      assertThat(ours.isReady()).isTrue();
      maxDiff = Math.max(maxDiff, Math.abs(got - ref));
    }
    assertThat(sessions).isGreaterThan(2);
    assertThat(maxDiff).isLessThanOrEqualTo(1e-9);
  }
}
