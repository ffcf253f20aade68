package io.tickstream.execution.service.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A JSON object of settings read with its path, so every error says where it is ({@code
 * accounts[1].limits.maxDrawdown}) and what was expected. Absent optional settings take defaults.
 */
final class JsonSettings {
  private final JsonNode node;
  private final String path;

  JsonSettings(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new ConfigException(where(path) + "must be a JSON object", null);
    }
    this.node = node;
    this.path = path;
  }

  private static String where(String path) {
    return (path.isEmpty() ? "the configuration" : path) + ": ";
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private JsonNode required(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new ConfigException(at(key) + ": required setting is missing", null);
    }
    return v;
  }

  boolean has(String key) {
    return node.hasNonNull(key);
  }

  String text(String key) {
    JsonNode v = required(key);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new ConfigException(at(key) + ": must be a non-empty string, got " + v, null);
    }
    return v.asText();
  }

  String text(String key, String fallback) {
    return has(key) ? text(key) : fallback;
  }

  int integer(String key, int fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode v = node.get(key);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new ConfigException(at(key) + ": must be an integer, got " + v, null);
    }
    return v.asInt();
  }

  boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw new ConfigException(at(key) + ": must be true or false, got " + v, null);
    }
    return v.asBoolean();
  }

  /** A decimal written as a JSON string ("0.01") or number; strings keep exactness. */
  BigDecimal decimal(String key) {
    JsonNode v = required(key);
    try {
      return new BigDecimal(v.isTextual() ? v.asText() : v.toString());
    } catch (NumberFormatException e) {
      throw new ConfigException(at(key) + ": must be a decimal such as \"0.01\", got " + v, e);
    }
  }

  BigDecimal decimal(String key, BigDecimal fallback) {
    return has(key) ? decimal(key) : fallback;
  }

  Duration millis(String key, long fallbackMs) {
    int ms = integer(key, (int) fallbackMs);
    if (ms <= 0) {
      throw new ConfigException(at(key) + ": must be > 0 milliseconds, got " + ms, null);
    }
    return Duration.ofMillis(ms);
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    if (!has(key)) {
      return fallback;
    }
    String raw = text(key);
    try {
      return Enum.valueOf(type, raw.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          at(key) + ": must be one of " + List.of(type.getEnumConstants()) + ", got " + raw, e);
    }
  }

  JsonSettings object(String key) {
    return new JsonSettings(required(key), at(key));
  }

  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (JsonSettings.Item item : items(key)) {
      if (!item.node.isTextual()) {
        throw new ConfigException(item.path + ": must be a string, got " + item.node, null);
      }
      out.add(item.node.asText());
    }
    return out;
  }

  <T> List<T> objects(String key, Function<JsonSettings, T> parse) {
    List<T> out = new ArrayList<>();
    for (JsonSettings.Item item : items(key)) {
      JsonSettings s = new JsonSettings(item.node, item.path);
      out.add(s.build(parse));
    }
    return out;
  }

  /** Runs {@code parse}, turning a record's validation error into one naming this path. */
  <T> T build(Function<JsonSettings, T> parse) {
    try {
      return parse.apply(this);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigException(where(path) + e.getMessage(), e);
    }
  }

  private List<Item> items(String key) {
    if (!has(key)) {
      return List.of();
    }
    JsonNode v = node.get(key);
    if (!v.isArray()) {
      throw new ConfigException(at(key) + ": must be a JSON array, got " + v, null);
    }
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new Item(v.get(i), at(key) + "[" + i + "]"));
    }
    return out;
  }

  private record Item(JsonNode node, String path) {}
}
