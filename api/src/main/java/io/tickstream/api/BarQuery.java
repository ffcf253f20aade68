package io.tickstream.api;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated request for bars of one instrument and spec. With {@code from} the page holds the
 * first {@code limit} bars starting at or after it; without, the last {@code limit} bars before
 * {@code to} (or the newest ones). Either way the items come in ascending start order.
 *
 * @param instrumentId the instrument, as in the {@code instruments} table
 * @param spec the bar spec, {@code <n><s|m|h|d>} such as {@code 1m}
 * @param from inclusive lower bound of the bar start, or {@code null}
 * @param to exclusive upper bound of the bar start, or {@code null}
 * @param limit the most bars to return, at least 1
 */
public record BarQuery(String instrumentId, String spec, Instant from, Instant to, int limit) {
  /** The query parameters the bars route accepts. */
  public static final Set<String> PARAMETERS = Set.of("spec", "from", "to", "limit");

  /**
   * A bar spec as the bar jobs write it: a time spec (the grammar of {@code signals}' {@code
   * TimeBarSpec}: 1 to 999999 seconds, minutes, hours or days, no leading zero) or a threshold spec
   * (the wire text of {@code signals}' {@code ThresholdBarAggregator}: {@code tick-<n>}, {@code
   * volume-<x>} or {@code dollar-<x>}, the threshold as a plain decimal without trailing zeros).
   */
  public static final Pattern SPEC =
      Pattern.compile("[1-9][0-9]{0,5}[smhd]|(?:tick|volume|dollar)-[0-9]{1,18}(?:\\.[0-9]{1,8})?");

  /** The spec grammar in words, for error messages. */
  static final String SPEC_FORMAT =
      "a bar spec: <n><s|m|h|d> with n from 1 to 999999 (1s, 1m, 5m, 1h, 1d) or a tick, volume or"
          + " dollar bar spec (tick-100, volume-1000, dollar-1000000)";

  private static final String INSTANT_FORMAT = "an ISO-8601 instant such as 2026-01-01T00:00:00Z";

  /** Checks the invariants; parameter errors are reported by {@link #parse}. */
  public BarQuery {
    Objects.requireNonNull(instrumentId, "instrumentId");
    if (spec == null || !SPEC.matcher(spec).matches()) {
      throw new IllegalArgumentException("bad spec " + spec);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " is not before to " + to);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " < 1");
    }
  }

  /**
   * Reads and validates the query parameters of a bars request.
   *
   * @param defaultLimit the limit when none is given
   * @param maxLimit the largest limit allowed
   * @throws ApiException 400 {@code INVALID_PARAMETER} naming the first bad parameter
   */
  public static BarQuery parse(
      String instrumentId, MultiMap params, int defaultLimit, int maxLimit) {
    QueryParameters q = QueryParameters.of(params, PARAMETERS);
    String spec = q.single("spec");
    if (spec == null) {
      throw ApiException.invalidParameter("spec", "spec is required: " + SPEC_FORMAT);
    }
    if (!SPEC.matcher(spec).matches()) {
      throw ApiException.invalidParameter(
          "spec", "spec must be " + SPEC_FORMAT + "; got '" + abbreviate(spec) + "'");
    }
    Instant from = instant(q, "from");
    Instant to = instant(q, "to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw ApiException.invalidParameter(
          "from",
          "from must be before to (from is inclusive, to exclusive); got " + from + " >= " + to);
    }
    int limit = limit(q.single("limit"), defaultLimit, maxLimit);
    return new BarQuery(instrumentId, spec, from, to, limit);
  }

  private static Instant instant(QueryParameters q, String name) {
    String raw = q.single(name);
    if (raw == null) {
      return null;
    }
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter(
          name, name + " must be " + INSTANT_FORMAT + "; got '" + abbreviate(raw) + "'");
    }
  }

  private static int limit(String raw, int defaultLimit, int maxLimit) {
    if (raw == null) {
      return defaultLimit;
    }
    String allowed =
        "limit must be an integer from 1 to " + maxLimit + "; got '" + abbreviate(raw) + "'";
    try {
      int limit = Integer.parseInt(raw);
      if (limit < 1 || limit > maxLimit) {
        throw ApiException.invalidParameter("limit", allowed);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("limit", allowed);
    }
  }

  /** Echoes client input into messages, but never a whole megabyte of it. */
  private static String abbreviate(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
  }
}
