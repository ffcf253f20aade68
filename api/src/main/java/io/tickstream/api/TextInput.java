package io.tickstream.api;

/**
 * Checks on free-text ids from paths and queries before they reach SQL as bind parameters:
 * PostgreSQL text cannot hold NUL (the statement would fail), and no id is longer than 128.
 */
final class TextInput {
  static final int MAX_ID_LENGTH = 128;

  private TextInput() {}

  /** A path id: anything unusable cannot name an existing row, so it is a 404. */
  static String id(String value, String what) {
    if (value == null
        || value.isEmpty()
        || value.length() > MAX_ID_LENGTH
        || value.indexOf('\0') >= 0) {
      throw ApiException.notFound("unknown " + what);
    }
    return value;
  }

  /** A filter value: 400 naming the parameter when unusable. */
  static String filter(String value, String parameter) {
    if (value.length() > MAX_ID_LENGTH || value.indexOf('\0') >= 0) {
      throw ApiException.invalidParameter(
          parameter, parameter + " must be at most " + MAX_ID_LENGTH + " characters without NUL");
    }
    return value;
  }
}
