package io.tickstream.execution;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable catalogue of the instruments an account may know about, by id. */
public final class Instruments {

  private final Map<String, Instrument> byId;

  private Instruments(Map<String, Instrument> byId) {
    this.byId = byId;
  }

  /** A catalogue of {@code instruments}; ids must be unique. */
  public static Instruments of(Collection<Instrument> instruments) {
    Map<String, Instrument> byId = new TreeMap<>();
    for (Instrument instrument : instruments) {
      if (byId.put(instrument.instrumentId(), instrument) != null) {
        throw new IllegalArgumentException("duplicate instrument " + instrument.instrumentId());
      }
    }
    return new Instruments(Map.copyOf(byId));
  }

  /** A catalogue of {@code instruments}; ids must be unique. */
  public static Instruments of(Instrument... instruments) {
    return of(List.of(instruments));
  }

  /** The instrument with this id, if known. */
  public Optional<Instrument> find(String instrumentId) {
    return Optional.ofNullable(byId.get(instrumentId));
  }

  /** The instrument with this id; throws if unknown. */
  public Instrument get(String instrumentId) {
    return find(instrumentId)
        .orElseThrow(() -> new IllegalArgumentException("unknown instrument " + instrumentId));
  }
}
