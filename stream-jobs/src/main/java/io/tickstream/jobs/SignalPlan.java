package io.tickstream.jobs;

import io.tickstream.signals.ensemble.Ensemble;
import io.tickstream.signals.strategies.Strategy;
import io.tickstream.signals.strategies.StrategyFactory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What runs on which instruments and resolutions: strategies and ensembles (signals) and the
 * indicator set (features). Parsed from the job options whose keys have a variable part:
 *
 * <pre>
 * instruments.&lt;set&gt;=&lt;id or glob&gt;[,...]          e.g. instruments.crypto=BTC*,ETHUSD.SIM
 * strategy.&lt;id&gt;.type=&lt;name&gt;                    a StrategyFactory name, e.g. ma-crossover
 * strategy.&lt;id&gt;.param.&lt;name&gt;=&lt;value&gt;          a strategy parameter, checked by the factory
 * strategy.&lt;id&gt;.instruments=&lt;set | ids/globs&gt;   default * (every instrument)
 * strategy.&lt;id&gt;.resolutions=&lt;spec&gt;[,...]        default: every resolution of the job
 * ensemble.&lt;id&gt;.members=&lt;strategy id&gt;:&lt;weight&gt;[,...]
 * ensemble.&lt;id&gt;.threshold=&lt;(0, 1]&gt;              default 0.5
 * ensemble.&lt;id&gt;.instruments / .resolutions      as for strategies
 * </pre>
 *
 * <p>The {@code id} is the strategy id on the signals. An ensemble runs its own instances of its
 * member strategies (with their parameters), whatever their instruments and resolutions.
 *
 * @param strategies standalone strategies, in id order
 * @param ensembles ensembles, in id order
 * @param featureInstruments instruments that get features
 * @param featureResolutions resolutions (spec texts) that get features
 */
public record SignalPlan(
    List<StrategySpec> strategies,
    List<EnsembleSpec> ensembles,
    InstrumentSelector featureInstruments,
    List<String> featureResolutions)
    implements Serializable {

  public SignalPlan {
    strategies = List.copyOf(strategies);
    ensembles = List.copyOf(ensembles);
    Objects.requireNonNull(featureInstruments, "featureInstruments");
    featureResolutions = List.copyOf(featureResolutions);
  }

  /** Whether {@code key} belongs to the plan rather than to a fixed option. */
  public static boolean isPlanKey(String key) {
    return key.startsWith("instruments.")
        || key.startsWith("strategy.")
        || key.startsWith("ensemble.");
  }

  /** The key forms, for the usage text. */
  static String usage() {
    return "  instruments.<set>=<id|glob>,...; strategy.<id>.type=<"
        + String.join("|", StrategyFactory.names())
        + ">; strategy.<id>.param.<name>=<value>; strategy.<id>.instruments=<set|ids>;"
        + " strategy.<id>.resolutions=<specs>; ensemble.<id>.members=<strategy>:<weight>,...;"
        + " ensemble.<id>.threshold=<(0,1]>; ensemble.<id>.instruments|resolutions\n";
  }

  /** Whether features are computed for this instrument at this resolution. */
  public boolean featuresFor(String instrumentId, String spec) {
    return featureResolutions.contains(spec) && featureInstruments.matches(instrumentId);
  }

  /**
   * Fresh instances of every strategy and ensemble that runs on {@code instrumentId} at {@code
   * spec}, strategies first, each in id order.
   */
  public List<Strategy> strategiesFor(String instrumentId, String spec) {
    List<Strategy> out = new ArrayList<>();
    for (StrategySpec s : strategies) {
      if (s.appliesTo(instrumentId, spec)) {
        out.add(s.create());
      }
    }
    for (EnsembleSpec e : ensembles) {
      if (e.appliesTo(instrumentId, spec)) {
        out.add(e.create(this));
      }
    }
    return out;
  }

  /** Whether any strategy or ensemble exists. */
  public boolean hasSignals() {
    return !strategies.isEmpty() || !ensembles.isEmpty();
  }

  StrategySpec strategy(String id) {
    return strategies.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  /**
   * Parses the plan keys of {@code values} (others are ignored) against the job's resolutions.
   *
   * @throws IllegalArgumentException naming the key at fault
   */
  static SignalPlan parse(
      Map<String, String> values,
      List<String> resolutions,
      String featureInstruments,
      String featureResolutions) {
    Map<String, String> sets = new TreeMap<>();
    Map<String, Map<String, String>> strategyKeys = new TreeMap<>();
    Map<String, Map<String, String>> ensembleKeys = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          String[] parts = key.split("\\.", 3);
          if (key.startsWith("instruments.")) {
            sets.put(key.substring("instruments.".length()), value);
          } else if (parts.length == 3 && parts[0].equals("strategy")) {
            strategyKeys.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], value);
          } else if (parts.length == 3 && parts[0].equals("ensemble")) {
            ensembleKeys.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], value);
          } else if (isPlanKey(key)) {
            throw PlanKeys.invalid(key, "is not <kind>.<id>.<field>; " + usage());
          }
        });
    PlanKeys keys = new PlanKeys(sets, resolutions);
    List<StrategySpec> strategies = new ArrayList<>();
    strategyKeys.forEach((id, fields) -> strategies.add(keys.strategy(id, fields)));
    List<EnsembleSpec> ensembles = new ArrayList<>();
    ensembleKeys.forEach(
        (id, fields) -> {
          if (strategyKeys.containsKey(id)) {
            throw PlanKeys.invalid(
                "ensemble." + id, "has the id of a strategy; signals need distinct strategy ids");
          }
          ensembles.add(keys.ensemble(id, fields, strategyKeys.keySet()));
        });
    SignalPlan plan =
        new SignalPlan(
            strategies,
            ensembles,
            keys.selector(AnalyticsJobOption.FEATURES_INSTRUMENTS.key(), featureInstruments),
            keys.resolutions(AnalyticsJobOption.FEATURES_RESOLUTIONS.key(), featureResolutions));
    for (EnsembleSpec e : ensembles) {
      try {
        e.create(plan);
      } catch (IllegalArgumentException ex) {
        throw PlanKeys.invalid("ensemble." + e.id(), ex.getMessage());
      }
    }
    return plan;
  }

  /** Instruments by id or glob ({@code *} matches any run of characters). */
  public record InstrumentSelector(List<String> patterns) implements Serializable {
    public InstrumentSelector {
      patterns = List.copyOf(patterns);
    }

    /** Every instrument. */
    public static InstrumentSelector all() {
      return new InstrumentSelector(List.of("*"));
    }

    static InstrumentSelector of(String csv) {
      return new InstrumentSelector(
          Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** Whether {@code instrumentId} matches one of the patterns. */
    public boolean matches(String instrumentId) {
      for (String p : patterns) {
        if (p.equals("*") || p.equals(instrumentId) || glob(p, instrumentId)) {
          return true;
        }
      }
      return false;
    }

    private static boolean glob(String pattern, String id) {
      if (!pattern.contains("*")) {
        return false;
      }
      String regex =
          Arrays.stream(pattern.split("\\*", -1))
              .map(java.util.regex.Pattern::quote)
              .reduce((a, b) -> a + ".*" + b)
              .orElse("");
      return id.matches(regex);
    }
  }

  /**
   * A configured strategy.
   *
   * @param id the strategy id on its signals
   * @param type the {@link StrategyFactory} name
   * @param params parameters as given (values as text)
   * @param instruments where it runs
   * @param resolutions the bar specs it runs on
   */
  public record StrategySpec(
      String id,
      String type,
      Map<String, String> params,
      InstrumentSelector instruments,
      List<String> resolutions)
      implements Serializable {
    public StrategySpec {
      params = Map.copyOf(params);
      resolutions = List.copyOf(resolutions);
    }

    boolean appliesTo(String instrumentId, String spec) {
      return resolutions.contains(spec) && instruments.matches(instrumentId);
    }

    /** A fresh instance from the factory. */
    public Strategy create() {
      Map<String, Object> p = new LinkedHashMap<>(params);
      p.put("id", id);
      return StrategyFactory.create(type, p);
    }
  }

  /**
   * A configured ensemble.
   *
   * @param id the strategy id on its signals
   * @param members member strategy ids and weights
   * @param threshold |score| needed for LONG or SHORT
   * @param instruments where it runs
   * @param resolutions the bar specs it runs on
   */
  public record EnsembleSpec(
      String id,
      Map<String, Double> members,
      double threshold,
      InstrumentSelector instruments,
      List<String> resolutions)
      implements Serializable {
    public EnsembleSpec {
      members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
      resolutions = List.copyOf(resolutions);
    }

    boolean appliesTo(String instrumentId, String spec) {
      return resolutions.contains(spec) && instruments.matches(instrumentId);
    }

    /** A fresh ensemble with fresh member instances. */
    public Ensemble create(SignalPlan plan) {
      List<Ensemble.Member> list = new ArrayList<>();
      members.forEach(
          (strategyId, weight) ->
              list.add(new Ensemble.Member(plan.strategy(strategyId).create(), weight)));
      return new Ensemble(id, list, threshold);
    }
  }
}
