package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys bars by instrument and spec ({@code BTCUSD.SIM|1m}): indicators and strategies run over the
 * bars of one instrument at one resolution.
 */
public final class BarKey implements KeySelector<Bar, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String getKey(Bar bar) {
    return of(bar.getInstrumentId(), bar.getSpec());
  }

  /** The key of an instrument and spec. */
  public static String of(String instrumentId, String spec) {
    return instrumentId + "|" + spec;
  }
}
