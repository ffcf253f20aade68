package io.tickstream.execution.service;

import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.fill.PaperBroker;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.service.config.AccountSettings;
import io.tickstream.execution.service.config.MarketDataSource;
import io.tickstream.execution.service.config.TradingSettings;
import io.tickstream.execution.service.venue.PaperVenue;
import io.tickstream.execution.service.venue.SubmissionLedger;
import io.tickstream.execution.service.venue.VenueFactory;
import io.tickstream.execution.service.venue.VenueStats;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.schemas.avro.ControlAction;
import io.tickstream.schemas.avro.ControlCommand;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** Instruments, accounts and input records shared by the service's tests. */
public final class TestTrading {
  public static final String BTC = "BTCUSD.SIM";
  public static final String ETH = "ETHUSD.SIM";
  public static final Instruments INSTRUMENTS =
      Instruments.of(
          new Instrument(BTC, new BigDecimal("0.01"), new BigDecimal("0.001")),
          new Instrument(ETH, new BigDecimal("0.01"), new BigDecimal("0.001")));
  public static final FillModel FILLS =
      new FillModel(BigDecimal.ZERO, BigDecimal.ONE, CommissionSchedule.FREE, LocalTime.MAX);
  private static final long T0 = 1_767_225_600_000_000_000L;

  private TestTrading() {}

  /** Limits with room for every order the tests send, except {@code maxOrderQuantity}. */
  public static RiskLimits limits(String maxOrderQuantity) {
    return new RiskLimits(
        new BigDecimal(maxOrderQuantity),
        new BigDecimal("100000000"),
        new BigDecimal("100000000"),
        new BigDecimal("100"),
        1_000_000,
        1_000_000_000L,
        new BigDecimal("1000000"),
        new BigDecimal("0.5"),
        Set.of());
  }

  /** An account trading {@code strategies} with 10,000 notional per position. */
  public static AccountSettings account(String id, String maxOrderQuantity, String... strategies) {
    return new AccountSettings(
        new AccountConfig(id, "USD", new BigDecimal("1000000"), limits(maxOrderQuantity)),
        Set.of(strategies),
        new FixedNotionalSizer(new BigDecimal("10000")),
        EngineOptions.DEFAULT);
  }

  public static TradingSettings settings(AccountSettings... accounts) {
    return new TradingSettings(INSTRUMENTS, List.of(accounts), MarketDataSource.QUOTES, 2);
  }

  /** Paper venues recording into nothing outside. */
  public static VenueFactory paper() {
    return (account, instruments) ->
        new PaperVenue(
            new PaperBroker(FILLS, instruments), SubmissionLedger.none(), VenueStats.detached());
  }

  public static long time(int step) {
    return T0 + step * 1_000_000_000L;
  }

  public static QuoteTick quote(String instrument, int step, String bid, String ask) {
    return QuoteTick.newBuilder()
        .setInstrumentId(instrument)
        .setBidPrice(new BigDecimal(bid).setScale(8))
        .setAskPrice(new BigDecimal(ask).setScale(8))
        .setBidSize(new BigDecimal("1000").setScale(8))
        .setAskSize(new BigDecimal("1000").setScale(8))
        .setTsEvent(time(step))
        .setTsInit(time(step))
        .build();
  }

  /** Signal of {@code strategy} on the 1m bar ending at step {@code bar}, emitted then. */
  public static Signal signal(String instrument, String strategy, int bar, SignalDirection d) {
    long end = time(bar);
    return Signal.newBuilder()
        .setSignalId(instrument + "/" + strategy + "/1m/" + end + "/0")
        .setInstrumentId(instrument)
        .setStrategyId(strategy)
        .setDirection(d)
        .setStrength(0.8)
        .setReason("test")
        .setBarSpec("1m")
        .setBarStart(end - 60_000_000_000L)
        .setBarEnd(end)
        .setRevision(0)
        .setTsEvent(end)
        .setTsInit(end + 1_000_000L)
        .build();
  }

  public static ControlCommand control(String account, ControlAction action, long tsEvent) {
    return ControlCommand.newBuilder()
        .setCommandId(action + "-" + tsEvent)
        .setAccountId(account)
        .setAction(action)
        .setReason("test")
        .setIssuedBy("tests")
        .setTsEvent(tsEvent)
        .setTsInit(tsEvent)
        .build();
  }
}
