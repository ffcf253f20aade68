package io.tickstream.api;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.validation.ValidatorException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps request-validation failures of Vert.x OpenAPI to the API's error body: 400 {@code
 * INVALID_PARAMETER} naming the parameter, or {@code INVALID_BODY}.
 */
final class OpenApiFailures {
  private static final Pattern PARAMETER =
      Pattern.compile("(?:query|path|header|cookie) parameter ([A-Za-z_][A-Za-z0-9_]*)");

  private OpenApiFailures() {}

  static boolean isValidation(Throwable failure) {
    return failure instanceof ValidatorException
        || (failure != null && failure.getCause() instanceof ValidatorException);
  }

  /** What a valid value looks like, for the parameters whose schema message alone is terse. */
  private static String hint(String parameter, int maxPageSize) {
    return switch (parameter) {
      case "spec" -> "spec must be " + BarQuery.SPEC_FORMAT;
      case "limit" -> "limit must be an integer from 1 to " + maxPageSize;
      case "cursor" -> "cursor must be the nextCursor of a previous page";
      case "sort" -> "sort must be ts or -ts";
      default -> null;
    };
  }

  static JsonObject toJson(Throwable failure, int maxPageSize) {
    ValidatorException e =
        failure instanceof ValidatorException v ? v : (ValidatorException) failure.getCause();
    String message = e.getMessage() == null ? "invalid request" : e.getMessage();
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    Matcher m = PARAMETER.matcher(message);
    if (m.find()) {
      String hint = hint(m.group(1), maxPageSize);
      if (hint != null) {
        message = message + " (" + hint + ")";
      }
      return new JsonObject()
          .put("code", "INVALID_PARAMETER")
          .put("message", message)
          .put("parameter", m.group(1));
    }
    return new JsonObject().put("code", "INVALID_BODY").put("message", message);
  }
}
