package io.tickstream.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PriceReferenceTest {
  @Test
  void theMedianOfTheLastPricesMatchesASortOfThem() {
    SplittableRandom r = new SplittableRandom(1);
    PriceReference ref = new PriceReference(7);
    List<BigDecimal> all = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      BigDecimal p = BigDecimal.valueOf(90 + r.nextInt(20)).setScale(8); // many equal prices
      ref.add(p);
      all.add(p);
      List<BigDecimal> last = new ArrayList<>(all.subList(Math.max(0, all.size() - 7), all.size()));
      Collections.sort(last);
      assertThat(ref.median()).isEqualTo(last.get((last.size() - 1) / 2));
      assertThat(ref.samples()).isEqualTo(last.size());
    }
    PriceReference restored = PriceReference.fromText(ref.toText(), 7);
    assertThat(restored.toText()).isEqualTo(ref.toText());
    assertThat(restored.median()).isEqualTo(ref.median());
  }

  @Test
  void gridChecksAreExactAtAnyScale() {
    assertThat(TickGrid.onGrid(new BigDecimal("228.17000000"), new BigDecimal("0.01000000")))
        .isTrue();
    assertThat(TickGrid.onGrid(new BigDecimal("228.175"), new BigDecimal("0.01"))).isFalse();
    assertThat(TickGrid.onGrid(new BigDecimal("1.08505"), new BigDecimal("0.00005"))).isTrue();
    assertThat(TickGrid.onGrid(new BigDecimal("1.08506"), new BigDecimal("0.00005"))).isFalse();
    assertThat(TickGrid.onGrid(new BigDecimal("-0.02"), new BigDecimal("0.01"))).isTrue();
    assertThat(TickGrid.onGrid(new BigDecimal("123456789012345678901.25"), new BigDecimal("0.25")))
        .isTrue();
    assertThat(TickGrid.onGrid(new BigDecimal("123456789012345678901.26"), new BigDecimal("0.25")))
        .isFalse();
  }
}
