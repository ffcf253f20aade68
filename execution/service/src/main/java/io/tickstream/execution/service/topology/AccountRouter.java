package io.tickstream.execution.service.topology;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.service.config.AccountSettings;
import io.tickstream.execution.service.config.TradingSettings;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.signals.Direction;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * Fans inputs out to accounts: a signal to every account following its strategy, a market update to
 * every account (each keeps its own reference prices), keyed by account id.
 */
final class AccountRouter {
  private final TradingSettings settings;

  AccountRouter(TradingSettings settings) {
    this.settings = settings;
  }

  List<KeyValue<String, AccountInput>> signal(Signal s) {
    if (s == null) {
      return List.of();
    }
    List<KeyValue<String, AccountInput>> out = new ArrayList<>(1);
    AccountInput input = null;
    for (AccountSettings a : settings.accounts()) {
      if (a.follows(s.getStrategyId())) {
        if (input == null) {
          input = toInput(s);
        }
        out.add(KeyValue.pair(a.accountId(), input));
      }
    }
    return out;
  }

  List<KeyValue<String, AccountInput>> market(MarketUpdate u) {
    if (u == null || settings.instruments().find(u.instrumentId()).isEmpty()) {
      return List.of();
    }
    AccountInput input = new AccountInput.MarketInput(u);
    List<KeyValue<String, AccountInput>> out = new ArrayList<>(settings.accounts().size());
    for (AccountSettings a : settings.accounts()) {
      out.add(KeyValue.pair(a.accountId(), input));
    }
    return out;
  }

  static AccountInput toInput(Signal s) {
    io.tickstream.signals.Signal signal =
        new io.tickstream.signals.Signal(
            s.getInstrumentId(),
            s.getStrategyId(),
            Direction.valueOf(s.getDirection().name()),
            s.getStrength(),
            s.getReason(),
            s.getBarSpec(),
            s.getBarStart(),
            s.getBarEnd());
    return new AccountInput.SignalInput(s.getSignalId(), signal, s.getRevision(), s.getTsInit());
  }

  static MarketUpdate quote(QuoteTick q) {
    return q == null
        ? null
        : MarketUpdate.ofQuote(
            q.getInstrumentId(),
            q.getTsEvent(),
            q.getBidPrice(),
            q.getBidSize(),
            q.getAskPrice(),
            q.getAskSize());
  }

  static MarketUpdate trade(TradeTick t) {
    return t == null
        ? null
        : MarketUpdate.ofTrade(t.getInstrumentId(), t.getTsEvent(), t.getPrice(), t.getSize());
  }

  static MarketUpdate bar(Bar b) {
    // Seen at its end, at its close: see MarketUpdate.ofBar.
    return b == null
        ? null
        : new MarketUpdate(
            b.getInstrumentId(),
            b.getEnd(),
            b.getClose(),
            b.getClose(),
            b.getClose(),
            b.getVolume());
  }
}
