package io.tickstream.jobs;

import io.tickstream.jobs.SignalPlan.EnsembleSpec;
import io.tickstream.jobs.SignalPlan.InstrumentSelector;
import io.tickstream.jobs.SignalPlan.StrategySpec;
import io.tickstream.signals.bars.TimeBarSpec;
import io.tickstream.signals.strategies.StrategyFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the fields of one {@code strategy.<id>.*} or {@code ensemble.<id>.*} group. */
final class PlanKeys {
  private final Map<String, String> sets;
  private final List<String> jobResolutions;

  PlanKeys(Map<String, String> sets, List<String> jobResolutions) {
    this.sets = sets;
    this.jobResolutions = jobResolutions;
  }

  StrategySpec strategy(String id, Map<String, String> fields) {
    String prefix = "strategy." + id + ".";
    String type = fields.get("type");
    if (type == null || type.isBlank()) {
      throw invalid(prefix + "type", "is missing; known: " + StrategyFactory.names());
    }
    if (!StrategyFactory.names().contains(type.trim())) {
      throw invalid(
          prefix + "type", "'" + type + "' is not a strategy; known: " + StrategyFactory.names());
    }
    Map<String, String> params = new LinkedHashMap<>();
    fields.forEach(
        (field, value) -> {
          if (field.startsWith("param.")) {
            params.put(field.substring("param.".length()), value.trim());
          } else if (!Set.of("type", "instruments", "resolutions").contains(field)) {
            throw invalid(
                prefix + field,
                "is unknown; a strategy takes type, instruments, resolutions and param.<name>");
          }
        });
    StrategySpec spec =
        new StrategySpec(
            id,
            type.trim(),
            params,
            selector(prefix + "instruments", fields.getOrDefault("instruments", "*")),
            resolutions(prefix + "resolutions", fields.getOrDefault("resolutions", "all")));
    try {
      spec.create();
    } catch (IllegalArgumentException e) {
      // The factory says which parameter and why; we say where it was configured.
      throw invalid(prefix + "param.*", e.getMessage());
    }
    return spec;
  }

  EnsembleSpec ensemble(String id, Map<String, String> fields, Set<String> strategyIds) {
    String prefix = "ensemble." + id + ".";
    for (String field : fields.keySet()) {
      if (!Set.of("members", "threshold", "instruments", "resolutions").contains(field)) {
        throw invalid(
            prefix + field,
            "is unknown; an ensemble takes members, threshold, instruments, resolutions");
      }
    }
    String membersText = fields.get("members");
    if (membersText == null || membersText.isBlank()) {
      throw invalid(prefix + "members", "is missing: <strategy id>:<weight>,...");
    }
    Map<String, Double> members = new LinkedHashMap<>();
    for (String m : membersText.split(",")) {
      String[] pair = m.trim().split(":");
      if (!strategyIds.contains(pair[0].trim())) {
        throw invalid(
            prefix + "members",
            "'" + pair[0].trim() + "' is not a configured strategy id; known: " + strategyIds);
      }
      try {
        members.put(pair[0].trim(), pair.length > 1 ? Double.parseDouble(pair[1].trim()) : 1.0);
      } catch (NumberFormatException e) {
        throw invalid(prefix + "members", "weight '" + pair[1] + "' is not a number");
      }
    }
    double threshold;
    try {
      threshold = Double.parseDouble(fields.getOrDefault("threshold", "0.5").trim());
    } catch (NumberFormatException e) {
      throw invalid(prefix + "threshold", "'" + fields.get("threshold") + "' is not a number");
    }
    return new EnsembleSpec(
        id,
        members,
        threshold,
        selector(prefix + "instruments", fields.getOrDefault("instruments", "*")),
        resolutions(prefix + "resolutions", fields.getOrDefault("resolutions", "all")));
  }

  /** A set name from {@code instruments.<set>}, or ids and globs. */
  InstrumentSelector selector(String key, String value) {
    String v = value.trim();
    if (sets.containsKey(v)) {
      v = sets.get(v);
    }
    InstrumentSelector s = InstrumentSelector.of(v);
    if (s.patterns().isEmpty()) {
      throw invalid(key, "selects no instrument");
    }
    return s;
  }

  /** {@code all}, or a subset of the job's resolutions. */
  List<String> resolutions(String key, String value) {
    if (value.trim().equals("all")) {
      return jobResolutions;
    }
    List<String> specs;
    try {
      specs =
          Arrays.stream(value.split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .map(s -> TimeBarSpec.parse(s).text())
              .toList();
    } catch (IllegalArgumentException e) {
      throw invalid(key, e.getMessage());
    }
    for (String s : specs) {
      if (!jobResolutions.contains(s)) {
        throw invalid(key, "'" + s + "' is not one of the job's resolutions " + jobResolutions);
      }
    }
    return specs;
  }

  static IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException("analytics job option '" + key + "' " + problem);
  }
}
