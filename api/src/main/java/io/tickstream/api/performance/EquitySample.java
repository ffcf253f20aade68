package io.tickstream.api.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Account equity at one time, as stored in {@code equity_snapshots}.
 *
 * @param ts the snapshot time
 * @param equity the equity, exact
 */
public record EquitySample(Instant ts, BigDecimal equity) {
  public EquitySample {
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(equity, "equity");
  }
}
