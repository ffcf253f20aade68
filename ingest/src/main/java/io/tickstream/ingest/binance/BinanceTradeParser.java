package io.tickstream.ingest.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Parses frames of Binance's trade stream into {@link TradeTick}s: the raw event {@code
 * {"e":"trade","E":…,"s":"BTCUSDT","t":12345,"p":"0.001","q":"100","T":…,"m":true}} and the same
 * inside the combined-stream wrapper {@code {"stream":"btcusdt@trade","data":{…}}}.
 *
 * <p>The instrument is {@code SYMBOL.<venue>}; {@code tsEvent} is the trade time {@code T}
 * (milliseconds); the aggressor follows from {@code m} ("buyer is the maker"): true means a seller
 * hit the bid (SELLER), false a buyer lifted the ask (BUYER). Thread-safe.
 */
public final class BinanceTradeParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String venue;

  /**
   * @param venue the venue part of instrument ids, e.g. {@code BINANCE}
   */
  public BinanceTradeParser(String venue) {
    this.venue = venue;
  }

  /**
   * @return the trade, or {@code null} for a well-formed frame that is not a trade event (e.g. a
   *     subscription reply {@code {"result":null,"id":1}})
   * @throws MalformedFrameException if the frame is not JSON or a trade event lacks or garbles a
   *     field
   */
  public TradeTick parse(String frame, long tsInitNanos) throws MalformedFrameException {
    JsonNode root;
    try {
      root = JSON.readTree(frame);
    } catch (JsonProcessingException e) {
      throw new MalformedFrameException("not JSON: " + e.getOriginalMessage(), null, -1);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedFrameException("not a JSON object", null, -1);
    }
    JsonNode event = root.has("data") && root.get("data").isObject() ? root.get("data") : root;
    if (!"trade".equals(event.path("e").asText(null))) {
      return null;
    }
    String symbol = event.path("s").asText("");
    long id = event.path("t").canConvertToLong() ? event.path("t").asLong() : -1;
    String sym = symbol.isEmpty() ? null : symbol;
    if (sym == null || !sym.matches("[A-Z0-9]+")) {
      throw new MalformedFrameException(
          "field 's' (symbol) is missing or not upper-case alphanumerics: '" + symbol + "'",
          null,
          id);
    }
    if (id < 0) {
      throw new MalformedFrameException(
          "field 't' (trade id) is missing or not a non-negative integer", sym, -1);
    }
    JsonNode time = event.path("T");
    if (!time.canConvertToLong() || time.asLong() <= 0) {
      throw new MalformedFrameException(
          "field 'T' (trade time, ms) is missing or not a positive integer", sym, id);
    }
    JsonNode maker = event.path("m");
    if (!maker.isBoolean()) {
      throw new MalformedFrameException(
          "field 'm' (buyer is maker) is missing or not a boolean", sym, id);
    }
    return TradeTick.newBuilder()
        .setInstrumentId(sym.toUpperCase(Locale.ROOT) + "." + venue)
        .setPrice(decimal(event, "p", "price", sym, id))
        .setSize(decimal(event, "q", "quantity", sym, id))
        .setAggressorSide(maker.asBoolean() ? AggressorSide.SELLER : AggressorSide.BUYER)
        .setTradeId(Long.toString(id))
        .setTsEvent(Math.multiplyExact(time.asLong(), 1_000_000L))
        .setTsInit(tsInitNanos)
        .build();
  }

  private static BigDecimal decimal(JsonNode event, String field, String what, String sym, long id)
      throws MalformedFrameException {
    String text = event.path(field).asText(null);
    if (text == null || !event.get(field).isTextual()) {
      throw new MalformedFrameException(
          "field '" + field + "' (" + what + ") is missing or not a decimal string", sym, id);
    }
    try {
      return new BigDecimal(text).setScale(8, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      throw new MalformedFrameException(
          "field '" + field + "' (" + what + ") '" + text + "' is not a decimal number", sym, id);
    } catch (ArithmeticException e) {
      throw new MalformedFrameException(
          "field '" + field + "' (" + what + ") '" + text + "' has more than 8 decimal places",
          sym,
          id);
    }
  }
}
