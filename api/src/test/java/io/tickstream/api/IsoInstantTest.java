package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IsoInstant} writes what {@link Instant#toString} writes (the JDK is the reference). */
class IsoInstantTest {
  @Test
  void writesTheTextOfToString() throws Exception {
    List<Instant> instants =
        new ArrayList<>(
            List.of(
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:01:00Z"),
                Instant.parse("2024-02-29T23:59:59Z"),
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59Z"),
                Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("0999-12-31T23:59:59Z"),
                Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.001Z"),
                Instant.parse("2026-01-01T00:00:00.000000001Z"),
                Instant.MIN,
                Instant.MAX));
    Random random = new Random(8);
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(-40_000_000_000L, 300_000_000_000L);
      instants.add(
          Instant.ofEpochSecond(second, random.nextInt(4) == 0 ? random.nextInt() & 0xfffff : 0));
    }
    for (Instant t : instants) {
      assertThat(written(t)).isEqualTo("\"" + t + "\"");
    }
  }

  private static String written(Instant t) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      IsoInstant.write(json, t);
    }
    return out.toString();
  }
}
