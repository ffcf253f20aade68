package io.tickstream.schemas;

import io.tickstream.schemas.Topic.Cleanup;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.ControlCommand;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.FeatureVector;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.PortfolioSnapshot;
import io.tickstream.schemas.avro.PositionState;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.TradeTick;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every topic tickstream reads or writes. Code names topics only through these
 * constants; no topic-name literals elsewhere.
 */
public final class Topics {
  private Topics() {}

  /** Trades as received from feeds, before validation. */
  public static final Topic<String, TradeTick> TRADES_RAW =
      new Topic<>(
          "md.trades.raw",
          String.class,
          TradeTick.class,
          Cleanup.DELETE,
          "trades from feeds, unvalidated");

  /** Quotes as received from feeds, before validation. */
  public static final Topic<String, QuoteTick> QUOTES_RAW =
      new Topic<>(
          "md.quotes.raw",
          String.class,
          QuoteTick.class,
          Cleanup.DELETE,
          "quotes from feeds, unvalidated");

  /** Validated trades: the input of the analytics job. */
  public static final Topic<String, TradeTick> TRADES =
      new Topic<>("md.trades", String.class, TradeTick.class, Cleanup.DELETE, "validated trades");

  /** Validated quotes. */
  public static final Topic<String, QuoteTick> QUOTES =
      new Topic<>("md.quotes", String.class, QuoteTick.class, Cleanup.DELETE, "validated quotes");

  /** Instrument reference data, latest per instrument. */
  public static final Topic<String, Instrument> INSTRUMENTS =
      new Topic<>(
          "md.instruments",
          String.class,
          Instrument.class,
          Cleanup.COMPACT,
          "instrument reference data");

  /** OHLCV bars of every resolution, revisions included. */
  public static final Topic<String, Bar> BARS =
      new Topic<>("md.bars", String.class, Bar.class, Cleanup.DELETE, "OHLCV bars and revisions");

  /** Trades that arrived after the allowed lateness of their bar. */
  public static final Topic<String, TradeTick> LATE_TRADES =
      new Topic<>(
          "md.late",
          String.class,
          TradeTick.class,
          Cleanup.DELETE,
          "trades past the allowed lateness");

  /** Indicator values per instrument, bar spec and bar end, revisions included. */
  public static final Topic<String, FeatureVector> FEATURES =
      new Topic<>(
          "analytics.features",
          String.class,
          FeatureVector.class,
          Cleanup.DELETE,
          "indicator values per instrument, bar spec and bar");

  /** Strategy signals with deterministic ids, delivered at least once by default. */
  public static final Topic<String, Signal> SIGNALS =
      new Topic<>(
          "signals",
          String.class,
          Signal.class,
          Cleanup.DELETE,
          "strategy signals, de-duplicate by id");

  /** Records that could not be processed, with the reason and the original bytes. */
  public static final Topic<String, DeadLetter> DEAD_LETTERS =
      new Topic<>(
          "md.dlq", String.class, DeadLetter.class, Cleanup.DELETE, "dead letters with reasons");

  /** Every order event of the execution service (denied, submitted, accepted, filled, ...). */
  public static final Topic<String, OrderEvent> ORDER_EVENTS =
      new Topic<>(
          "orders.events",
          String.class,
          OrderEvent.class,
          Cleanup.DELETE,
          "order events per account, keyed by account");

  /** Latest position per account and instrument (key accountId|instrumentId). */
  public static final Topic<String, PositionState> POSITIONS =
      new Topic<>(
          "portfolio.positions",
          String.class,
          PositionState.class,
          Cleanup.COMPACT,
          "current position per account and instrument");

  /** Portfolio snapshots per account after each change of positions or mode. */
  public static final Topic<String, PortfolioSnapshot> PORTFOLIO_SNAPSHOTS =
      new Topic<>(
          "portfolio.snapshots",
          String.class,
          PortfolioSnapshot.class,
          Cleanup.DELETE,
          "portfolio snapshots per account");

  /**
   * Operator commands to the execution service: halt, reducing, resume. Compacted, keyed by account
   * or {@code *}: the latest command per key is the standing one, kept across restarts.
   */
  public static final Topic<String, ControlCommand> CONTROL_COMMANDS =
      new Topic<>(
          "control.commands",
          String.class,
          ControlCommand.class,
          Cleanup.COMPACT,
          "kill switch and trading-mode commands, latest per account or *");

  /** Every topic of the catalogue, in flow order. */
  public static final List<Topic<String, ?>> ALL =
      List.of(
          TRADES_RAW,
          QUOTES_RAW,
          TRADES,
          QUOTES,
          INSTRUMENTS,
          BARS,
          LATE_TRADES,
          FEATURES,
          SIGNALS,
          ORDER_EVENTS,
          POSITIONS,
          PORTFOLIO_SNAPSHOTS,
          CONTROL_COMMANDS,
          DEAD_LETTERS);

  /** The catalogue entry with this name, if any. */
  public static Optional<Topic<String, ?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
