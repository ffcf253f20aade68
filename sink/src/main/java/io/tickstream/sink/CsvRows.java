package io.tickstream.sink;

/**
 * The {@code COPY} lines one record makes in one table: usually one, several for a record stored
 * long (a feature vector is a row per feature). When staging, every line ends with the record's
 * position in the batch, which orders the merge.
 */
final class CsvRows {
  private final CsvBuffer out;
  private long seq = -1;
  private CsvLine open;

  CsvRows(CsvBuffer out) {
    this.out = out;
  }

  /** Starts the lines of the next record; {@code seq} < 0 when not staging. */
  void record(long seq) {
    this.seq = seq;
  }

  /** Ends the line in hand (if any) and starts the next line of the current record. */
  CsvLine line() {
    finish();
    open = new CsvLine(out);
    return open;
  }

  /** Ends the line in hand, if any. */
  void finish() {
    if (open != null) {
      if (seq >= 0) {
        open.integer(seq);
      }
      open.end();
      open = null;
    }
  }
}
