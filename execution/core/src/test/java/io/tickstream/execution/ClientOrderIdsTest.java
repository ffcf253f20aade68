package io.tickstream.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {

  private static final long BAR_END = 1_700_000_060_000_000_000L;

  @Test
  void sameSignalSameId() {
    assertThat(ClientOrderIds.of("AAPL.XNAS", "s1", "1m", BAR_END, 0, "ACC"))
        .isEqualTo(ClientOrderIds.of("AAPL.XNAS", "s1", "1m", BAR_END, 0, "ACC"));
  }

  @Test
  void idIsShortUrlSafeAndFixedLength() {
    String id = ClientOrderIds.of("AAPL.XNAS", "sma-cross", "1m", BAR_END, 0, "ACC-1");
    assertThat(id).hasSize(ClientOrderIds.LENGTH).matches("[A-Za-z0-9_-]+");
    assertThat(ClientOrderIds.LENGTH).isLessThanOrEqualTo(ClientOrderIds.MAX_LENGTH);
  }

  @Test
  void everyFieldChangesTheId() {
    Set<String> ids = new HashSet<>();
    ids.add(ClientOrderIds.of("AAPL.XNAS", "s1", "1m", BAR_END, 0, "ACC"));
    ids.add(ClientOrderIds.of("MSFT.XNAS", "s1", "1m", BAR_END, 0, "ACC"));
    ids.add(ClientOrderIds.of("AAPL.XNAS", "s2", "1m", BAR_END, 0, "ACC"));
    ids.add(ClientOrderIds.of("AAPL.XNAS", "s1", "5m", BAR_END, 0, "ACC"));
    ids.add(ClientOrderIds.of("AAPL.XNAS", "s1", "1m", BAR_END + 1, 0, "ACC"));
    ids.add(ClientOrderIds.of("AAPL.XNAS", "s1", "1m", BAR_END, 1, "ACC"));
    ids.add(ClientOrderIds.of("AAPL.XNAS", "s1", "1m", BAR_END, 0, "ACC2"));
    assertThat(ids).hasSize(7);
  }

  @Test
  void fieldBoundariesCannotBeShiftedToCollide() {
    // With a plain "a|b" join these two would both encode "A|B|C"; length prefixes keep them apart.
    assertThat(ClientOrderIds.of("A|B", "C", "1m", BAR_END, 0, "X"))
        .isNotEqualTo(ClientOrderIds.of("A", "B|C", "1m", BAR_END, 0, "X"));
    assertThat(ClientOrderIds.of("AB", "", "1m", BAR_END, 0, "X"))
        .isNotEqualTo(ClientOrderIds.of("A", "B", "1m", BAR_END, 0, "X"));
  }

  @Test
  void noCollisionsOverManyBars() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(ClientOrderIds.of("AAPL.XNAS", "s1", "1m", BAR_END + i * 60_000_000_000L, 0, "ACC"));
    }
    assertThat(ids).hasSize(100_000);
  }

  @Test
  void childIdsAppendALegWithinMaxLength() {
    String parent = ClientOrderIds.of("AAPL.XNAS", "s1", "1m", BAR_END, 0, "ACC");
    assertThat(ClientOrderIds.child(parent, "SL")).isEqualTo(parent + "-SL");
    assertThat(ClientOrderIds.child(parent, "ABCD")).hasSizeLessThanOrEqualTo(48);
    assertThatThrownBy(() -> ClientOrderIds.child(parent, "TOOLONG"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leg");
    assertThatThrownBy(() -> ClientOrderIds.child(parent + "-SL", "X"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
