package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.metrics.PerformanceReport;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A walk-forward stage's row: first an in-sample score ({@code params} of the candidate), then,
 * after the fold's best candidate is chosen, its out-of-sample result.
 *
 * @param instrument traded instrument, or {@code *} for all
 * @param instrumentIndex index into {@link SweepJobConfig#tradedInstruments}
 * @param fold fold number
 * @param candidate index of the candidate plan
 * @param params the candidate's parameters, {@code name=value} joined by ';'
 * @param inSampleScore its in-sample score (NaN ranks last)
 * @param finalEquity out-of-sample final equity, exact; empty before the out-of-sample run
 * @param outOfSampleReturn out-of-sample total return (NaN without a report)
 * @param fills out-of-sample fills
 * @param trades out-of-sample closed trades
 */
public record WalkForwardRow(
    String instrument,
    int instrumentIndex,
    int fold,
    int candidate,
    String params,
    double inSampleScore,
    String finalEquity,
    double outOfSampleReturn,
    int fills,
    int trades) {

  /** The CSV header of {@link #csvLine}. */
  public static final String CSV_HEADER =
      "instrument,fold,params,in_sample_score,oos_final_equity,oos_total_return,oos_fills,oos_trades";

  /** An in-sample score, before the out-of-sample run. */
  static WalkForwardRow inSample(
      String instrument, WalkForwardFolds.Run run, String params, double score) {
    return new WalkForwardRow(
        instrument,
        run.instrument(),
        run.fold(),
        run.candidate(),
        params,
        score,
        "",
        Double.NaN,
        0,
        0);
  }

  /** This (chosen) candidate with its out-of-sample result. */
  WalkForwardRow withOutOfSample(BacktestResult r) {
    PerformanceReport report = r.report();
    return new WalkForwardRow(
        instrument,
        instrumentIndex,
        fold,
        candidate,
        params,
        inSampleScore,
        r.finalEquity().toString(),
        report == null ? Double.NaN : report.totalReturn(),
        r.fills().size(),
        r.trades().size());
  }

  /** Key of the fold's group: one best candidate per instrument and fold. */
  String foldKey() {
    return instrumentIndex + "/" + fold;
  }

  /**
   * The better of two in-sample rows of one fold: higher score, NaN last, then the earlier
   * candidate, as {@code ParameterSweep} ranks.
   */
  static WalkForwardRow better(WalkForwardRow a, WalkForwardRow b) {
    boolean aNaN = Double.isNaN(a.inSampleScore);
    boolean bNaN = Double.isNaN(b.inSampleScore);
    if (aNaN != bNaN) {
      return aNaN ? b : a;
    }
    int byScore = aNaN ? 0 : Double.compare(a.inSampleScore, b.inSampleScore);
    if (byScore != 0) {
      return byScore > 0 ? a : b;
    }
    return a.candidate <= b.candidate ? a : b;
  }

  /** The row as CSV. */
  public String csvLine() {
    return List.of(
            instrument,
            String.valueOf(fold),
            params,
            String.valueOf(inSampleScore),
            finalEquity,
            String.valueOf(outOfSampleReturn),
            String.valueOf(fills),
            String.valueOf(trades))
        .stream()
        .collect(Collectors.joining(","));
  }
}
