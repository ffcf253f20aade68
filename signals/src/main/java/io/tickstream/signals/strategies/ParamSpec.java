package io.tickstream.signals.strategies;

/**
 * One strategy parameter: its type, allowed range, default (null = required) and meaning.
 *
 * @param name the key in the parameter map
 * @param type how the value is read
 * @param min smallest allowed value (numbers)
 * @param max largest allowed value (numbers)
 * @param defaultValue the value when absent; null when the parameter is required
 * @param description one line, used in error messages
 */
public record ParamSpec(
    String name, Type type, double min, double max, Object defaultValue, String description) {

  /** Parameter types. */
  public enum Type {
    INT("an integer"),
    DECIMAL("a number"),
    BOOL("true or false"),
    TEXT("text");

    final String what;

    Type(String what) {
      this.what = what;
    }
  }

  static ParamSpec integer(String name, int min, int max, Integer dflt, String description) {
    return new ParamSpec(name, Type.INT, min, max, dflt, description);
  }

  static ParamSpec decimal(String name, double min, double max, Double dflt, String description) {
    return new ParamSpec(name, Type.DECIMAL, min, max, dflt, description);
  }

  static ParamSpec bool(String name, boolean dflt, String description) {
    return new ParamSpec(name, Type.BOOL, 0, 1, dflt, description);
  }

  static ParamSpec text(String name, String dflt, String description) {
    return new ParamSpec(name, Type.TEXT, 0, 0, dflt, description);
  }

  /** Human form: name, type, range, meaning. */
  String explain() {
    String range =
        switch (type) {
          case INT -> " in [" + (long) min + ", " + (long) max + "]";
          case DECIMAL -> " in [" + min + ", " + max + "]";
          default -> "";
        };
    return "'" + name + "' (" + type.what + range + ": " + description + ")";
  }
}
