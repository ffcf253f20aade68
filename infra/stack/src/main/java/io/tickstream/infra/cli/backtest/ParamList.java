package io.tickstream.infra.cli.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --params k=v,k2=v2}: strategy parameters as text (the strategy factory parses and checks
 * each value). In a sweep a value may list alternatives, {@code fast=5|10|20}.
 */
public final class ParamList {

  private ParamList() {}

  /** The parameters of {@code text} (null or blank: none), each with its alternatives. */
  public static Map<String, List<String>> parseGrid(String text) {
    Map<String, List<String>> out = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException(
            "--params: '" + pair.trim() + "' is not key=value (e.g. fast=10,slow=30)");
      }
      String key = pair.substring(0, eq).trim();
      List<String> values = new ArrayList<>();
      for (String v : pair.substring(eq + 1).split("\\|")) {
        if (v.isBlank()) {
          throw new IllegalArgumentException("--params: empty value in '" + pair.trim() + "'");
        }
        values.add(v.trim());
      }
      if (out.put(key, List.copyOf(values)) != null) {
        throw new IllegalArgumentException("--params: '" + key + "' is given twice");
      }
    }
    return out;
  }

  /** Single values only (no {@code |} alternatives outside a sweep). */
  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : parseGrid(text).entrySet()) {
      if (e.getValue().size() != 1) {
        throw new IllegalArgumentException(
            "--params: "
                + e.getKey()
                + " has alternatives "
                + e.getValue()
                + "; use --sweep to run each of them");
      }
      out.put(e.getKey(), e.getValue().get(0));
    }
    return out;
  }

  /** {@code a,b , c} as a list without blanks. */
  public static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
