package io.tickstream.signals.strategies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A parameter map checked against a strategy's {@link ParamSpec}s: every key known, every required
 * one present, every value of the right type and in range. Errors name the strategy, the parameter,
 * the value and the rule.
 */
final class StrategyParams {
  private final String strategy;
  private final Map<String, Object> values = new LinkedHashMap<>();

  StrategyParams(String strategy, List<ParamSpec> specs, Map<String, ?> given) {
    this.strategy = strategy;
    TreeSet<String> unknown = new TreeSet<>(given.keySet());
    for (ParamSpec spec : specs) {
      unknown.remove(spec.name());
      Object raw = given.get(spec.name());
      if (raw == null) {
        if (spec.defaultValue() == null) {
          throw error("missing required parameter " + spec.explain());
        }
        values.put(spec.name(), spec.defaultValue());
      } else {
        values.put(spec.name(), parse(spec, raw));
      }
    }
    if (!unknown.isEmpty()) {
      throw error(
          "unknown parameter(s) "
              + unknown
              + "; known: "
              + specs.stream().map(ParamSpec::name).toList());
    }
  }

  private Object parse(ParamSpec spec, Object raw) {
    String text = raw.toString().trim();
    switch (spec.type()) {
      case BOOL -> {
        if (raw instanceof Boolean b) {
          return b;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(text);
        }
        throw error("parameter " + spec.explain() + " = '" + text + "' is not true or false");
      }
      case TEXT -> {
        return text;
      }
      default -> {
        double d;
        try {
          d = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw error("parameter " + spec.explain() + " = '" + text + "' is not a number");
        }
        if (spec.type() == ParamSpec.Type.INT && (d != Math.rint(d) || Double.isInfinite(d))) {
          throw error("parameter " + spec.explain() + " = " + text + " is not an integer");
        }
        if (!(d >= spec.min() && d <= spec.max())) {
          throw error("parameter " + spec.explain() + " = " + text + " is out of range");
        }
        return spec.type() == ParamSpec.Type.INT ? (Object) (int) d : (Object) d;
      }
    }
  }

  IllegalArgumentException error(String message) {
    return new IllegalArgumentException("strategy '" + strategy + "': " + message);
  }

  int integer(String name) {
    return (Integer) values.get(name);
  }

  double decimal(String name) {
    return ((Number) values.get(name)).doubleValue();
  }

  boolean bool(String name) {
    return (Boolean) values.get(name);
  }

  String text(String name) {
    return (String) values.get(name);
  }
}
