package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.BarAccumulator;
import java.math.BigDecimal;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Bars computed by hand; the state bytes compared with the core accumulator's format. */
class LongBarAccumulatorTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static Bar bar(LongBarAccumulator acc) {
    return acc.toBar("X.V", "1s", 0, 1_000_000_000L, 0);
  }

  @Test
  void ohlcvAndVwapFollowEventTimeNotArrival() {
    LongBarAccumulator acc =
        new LongBarAccumulator()
            .add(3, d("101.50000000"), d("2.00000000"))
            .add(1, d("100.25000000"), d("1.00000000"))
            .add(2, d("102.00000000"), d("0.50000000"));

    Bar b = bar(acc);
    assertThat(acc.isFallback()).isFalse();
    assertThat(b.open()).isEqualTo(d("100.25000000"));
    assertThat(b.high()).isEqualTo(d("102.00000000"));
    assertThat(b.low()).isEqualTo(d("100.25000000"));
    assertThat(b.close()).isEqualTo(d("101.50000000"));
    assertThat(b.volume()).isEqualTo(d("3.50000000"));
    assertThat(b.tradeCount()).isEqualTo(3);
    // 203 + 100.25 + 51 = 354.25; 354.25 / 3.5 = 101.214285714..., half-even to 8 places.
    assertThat(b.vwap()).isEqualTo(d("101.21428571"));
    assertThat(acc.lastEventTime()).isEqualTo(3);
  }

  @Test
  void amongEqualTimesTheFirstSeenOpensAndTheLastSeenCloses() {
    LongBarAccumulator acc =
        new LongBarAccumulator().add(5, d("10.0"), d("1")).add(5, d("11.0"), d("1"));
    assertThat(bar(acc).open()).isEqualTo(d("10.0"));
    assertThat(bar(acc).close()).isEqualTo(d("11.0"));
    assertThat(bar(acc).vwap()).isEqualTo(d("10.50000000"));
  }

  @Test
  void notionalBeyondALongIsExact() {
    // 50000 x 10 and 40000 x 10 at scale 8: unscaled products 5e21 and 4e21, past 2^63.
    LongBarAccumulator acc =
        new LongBarAccumulator()
            .add(1, d("50000.00000000"), d("10.00000000"))
            .add(2, d("40000.00000000"), d("10.00000000"));
    assertThat(acc.isFallback()).isFalse();
    // (500000 + 400000) / 20
    assertThat(bar(acc).vwap()).isEqualTo(d("45000.00000000"));
    assertThat(bar(acc).volume()).isEqualTo(d("20.00000000"));
  }

  @Test
  void zeroVolumeGivesTheCloseAsVwap() {
    LongBarAccumulator acc =
        new LongBarAccumulator()
            .add(1, d("7.00000000"), d("1.00000000"))
            .add(2, d("8.12345678"), d("-1.00000000"));
    assertThat(bar(acc).volume()).isEqualTo(d("0E-8"));
    assertThat(bar(acc).vwap()).isEqualTo(d("8.12345678"));
  }

  @Test
  void anotherScaleFallsBackToBigDecimalsKeepingTheirScales() {
    LongBarAccumulator acc =
        new LongBarAccumulator()
            .add(1, d("100.00000000"), d("1.00000000"))
            .add(2, d("101.5"), d("1"));
    assertThat(acc.isFallback()).isTrue();
    Bar b = bar(acc);
    assertThat(b.open()).isEqualTo(d("100.00000000"));
    assertThat(b.close()).isEqualTo(d("101.5"));
    assertThat(b.high()).isEqualTo(d("101.5"));
    assertThat(b.low()).isEqualTo(d("100.00000000"));
    assertThat(b.volume()).isEqualTo(d("2.00000000"));
    assertThat(b.tradeCount()).isEqualTo(2);
    // (100 + 101.5) / 2
    assertThat(b.vwap()).isEqualTo(d("100.75000000"));
  }

  @Test
  void aPriceBeyondALongFallsBack() {
    // Unscaled 12,345,678,901,212,345,678 > 2^63 - 1.
    LongBarAccumulator acc =
        new LongBarAccumulator().add(1, d("123456789012.12345678"), d("2.00000000"));
    assertThat(acc.isFallback()).isTrue();
    assertThat(bar(acc).high()).isEqualTo(d("123456789012.12345678"));
    assertThat(bar(acc).vwap()).isEqualTo(d("123456789012.12345678"));
  }

  @Test
  void aVolumeOverflowFallsBack() {
    // Unscaled sizes 5e18 each: their sum 1e19 passes 2^63 - 1.
    LongBarAccumulator acc =
        new LongBarAccumulator()
            .add(1, d("1.00000000"), d("50000000000.00000000"))
            .add(2, d("3.00000000"), d("50000000000.00000000"));
    assertThat(acc.isFallback()).isTrue();
    assertThat(bar(acc).volume()).isEqualTo(d("100000000000.00000000"));
    assertThat(bar(acc).vwap()).isEqualTo(d("2.00000000"));
  }

  @Test
  void aNotionalOverflowOf128BitsFallsBack() {
    // Unscaled 9e18 x 9e18 = 8.1e37 per trade; 2^127 is about 1.7e38. The sizes cancel in the
    // volume, so only the notional grows: two trades fit, the third does not.
    LongBarAccumulator acc =
        new LongBarAccumulator()
            .add(1, d("90000000000.00000000"), d("90000000000.00000000"))
            .add(2, d("-90000000000.00000000"), d("-90000000000.00000000"));
    assertThat(acc.isFallback()).isFalse();
    acc.add(3, d("90000000000.00000000"), d("90000000000.00000000"));
    assertThat(acc.isFallback()).isTrue();
    Bar b = bar(acc);
    assertThat(b.open()).isEqualTo(d("90000000000.00000000"));
    assertThat(b.low()).isEqualTo(d("-90000000000.00000000"));
    assertThat(b.volume()).isEqualTo(d("90000000000.00000000"));
    assertThat(b.tradeCount()).isEqualTo(3);
    // notional 3 x 8.1e21 = 2.43e22, over a volume of 9e10
    assertThat(b.vwap()).isEqualTo(d("270000000000.00000000"));
  }

  @Test
  void stateBytesAreThoseOfTheCoreAccumulatorAndReadBack() throws Exception {
    BarAccumulator core = new BarAccumulator();
    LongBarAccumulator acc = new LongBarAccumulator();
    assertThat(bytes(acc.toBarAccumulator())).isEqualTo(bytes(core));
    String[][] trades = {
      {"3", "50000.00000000", "10.00000000"},
      {"1", "40000.12345678", "0.00000001"},
      {"2", "39999.00000000", "2.50000000"}
    };
    for (String[] t : trades) {
      core.add(Long.parseLong(t[0]), d(t[1]), d(t[2]));
      acc.add(Long.parseLong(t[0]), d(t[1]), d(t[2]));
      assertThat(bytes(acc.toBarAccumulator())).isEqualTo(bytes(core));
    }

    LongBarAccumulator back = LongBarAccumulator.of(read(bytes(core)));
    assertThat(back.isFallback()).isFalse();
    assertThat(bar(back)).isEqualTo(bar(acc));
    back.add(4, d("1.00000000"), d("1.00000000"));
    core.add(4, d("1.00000000"), d("1.00000000"));
    assertThat(bytes(back.toBarAccumulator())).isEqualTo(bytes(core));
  }

  @Test
  void stateThatDoesNotFitLongsReadsBackAsBigDecimals() throws Exception {
    BarAccumulator core = new BarAccumulator().add(1, d("1.5"), d("2")).add(2, d("2.25"), d("1"));
    LongBarAccumulator back = LongBarAccumulator.of(read(bytes(core)));
    assertThat(back.isFallback()).isTrue();
    assertThat(bar(back).high()).isEqualTo(d("2.25"));
    assertThat(bar(back).close()).isEqualTo(d("2.25"));
  }

  @Test
  void copyIsDeep() {
    LongBarAccumulator acc = new LongBarAccumulator().add(1, d("1.00"), d("1.00"));
    LongBarAccumulator copy = acc.copy();
    acc.add(2, d("2.00"), d("1.00"));
    assertThat(copy.count()).isEqualTo(1);
    assertThat(bar(copy).close()).isEqualTo(d("1.00"));
  }

  @Test
  void anEmptyBarHasNoBar() {
    assertThatThrownBy(() -> bar(new LongBarAccumulator()))
        .isInstanceOf(IllegalStateException.class);
  }

  private static byte[] bytes(BarAccumulator acc) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    BarAccumulatorSerializer.INSTANCE.serialize(acc, out);
    return out.getCopyOfBuffer();
  }

  private static BarAccumulator read(byte[] bytes) throws Exception {
    return BarAccumulatorSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));
  }

  @Test
  void oneReusedTradeHolderFeedsSeveralBarsAndFallsBackPerValue() {
    // As BarAggregator does: one holder, set once per trade, added to every bar of the trade.
    LongBarAccumulator.Trade t = new LongBarAccumulator.Trade();
    LongBarAccumulator second = new LongBarAccumulator();
    LongBarAccumulator minute = new LongBarAccumulator();
    t.set(d("100.50000000"), d("2.00000000"));
    second.add(1, t);
    minute.add(1, t);
    // 2^63 at scale 8: its unscaled value does not fit a long, so this bar goes to BigDecimal.
    t.set(d("92233720368.54775808"), d("1.00000000"));
    assertThat(t.fits).isFalse();
    minute.add(2, t);
    t.set(d("101.00000000"), d("1.00000000"));
    second.add(3, t);

    assertThat(second.isFallback()).isFalse();
    assertThat(bar(second).high()).isEqualTo(d("101.00000000"));
    assertThat(bar(second).close()).isEqualTo(d("101.00000000"));
    assertThat(bar(second).volume()).isEqualTo(d("3.00000000"));
    // 201 + 101 = 302; 302 / 3 = 100.666666666..., half-even to 8 places.
    assertThat(bar(second).vwap()).isEqualTo(d("100.66666667"));
    assertThat(minute.isFallback()).isTrue();
    assertThat(bar(minute).open()).isEqualTo(d("100.50000000"));
    assertThat(bar(minute).high()).isEqualTo(d("92233720368.54775808"));
    assertThat(bar(minute).volume()).isEqualTo(d("3.00000000"));
  }
}
