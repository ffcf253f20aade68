package io.tickstream.api;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of a request's query parameters: unknown names and repeated parameters are
 * rejected, an empty value counts as absent (HTML forms send empty fields).
 */
final class QueryParameters {
  private final MultiMap params;

  private QueryParameters(MultiMap params) {
    this.params = params;
  }

  /**
   * Wraps {@code params} after checking that each name is in {@code allowed}.
   *
   * @throws ApiException 400 naming the first unknown parameter
   */
  static QueryParameters of(MultiMap params, Set<String> allowed) {
    for (String name : params.names()) {
      if (!allowed.contains(name)) {
        String what =
            allowed.isEmpty()
                ? "this route takes no query parameters"
                : "allowed: " + String.join(", ", allowed.stream().sorted().toList());
        throw ApiException.invalidParameter(
            name, "unknown query parameter '" + name + "'; " + what);
      }
    }
    return new QueryParameters(params);
  }

  /**
   * The single value of {@code name}, or {@code null} when absent or empty.
   *
   * @throws ApiException 400 when the parameter is given more than once
   */
  String single(String name) {
    List<String> values = params.getAll(name);
    if (values.size() > 1) {
      throw ApiException.invalidParameter(name, name + " may be given at most once");
    }
    return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }
}
