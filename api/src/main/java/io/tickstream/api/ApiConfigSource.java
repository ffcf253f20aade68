package io.tickstream.api;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads an {@link ApiConfig} from the command line: {@code --config <file>} names a properties
 * file, every other {@code --key value} pair overrides it; missing keys keep their defaults.
 */
public final class ApiConfigSource {
  /** The argument that names a properties file. */
  public static final String CONFIG_ARG = "config";

  private ApiConfigSource() {}

  /**
   * Parses {@code args} into a config.
   *
   * @throws IllegalArgumentException for a malformed argument, an unknown key or an invalid value
   * @throws UncheckedIOException when the properties file cannot be read
   */
  public static ApiConfig fromArgs(String... args) {
    Map<String, String> overrides = pairs(args);
    Map<String, String> values = new LinkedHashMap<>();
    String file = overrides.remove(CONFIG_ARG);
    if (file != null) {
      values.putAll(fromFile(Path.of(file)));
    }
    values.putAll(overrides);
    return ApiConfig.fromMap(values);
  }

  /** Reads the key/value pairs of a properties file (ISO-8859-1 escapes apply, UTF-8 read). */
  public static Map<String, String> fromFile(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties props = new Properties();
      props.load(in);
      Map<String, String> values = new LinkedHashMap<>();
      for (String key : props.stringPropertyNames()) {
        values.put(key, props.getProperty(key));
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration file " + file, e);
    }
  }

  private static Map<String, String> pairs(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected --key value, got '" + arg + "'");
      }
      String key;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        key = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        key = arg.substring(2);
        value = args[++i];
      } else {
        throw new IllegalArgumentException("missing value after " + arg);
      }
      if (values.put(key, value) != null) {
        throw new IllegalArgumentException("--" + key + " given twice");
      }
    }
    return values;
  }
}
