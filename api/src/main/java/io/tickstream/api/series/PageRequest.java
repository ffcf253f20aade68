package io.tickstream.api.series;

import io.tickstream.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * A validated page request: a time range [from, to), a page size, a sort direction and where to
 * continue.
 *
 * @param from inclusive lower bound, or null
 * @param to exclusive upper bound, or null
 * @param limit rows per page
 * @param descending newest first ({@code sort=-ts})
 * @param cursor the continuation token, or null for the first page
 */
public record PageRequest(Instant from, Instant to, int limit, boolean descending, String cursor) {

  /** The parameters every paged route takes. */
  public static final java.util.Set<String> PARAMETERS =
      java.util.Set.of("from", "to", "limit", "cursor", "sort");

  /**
   * Reads the paging parameters through {@code single} (a strict single-value reader).
   *
   * @throws ApiException 400 naming the first bad parameter or the cap it passes
   */
  public static PageRequest parse(
      Function<String, String> single, int defaultLimit, int maxLimit, Duration maxRange) {
    Instant from = instant(single, "from");
    Instant to = instant(single, "to");
    checkRange(from, to, maxRange);
    int limit = limit(single.apply("limit"), defaultLimit, maxLimit);
    String sort = single.apply("sort");
    if (sort != null && !sort.equals("ts") && !sort.equals("-ts")) {
      throw ApiException.invalidParameter("sort", "sort must be ts or -ts");
    }
    return new PageRequest(from, to, limit, "-ts".equals(sort), single.apply("cursor"));
  }

  /**
   * Checks {@code from < to} and the span cap.
   *
   * @throws ApiException 400 naming from, or the cap {@code limits.range.max.days}
   */
  public static void checkRange(Instant from, Instant to, Duration maxRange) {
    if (from != null && to != null) {
      if (!from.isBefore(to)) {
        throw ApiException.invalidParameter(
            "from", "from must be before to (from is inclusive, to exclusive)");
      }
      if (Duration.between(from, to).compareTo(maxRange) > 0) {
        throw ApiException.limitExceeded(
            "to",
            "the range from..to may span at most "
                + maxRange.toDays()
                + " days (limits.range.max.days)");
      }
    }
  }

  /** Parses an ISO-8601 instant (an offset is accepted) or answers 400 naming {@code name}. */
  public static Instant instant(Function<String, String> single, String name) {
    String raw = single.apply(name);
    if (raw == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter(
          name, name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }
  }

  private static int limit(String raw, int defaultLimit, int maxLimit) {
    if (raw == null) {
      return defaultLimit;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(
          "limit", "limit must be an integer from 1 to " + maxLimit);
    }
    if (limit < 1) {
      throw ApiException.invalidParameter(
          "limit", "limit must be an integer from 1 to " + maxLimit);
    }
    if (limit > maxLimit) {
      throw ApiException.limitExceeded(
          "limit", "limit may be at most " + maxLimit + " (page.max.size)");
    }
    return limit;
  }
}
