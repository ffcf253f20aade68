package io.tickstream.ingest.refdata;

import io.tickstream.schemas.avro.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the fields of one instrument (from a CSV row or a JSON object, keyed by the Avro field
 * names) into a checked {@link Instrument}.
 *
 * <p>Required: {@code instrumentId} (SYMBOL.VENUE), {@code tickSize}, {@code lotSize} (positive, at
 * most 8 decimal places), {@code currency}. Optional: {@code venue} and {@code symbol} (must agree
 * with the id), {@code assetClass} (EQUITY, CRYPTO, FX, FUTURE, OTHER; default OTHER), {@code
 * tradingHours} ({@code HH:mm-HH:mm Zone/Id}, empty = around the clock), {@code active} (default
 * true).
 */
final class InstrumentFields {
  private static final Pattern ID = Pattern.compile("([A-Z0-9/_-]+)\\.([A-Z0-9_-]+)");
  private static final Pattern HOURS =
      Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]|24):([0-5]\\d) (\\S+)");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{2,10}");
  private static final Set<String> ASSET_CLASSES =
      Set.of("EQUITY", "CRYPTO", "FX", "FUTURE", "OTHER");

  private InstrumentFields() {}

  /**
   * @throws IllegalArgumentException with every problem of the fields, one sentence each
   */
  static Instrument toInstrument(Map<String, String> f, long tsInit) {
    StringBuilder problems = new StringBuilder();
    String id = value(f, "instrumentId");
    Matcher m = id == null ? null : ID.matcher(id);
    if (id == null) {
      problems.append("instrumentId is missing. ");
    } else if (!m.matches()) {
      problems
          .append("instrumentId '")
          .append(id)
          .append("' is not SYMBOL.VENUE in capitals (e.g. AAPL.XNAS). ");
    }
    String symbol = m != null && m.matches() ? m.group(1) : null;
    String venue = m != null && m.matches() ? m.group(2) : null;
    symbol = agree(f, "symbol", symbol, problems);
    venue = agree(f, "venue", venue, problems);
    BigDecimal tick = positive(f, "tickSize", problems);
    BigDecimal lot = positive(f, "lotSize", problems);
    String currency = value(f, "currency");
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      problems
          .append("currency '")
          .append(currency == null ? "" : currency)
          .append("' is not a currency code such as USD. ");
    }
    String assetClass = value(f, "assetClass");
    assetClass = assetClass == null ? "OTHER" : assetClass;
    if (!ASSET_CLASSES.contains(assetClass)) {
      problems
          .append("assetClass '")
          .append(assetClass)
          .append("' is not one of ")
          .append(ASSET_CLASSES)
          .append(". ");
    }
    String hours = value(f, "tradingHours");
    if (hours != null) {
      Matcher h = HOURS.matcher(hours);
      if (!h.matches()) {
        problems
            .append("tradingHours '")
            .append(hours)
            .append("' is not HH:mm-HH:mm Zone/Id (e.g. 09:30-16:00 America/New_York). ");
      } else {
        try {
          ZoneId.of(h.group(5));
        } catch (DateTimeException e) {
          problems
              .append("tradingHours zone '")
              .append(h.group(5))
              .append("' is not a time zone id. ");
        }
      }
    }
    String active = value(f, "active");
    if (active != null && !active.equalsIgnoreCase("true") && !active.equalsIgnoreCase("false")) {
      problems.append("active '").append(active).append("' is not true or false. ");
    }
    if (problems.length() > 0) {
      throw new IllegalArgumentException(problems.toString().strip());
    }
    return Instrument.newBuilder()
        .setInstrumentId(id)
        .setSymbol(symbol)
        .setVenue(venue)
        .setAssetClass(assetClass)
        .setCurrency(currency)
        .setTickSize(tick)
        .setLotSize(lot)
        .setTradingHours(hours)
        .setActive(active == null || Boolean.parseBoolean(active))
        .setTsInit(tsInit)
        .build();
  }

  private static String value(Map<String, String> f, String key) {
    String v = f.get(key);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String agree(
      Map<String, String> f, String key, String fromId, StringBuilder problems) {
    String v = value(f, key);
    if (v != null && fromId != null && !v.equals(fromId)) {
      problems
          .append(key)
          .append(" '")
          .append(v)
          .append("' does not match the instrumentId's ")
          .append(key)
          .append(" '")
          .append(fromId)
          .append("'. ");
    }
    return fromId;
  }

  private static BigDecimal positive(Map<String, String> f, String key, StringBuilder problems) {
    String v = value(f, key);
    if (v == null) {
      problems.append(key).append(" is missing. ");
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(v);
      if (d.signum() <= 0) {
        problems.append(key).append(" '").append(v).append("' must be > 0. ");
        return null;
      }
      return d.setScale(8, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      problems.append(key).append(" '").append(v).append("' is not a decimal number. ");
    } catch (ArithmeticException e) {
      problems.append(key).append(" '").append(v).append("' has more than 8 decimal places. ");
    }
    return null;
  }
}
