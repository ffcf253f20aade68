package io.tickstream.infra.cli.backtest;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.Backtest;
import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.source.BarSource;
import io.tickstream.execution.backtest.source.CsvBarSource;
import io.tickstream.execution.backtest.store.DatabaseBacktest;
import io.tickstream.signals.bars.Bar;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.sql.DataSource;

/** Runs a request on its source: the database, or a CSV file of bars. */
final class Sources {

  private Sources() {}

  static BacktestResult run(
      BacktestRequest request, DataSource db, Path csv, BacktestProgress progress) {
    if (request.source() != BacktestRequest.Source.CSV) {
      return DatabaseBacktest.run(db, request, progress);
    }
    BacktestResult result =
        Backtest.run(request.config(defaultInstruments(request)), csvBars(request, csv), progress);
    if (result.bars() == 0) {
      throw new IllegalArgumentException(
          "no bars of "
              + String.join(", ", request.instruments())
              + " between "
              + request.from()
              + " and "
              + request.to()
              + " in "
              + csv);
    }
    return result;
  }

  /** The request's instruments with the default tick and lot size (a CSV has none). */
  static Instruments defaultInstruments(BacktestRequest request) {
    return Instruments.of(
        request.instruments().stream()
            .map(
                id ->
                    new Instrument(
                        id, DatabaseBacktest.DEFAULT_INCREMENT, DatabaseBacktest.DEFAULT_INCREMENT))
            .toList());
  }

  /** The file's bars of the request's instruments lying wholly inside its period. */
  static BarSource csvBars(BacktestRequest request, Path csv) {
    String single = request.instruments().size() == 1 ? request.instruments().get(0) : null;
    return new InRange(CsvBarSource.open(csv, single, request.spec()), request);
  }

  /** The bars of the request's instruments lying wholly inside its period. */
  private static final class InRange implements BarSource {
    private final BarSource in;
    private final Set<String> ids;
    private final long from;
    private final long to;
    private Bar pending;

    InRange(BarSource in, BacktestRequest request) {
      this.in = in;
      this.ids = Set.copyOf(request.instruments());
      this.from = nanos(request.from());
      this.to = nanos(request.to());
    }

    private static long nanos(java.time.Instant t) {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    @Override
    public boolean hasNext() {
      while (pending == null && in.hasNext()) {
        Bar b = in.next();
        if (ids.contains(b.instrumentId()) && b.start() >= from && b.end() <= to) {
          pending = b;
        }
      }
      return pending != null;
    }

    @Override
    public Bar next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Bar b = pending;
      pending = null;
      return b;
    }

    @Override
    public void close() {
      in.close();
    }
  }
}
