package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import java.math.BigDecimal;

/**
 * Turns a bar of the {@code signals} core into its wire shape, the Avro {@link Bar}. Avro decimals
 * must carry exactly the schema's scale of 8: values are rescaled exactly, and a value with more
 * than 8 significant decimal places is refused rather than rounded.
 */
public final class AvroBarConverter {
  /** The scale of every decimal field of the Avro schemas. */
  public static final int WIRE_SCALE = 8;

  private AvroBarConverter() {}

  /**
   * The Avro bar for {@code bar}, with {@code tsEvent} = its end and the given {@code tsInit}.
   *
   * @throws ArithmeticException when a decimal does not fit 8 decimal places exactly
   */
  public static Bar toAvro(io.tickstream.signals.bars.Bar bar, long tsInitNanos) {
    return Bar.newBuilder()
        .setInstrumentId(bar.instrumentId())
        .setSpec(bar.spec())
        .setStart(bar.start())
        .setEnd(bar.end())
        .setOpen(wire(bar.open()))
        .setHigh(wire(bar.high()))
        .setLow(wire(bar.low()))
        .setClose(wire(bar.close()))
        .setVolume(wire(bar.volume()))
        .setTradeCount(bar.tradeCount())
        .setVwap(wire(bar.vwap()))
        .setRevision(bar.revision())
        .setTsEvent(bar.end())
        .setTsInit(tsInitNanos)
        .build();
  }

  private static BigDecimal wire(BigDecimal value) {
    // setScale without a rounding mode throws instead of silently rounding.
    return value.setScale(WIRE_SCALE);
  }
}
