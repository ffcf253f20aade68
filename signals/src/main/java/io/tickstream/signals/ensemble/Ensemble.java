package io.tickstream.signals.ensemble;

import io.tickstream.signals.BarInput;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Reason;
import io.tickstream.signals.Signal;
import io.tickstream.signals.strategies.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Weighted vote of several strategies on the same bars. Each member votes its direction (+1, −1, 0)
 * times its strength; the score is {@code Σ wᵢ·dᵢ·sᵢ / Σ wᵢ} in [−1, 1]. The ensemble is LONG when
 * the score is at least {@code threshold}, SHORT when at most −threshold, else FLAT. Confidence:
 * |score| when LONG or SHORT; when FLAT, the share of weight that voted FLAT. Members are evaluated
 * in the given order, so the result is deterministic.
 */
public final class Ensemble implements Strategy {
  private final String id;
  private final List<Member> members;
  // The members' strategies and weights as arrays: onBar runs for every bar.
  private final Strategy[] strategies;
  private final double[] weights;
  private final double threshold;
  private final double totalWeight;

  /** A strategy and its weight (> 0). */
  public record Member(Strategy strategy, double weight) {
    public Member {
      Objects.requireNonNull(strategy, "strategy");
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException(
            "weight of " + strategy.id() + " must be a positive number, got " + weight);
      }
    }
  }

  /**
   * @param members the members' states, in member order
   */
  public record State(List<Record> members) {
    public State {
      members = List.copyOf(members);
    }
  }

  /**
   * @param threshold the |score| needed for a LONG or SHORT, in (0, 1]
   */
  public Ensemble(String id, List<Member> members, double threshold) {
    this.id = Objects.requireNonNull(id, "id");
    if (members == null || members.isEmpty()) {
      throw new IllegalArgumentException("ensemble " + id + " needs at least one member");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "ensemble " + id + " threshold must be in (0, 1], got " + threshold);
    }
    this.members = List.copyOf(members);
    this.threshold = threshold;
    this.strategies = new Strategy[this.members.size()];
    this.weights = new double[this.members.size()];
    for (int i = 0; i < strategies.length; i++) {
      strategies[i] = this.members.get(i).strategy();
      weights[i] = this.members.get(i).weight();
    }
    this.totalWeight = this.members.stream().mapToDouble(Member::weight).sum();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Signal onBar(BarInput bar) {
    double score = 0;
    double flatWeight = 0;
    Signal[] votes = new Signal[strategies.length];
    for (int i = 0; i < strategies.length; i++) {
      Signal s = strategies[i].onBar(bar);
      votes[i] = s;
      score += weights[i] * s.direction().sign() * s.strength();
      if (s.direction() == Direction.FLAT) {
        flatWeight += weights[i];
      }
    }
    score /= totalWeight;
    double finalScore = score;
    Reason reason = () -> reason(finalScore, votes);
    if (score >= threshold) {
      return Signal.of(bar.bar(), id, Direction.LONG, Math.min(1.0, score), reason);
    }
    if (score <= -threshold) {
      return Signal.of(bar.bar(), id, Direction.SHORT, Math.min(1.0, -score), reason);
    }
    return Signal.of(
        bar.bar(), id, Direction.FLAT, Math.min(1.0, flatWeight / totalWeight), reason);
  }

  /** The score and every member's vote; built only when the signal's reason is read. */
  private String reason(double score, Signal[] votes) {
    StringBuilder text =
        new StringBuilder("score ")
            .append(fmt(score))
            .append(" vs threshold ")
            .append(fmt(threshold))
            .append(": ");
    for (int i = 0; i < votes.length; i++) {
      Signal s = votes[i];
      text.append(i == 0 ? "" : ", ")
          .append(s.strategyId())
          .append(' ')
          .append(s.direction())
          .append(' ')
          .append(fmt(s.strength()))
          .append('×')
          .append(fmt(weights[i]));
    }
    return text.toString();
  }

  // Cheap rounding for reason text; String.format costs more than a strategy update.
  private static String fmt(double x) {
    return Double.toString(Math.round(x * 1e3) / 1e3);
  }

  @Override
  public State snapshot() {
    List<Record> states = new ArrayList<>(members.size());
    for (Member m : members) {
      states.add(m.strategy().snapshot());
    }
    return new State(states);
  }

  @Override
  public void restore(Record state) {
    if (!(state instanceof State s) || s.members().size() != members.size()) {
      throw new IllegalArgumentException(
          "ensemble " + id + ": expected an Ensemble.State of " + members.size() + " members");
    }
    for (int i = 0; i < members.size(); i++) {
      members.get(i).strategy().restore(s.members().get(i));
    }
  }
}
