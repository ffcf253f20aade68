package io.tickstream.execution.service.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickstream.execution.AccountConfig;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.engine.EngineOptions;
import io.tickstream.execution.fill.CommissionSchedule;
import io.tickstream.execution.fill.FillModel;
import io.tickstream.execution.orders.TimeInForce;
import io.tickstream.execution.risk.RiskLimits;
import io.tickstream.execution.sizing.CappedKellySizer;
import io.tickstream.execution.sizing.FixedNotionalSizer;
import io.tickstream.execution.sizing.FractionOfEquitySizer;
import io.tickstream.execution.sizing.PositionSizer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads the service's JSON configuration (see {@code execution-service.sample.json}) into a {@link
 * ServiceConfig}. Every error names the JSON path of the setting and what is expected. Secrets are
 * never in the file: the Alpaca key and secret are read from environment variables named there.
 */
public final class ServiceConfigReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UnaryOperator<String> environment;

  /** A reader taking secrets from {@code environment} (variable name to value, or null). */
  public ServiceConfigReader(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /** A reader taking secrets from the process environment. */
  public static ServiceConfigReader fromProcessEnvironment() {
    return new ServiceConfigReader(System::getenv);
  }

  /** Parses the file at {@code path}. */
  public ServiceConfig read(Path path) {
    try {
      return parse(Files.readString(path));
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + path + ": " + e, e);
    }
  }

  /** Parses JSON text. */
  public ServiceConfig parse(String json) {
    JsonSettings root;
    try {
      root = new JsonSettings(JSON.readTree(json), "");
    } catch (JsonProcessingException e) {
      throw new ConfigException("configuration is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return root.build(this::service);
  }

  private ServiceConfig service(JsonSettings s) {
    Instruments instruments = Instruments.of(s.objects("instruments", ServiceConfigReader::instr));
    List<AccountSettings> accounts = s.objects("accounts", a -> account(a, instruments));
    return new ServiceConfig(
        s.text("bootstrapServers"),
        s.text("schemaRegistryUrl"),
        s.text("applicationId", "tickstream-execution"),
        Path.of(s.text("stateDir", System.getProperty("java.io.tmpdir") + "/tickstream-execution")),
        s.integer("commitIntervalMs", 100),
        s.integer("streamThreads", 1),
        s.integer("accountPartitions", 2),
        s.choice("marketData", MarketDataSource.class, MarketDataSource.QUOTES),
        s.integer("httpPort", 9400),
        s.has("venue") ? s.object("venue").build(this::venue) : paper(null),
        instruments,
        accounts);
  }

  private static Instrument instr(JsonSettings s) {
    return new Instrument(s.text("instrumentId"), s.decimal("tickSize"), s.decimal("lotSize"));
  }

  private static AccountSettings account(JsonSettings s, Instruments instruments) {
    JsonSettings l = s.object("limits");
    List<String> restricted = l.strings("restrictedInstruments");
    RiskLimits limits =
        l.build(
            x ->
                new RiskLimits(
                    x.decimal("maxOrderQuantity"),
                    x.decimal("maxOrderNotional"),
                    x.decimal("creditLimit"),
                    x.decimal("priceCollarBps"),
                    x.integer("maxOrdersPerWindow", 0),
                    x.millis("rateWindowMs", 1).toNanos(),
                    x.decimal("maxPositionQuantity"),
                    x.decimal("maxDrawdown"),
                    new HashSet<>(restricted)));
    AccountConfig config =
        new AccountConfig(
            s.text("accountId"), s.text("currency", "USD"), s.decimal("startingCash"), limits);
    return new AccountSettings(
        config,
        new HashSet<>(s.strings("strategies")),
        s.object("sizing").build(ServiceConfigReader::sizer),
        new EngineOptions(
            s.choice("timeInForce", TimeInForce.class, TimeInForce.GTC),
            s.bool("actOnChangeOnly", true)));
  }

  private static PositionSizer sizer(JsonSettings s) {
    String type = s.text("type");
    return switch (type) {
      case "fixedNotional" -> new FixedNotionalSizer(s.decimal("notional"));
      case "fractionOfEquity" -> new FractionOfEquitySizer(s.decimal("fraction"));
      case "cappedKelly" ->
          new CappedKellySizer(
              s.decimal("winProbability"),
              s.decimal("payoffRatio"),
              s.decimal("multiplier"),
              s.decimal("cap"));
      default ->
          throw new ConfigException(
              "sizing.type: must be fixedNotional, fractionOfEquity or cappedKelly, got " + type,
              null);
    };
  }

  private VenueSettings venue(JsonSettings s) {
    String type = s.text("type", "paper");
    return switch (type) {
      case "paper" -> paper(s);
      case "alpaca" ->
          new VenueSettings.Alpaca(
              URI.create(s.text("baseUrl")),
              secret(s.text("keyIdEnv", "APCA_API_KEY_ID")),
              secret(s.text("secretKeyEnv", "APCA_API_SECRET_KEY")),
              s.millis("requestTimeoutMs", 2_000),
              s.millis("reconcileDeadlineMs", 30_000),
              s.integer("failureRateThreshold", 50),
              s.millis("openStateWaitMs", 5_000),
              s.millis("fillPollIntervalMs", 1_000));
      default ->
          throw new ConfigException("venue.type: must be paper or alpaca, got " + type, null);
    };
  }

  private static VenueSettings paper(JsonSettings s) {
    if (s == null) {
      return new VenueSettings.Paper(
          new FillModel(BigDecimal.ZERO, BigDecimal.ONE, CommissionSchedule.FREE, LocalTime.MAX));
    }
    CommissionSchedule fees =
        new CommissionSchedule(
            s.decimal("commissionBps", BigDecimal.ZERO),
            s.decimal("commissionPerUnit", BigDecimal.ZERO),
            s.decimal("commissionMinimum", BigDecimal.ZERO));
    return new VenueSettings.Paper(
        new FillModel(
            s.decimal("slippageBps", BigDecimal.ZERO),
            s.decimal("participationRate", BigDecimal.ONE),
            fees,
            LocalTime.parse(s.text("sessionEndUtc", "23:59:59.999999999"))));
  }

  private String secret(String variable) {
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      throw new ConfigException(
          "venue: environment variable " + variable + " (broker credential) is not set", null);
    }
    return value;
  }
}
