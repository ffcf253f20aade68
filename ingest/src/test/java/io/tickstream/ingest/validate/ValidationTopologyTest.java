package io.tickstream.ingest.validate;

import static io.tickstream.ingest.validate.ValidatorFixture.AAPL;
import static io.tickstream.ingest.validate.ValidatorFixture.NOW;
import static io.tickstream.ingest.validate.ValidatorFixture.NOW_NANOS;
import static io.tickstream.ingest.validate.ValidatorFixture.quote;
import static io.tickstream.ingest.validate.ValidatorFixture.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every rule of the validator, each with the valid cases on its boundary. */
class ValidationTopologyTest {
  private static final long T = NOW_NANOS - 1_000_000_000L;
  private final ValidatorFixture f = new ValidatorFixture(ValidationRules.defaults());

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aValidTradeAndQuotePassUnchangedKeyedByInstrument() {
    TradeTick t = trade(AAPL, "228.17", "100", "1", T);
    QuoteTick q = quote(AAPL, "228.16", "228.18", T);
    f.send(t);
    f.send(q);
    var out = f.tradesOut.readRecord();
    assertThat(out.key()).isEqualTo(AAPL);
    assertThat(f.cleanTrades.decode(out.value())).isEqualTo(t);
    assertThat(f.acceptedQuotes()).containsExactly(q);
    assertThat(f.deadLetters()).isEmpty();
  }

  @Test
  void nonPositivePricesAndSizesAreRejected() {
    f.send(trade(AAPL, "0", "100", "1", T));
    f.send(trade(AAPL, "-228.17", "100", "2", T));
    f.send(trade(AAPL, "228.17", "0", "3", T));
    f.send(trade(AAPL, "228.17", "-1", "4", T));
    f.send(quote(AAPL, "0", "228.18", T));
    QuoteTick zeroSize = quote(AAPL, "228.16", "228.18", T);
    zeroSize.setAskSize(BigDecimal.ZERO.setScale(8));
    f.send(zeroSize);
    assertThat(f.reasons())
        .containsExactly(
            "NON_POSITIVE_PRICE",
            "NON_POSITIVE_PRICE",
            "NON_POSITIVE_SIZE",
            "NON_POSITIVE_SIZE",
            "NON_POSITIVE_PRICE",
            "NON_POSITIVE_SIZE");
    assertThat(f.acceptedTrades()).isEmpty();
  }

  @Test
  void pricesOffTheTickGridAreRejectedAndOnTheGridAccepted() {
    f.send(trade(AAPL, "228.175", "100", "1", T));
    f.send(quote(AAPL, "228.16", "228.181", T));
    f.send(trade(AAPL, "228.18", "100", "2", T));
    assertThat(f.reasons()).containsExactly("OFF_TICK_GRID", "OFF_TICK_GRID");
    assertThat(f.acceptedTrades()).hasSize(1);
  }

  @Test
  void crossedQuoteIsRejectedButALockedQuoteIsValid() {
    f.send(quote(AAPL, "228.19", "228.18", T));
    QuoteTick locked = quote(AAPL, "228.18", "228.18", T);
    f.send(locked);
    assertThat(f.reasons()).containsExactly("CROSSED_QUOTE");
    assertThat(f.acceptedQuotes()).containsExactly(locked);
  }

  @Test
  void unknownInstrumentIsRejectedUntilItIsLoaded() {
    f.send(trade("MSFT.XNAS", "415.00", "10", "1", T));
    f.send(quote("MSFT.XNAS", "415.00", "415.01", T));
    f.instrument("MSFT.XNAS", "0.01");
    f.send(trade("MSFT.XNAS", "415.00", "10", "1", T));
    assertThat(f.reasons()).containsExactly("UNKNOWN_INSTRUMENT", "UNKNOWN_INSTRUMENT");
    assertThat(f.acceptedTrades()).hasSize(1);
  }

  @Test
  void tsEventExactlyAtTheFutureToleranceIsAcceptedOneNanosecondMoreIsNot() {
    long edge = NOW_NANOS + Duration.ofSeconds(5).toNanos();
    f.send(trade(AAPL, "228.17", "1", "1", edge));
    f.send(trade(AAPL, "228.17", "1", "2", edge + 1));
    f.send(quote(AAPL, "228.16", "228.18", edge));
    f.send(quote(AAPL, "228.16", "228.18", edge + 1));
    assertThat(f.acceptedTrades()).extracting(TradeTick::getTradeId).containsExactly("1");
    assertThat(f.acceptedQuotes()).hasSize(1);
    assertThat(f.reasons()).containsExactly("FUTURE_TIMESTAMP", "FUTURE_TIMESTAMP");
    // the clock is injected: once it catches up, the same tick is fine
    f.clock.set(NOW.plusSeconds(1));
    f.send(trade(AAPL, "228.17", "1", "2", edge + 1));
    assertThat(f.acceptedTrades()).hasSize(1);
  }

  @Test
  void aDuplicateTradeIdIsRejectedWithinTheWindowOnly() {
    f.send(trade(AAPL, "228.17", "1", "42", T), NOW);
    f.send(trade(AAPL, "228.18", "2", "42", T), NOW.plusSeconds(60));
    f.instrument("MSFT.XNAS", "0.01");
    f.send(trade("MSFT.XNAS", "415.00", "1", "42", T), NOW.plusSeconds(61)); // other instrument
    f.send(trade(AAPL, "228.17", "1", "42", T), NOW.plusSeconds(601)); // past the 10 min window
    assertThat(f.reasons()).containsExactly("DUPLICATE_TRADE");
    assertThat(f.acceptedTrades())
        .extracting(TradeTick::getInstrumentId)
        .containsExactly(AAPL, "MSFT.XNAS", AAPL);
  }

  @Test
  void aRejectedTradeDoesNotBlockItsValidRetry() {
    f.send(trade(AAPL, "228.175", "1", "7", T)); // off grid, not remembered
    f.send(trade(AAPL, "228.17", "1", "7", T));
    assertThat(f.reasons()).containsExactly("OFF_TICK_GRID");
    assertThat(f.acceptedTrades()).hasSize(1);
  }

  @Test
  void badPrintBandEdgesAreAcceptedBeyondThemRejected() {
    for (int i = 0; i < 5; i++) {
      f.send(trade(AAPL, "100.00", "1", "w" + i, T));
    }
    f.send(trade(AAPL, "110.01", "1", "a", T)); // +10.01 %
    f.send(trade(AAPL, "89.99", "1", "b", T)); // -10.01 %
    f.send(trade(AAPL, "110.00", "1", "c", T)); // exactly +10 %
    f.send(trade(AAPL, "90.00", "1", "d", T)); // exactly -10 %
    assertThat(f.reasons()).containsExactly("BAD_PRINT", "BAD_PRINT");
    assertThat(f.acceptedTrades())
        .extracting(TradeTick::getTradeId)
        .containsExactly("w0", "w1", "w2", "w3", "w4", "c", "d");
  }

  @Test
  void theBandAppliesOnlyAfterTheMinimumSamplesAndFollowsTheMedian() {
    var rules =
        new ValidationRules(
            Duration.ofSeconds(5), Duration.ofMinutes(10), new BigDecimal("0.05"), 3, 3);
    try (var g = new ValidatorFixture(rules)) {
      g.send(trade(AAPL, "100.00", "1", "1", T));
      g.send(trade(AAPL, "150.00", "1", "2", T)); // only 1 sample so far: no band yet
      g.send(trade(AAPL, "101.00", "1", "3", T));
      // reference = median(100, 150, 101) = 101: 106.05 is the +5 % edge
      g.send(trade(AAPL, "106.06", "1", "4", T));
      g.send(trade(AAPL, "106.05", "1", "5", T));
      assertThat(g.reasons()).containsExactly("BAD_PRINT");
      assertThat(g.acceptedTrades())
          .extracting(TradeTick::getTradeId)
          .containsExactly("1", "2", "3", "5");
    }
  }

  @Test
  void verdictsAreCountedPerStreamAndReason() {
    f.send(trade(AAPL, "228.17", "1", "1", T));
    f.send(trade(AAPL, "228.17", "1", "1", T));
    f.send(quote(AAPL, "228.19", "228.18", T));
    assertThat(
            f.meters.get("tickstream.validator.accepted").tag("stream", "trades").counter().count())
        .isEqualTo(1);
    assertThat(
            f.meters
                .get("tickstream.validator.rejected")
                .tags("stream", "trades", "reason", "DUPLICATE_TRADE")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            f.meters
                .get("tickstream.validator.rejected")
                .tags("stream", "quotes", "reason", "CROSSED_QUOTE")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(List.of(f.acceptedTrades().size())).containsExactly(1);
  }
}
