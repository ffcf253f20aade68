package io.tickstream.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Typed reads of {@code key -> value} configuration; every error names the key. */
final class ConfigValues {
  private final Map<String, String> values;

  ConfigValues(Map<String, String> values) {
    this.values = values;
  }

  String text(String key, String fallback) {
    String raw = values.get(key);
    return raw == null ? fallback : raw.strip();
  }

  int integer(String key, int fallback) {
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + raw + "'");
    }
  }

  double decimal(String key, double fallback) {
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + raw + "'");
    }
  }

  boolean bool(String key, boolean fallback) {
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    return switch (raw.strip()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be true or false, got '" + raw + "'");
    };
  }

  List<String> list(String key, List<String> fallback) {
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static void requireRange(long value, long min, long max, String key) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " must be in " + min + ".." + max + ", got " + value);
    }
  }
}
