package io.tickstream.api.series;

import io.tickstream.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The position after the last row of a page: the values of the table's key columns (time first,
 * then the tie-breakers) and the sort direction. Clients see it as an opaque base64url token; the
 * next page continues strictly after it, so pages neither overlap nor skip rows.
 *
 * @param keys the key values, as strings, in key-column order
 * @param descending whether the page was sorted newest first
 */
public record Cursor(List<String> keys, boolean descending) {
  private static final char SEPARATOR = '\u001f';
  private static final int MAX_ENCODED = 256;

  public Cursor {
    keys = List.copyOf(keys);
  }

  /** The opaque token. */
  public String encode() {
    StringBuilder raw = new StringBuilder(descending ? "d" : "a");
    for (String k : keys) {
      raw.append(SEPARATOR).append(k);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a token made by {@link #encode}.
   *
   * @throws ApiException 400 naming {@code cursor} when it is not one of ours
   */
  public static Cursor decode(String token, int keyCount) {
    ApiException bad =
        ApiException.invalidParameter("cursor", "cursor must be the nextCursor of a previous page");
    if (token.length() > MAX_ENCODED) {
      throw bad;
    }
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad;
    }
    List<String> parts = new ArrayList<>(List.of(raw.split(String.valueOf(SEPARATOR), -1)));
    if (parts.size() != keyCount + 1 || !(parts.get(0).equals("a") || parts.get(0).equals("d"))) {
      throw bad;
    }
    boolean descending = parts.remove(0).equals("d");
    return new Cursor(parts, descending);
  }
}
