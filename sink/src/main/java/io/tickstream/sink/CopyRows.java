package io.tickstream.sink;

/**
 * The {@code COPY} lines one record makes in one table: usually one, several for a record stored
 * long (a feature vector is a row per feature). When staging, every line ends with the record's
 * position in the batch, which orders the merge.
 */
final class CopyRows {
  private final CopyBuffer out;
  private final CopyFormat format;
  private long seq = -1;
  private CopyLine open;

  CopyRows(CopyBuffer out, CopyFormat format) {
    this.out = out;
    this.format = format;
  }

  /** Starts the lines of the next record; {@code seq} < 0 when not staging. */
  void record(long seq) {
    this.seq = seq;
  }

  /** Ends the line in hand (if any) and starts the next line of the current record. */
  CopyLine line() {
    finish();
    open = format.line(out);
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
