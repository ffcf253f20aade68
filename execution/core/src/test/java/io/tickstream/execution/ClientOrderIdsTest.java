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
  void idsAreTheSha256OfTheDocumentedEncoding() {
    // Expected values from Python's hashlib over the encoding the class Javadoc documents
    // (big-endian int version 1, length-prefixed UTF-8 fields, long bar end, int revision),
    // base64url without padding: ids are stored and compared across versions, so they never
    // change. Non-ASCII fields (surrogate pair included) and a field longer than the initial buffer
    // are covered too.
    assertThat(ClientOrderIds.of("AAPL.XNAS", "sma-cross", "1m", BAR_END, 0, "ACC-1"))
        .isEqualTo("TzKTvmSV2-5N_EhxnNkyKK0XEwqcoQCj_yhV5qE_Os8");
    assertThat(
            ClientOrderIds.of(
                "SIE.XETR", "strat\u00e9gie-\u20ac", "1m", BAR_END, 2, "Konto-\u00dc-\ud83d\ude00"))
        .isEqualTo("T7wFMLriayyfF34vYP4gxNbw72K6_3Umom_Jvq-IOns");
    assertThat(ClientOrderIds.of("x".repeat(300), "s", "1m", -5, 0, "A"))
        .isEqualTo("Df2hoyUqahJZTskZIVDZmFp_t4trJM_97jW9iAEYtO8");
    // And again after the long one grew this thread's buffer.
    assertThat(ClientOrderIds.of("AAPL.XNAS", "sma-cross", "1m", BAR_END, 0, "ACC-1"))
        .isEqualTo("TzKTvmSV2-5N_EhxnNkyKK0XEwqcoQCj_yhV5qE_Os8");
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
