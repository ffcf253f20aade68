package io.tickstream.ingest.sim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One instrument of the market simulator: its reference data and the parameters of its price
 * process.
 *
 * @param instrumentId SYMBOL.VENUE
 * @param assetClass EQUITY, CRYPTO, FX, …
 * @param currency quote currency
 * @param tickSize price grid; every simulated price is a multiple of it
 * @param lotSize size grid; every simulated size is a multiple of it
 * @param startPrice first mid price
 * @param annualVolatility sigma of the geometric Brownian motion, per year (0.6 = 60 %)
 * @param typicalSize mean trade size, in units of the instrument
 */
public record SimulatedInstrument(
    String instrumentId,
    String assetClass,
    String currency,
    BigDecimal tickSize,
    BigDecimal lotSize,
    double startPrice,
    double annualVolatility,
    double typicalSize) {

  public SimulatedInstrument {
    Objects.requireNonNull(instrumentId, "instrumentId");
    if (!instrumentId.matches("[A-Z0-9/_-]+\\.[A-Z0-9_-]+")) {
      throw new IllegalArgumentException(
          "instrumentId '" + instrumentId + "' is not SYMBOL.VENUE (e.g. BTCUSD.SIM)");
    }
    if (tickSize.signum() <= 0 || lotSize.signum() <= 0) {
      throw new IllegalArgumentException(instrumentId + ": tick and lot size must be positive");
    }
    if (!(startPrice > 0) || !(annualVolatility >= 0) || !(typicalSize > 0)) {
      throw new IllegalArgumentException(
          instrumentId + ": start price and typical size must be > 0, volatility >= 0");
    }
  }

  /** The symbol part of the id. */
  public String symbol() {
    return instrumentId.substring(0, instrumentId.lastIndexOf('.'));
  }

  /** The venue part of the id. */
  public String venue() {
    return instrumentId.substring(instrumentId.lastIndexOf('.') + 1);
  }

  /** A default universe: crypto, US equities and an FX pair with realistic grids and prices. */
  public static List<SimulatedInstrument> demoUniverse() {
    return List.of(
        new SimulatedInstrument(
            "BTCUSD.SIM",
            "CRYPTO",
            "USD",
            new BigDecimal("0.01"),
            new BigDecimal("0.00001"),
            64_000,
            0.60,
            0.05),
        new SimulatedInstrument(
            "ETHUSD.SIM",
            "CRYPTO",
            "USD",
            new BigDecimal("0.01"),
            new BigDecimal("0.0001"),
            3_100,
            0.75,
            0.8),
        new SimulatedInstrument(
            "AAPL.SIM", "EQUITY", "USD", new BigDecimal("0.01"), BigDecimal.ONE, 228, 0.28, 120),
        new SimulatedInstrument(
            "MSFT.SIM", "EQUITY", "USD", new BigDecimal("0.01"), BigDecimal.ONE, 415, 0.25, 80),
        new SimulatedInstrument(
            "EURUSD.SIM",
            "FX",
            "USD",
            new BigDecimal("0.00001"),
            new BigDecimal("1000"),
            1.0850,
            0.07,
            250_000));
  }
}
