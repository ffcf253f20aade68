package io.tickstream.ingest.replay;

import io.tickstream.ingest.dlq.DeadLetterReason;
import io.tickstream.ingest.dlq.DeadLetters;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a tick file into a {@link ReplaySink}: every parsed row paced by a {@link ReplayPacer}
 * and stamped with {@code tsInit}; every malformed row logged with file and line and sent as a
 * MALFORMED_ROW dead letter (raw line as value, file as source, line number as offset). No row is
 * dropped silently: {@link Summary} counts them all.
 */
public final class FileReplay {
  private static final Logger LOG = LoggerFactory.getLogger(FileReplay.class);
  private static final int LOGGED_MALFORMED = 20;

  /** What a replay did. */
  public record Summary(String file, long trades, long quotes, long malformed, Duration elapsed) {
    /** Rows read (ticks and malformed). */
    public long rows() {
      return trades + quotes + malformed;
    }
  }

  private final ReplaySink sink;
  private final ReplayPacer pacer;
  private final ProgressBar progress;
  private final LongSupplier epochNanos;

  /**
   * @param sink where ticks and dead letters go
   * @param pacer the replay speed
   * @param progress a progress bar, or {@code null} for none
   * @param epochNanos the wall clock stamped into {@code tsInit}, epoch nanoseconds
   */
  public FileReplay(
      ReplaySink sink, ReplayPacer pacer, ProgressBar progress, LongSupplier epochNanos) {
    this.sink = sink;
    this.pacer = pacer;
    this.progress = progress;
    this.epochNanos = epochNanos;
  }

  /**
   * Replays every remaining row of {@code reader}.
   *
   * @throws CancellationException if the thread is interrupted (rows sent so far stay sent)
   */
  public Summary replay(TickFileReader reader) throws IOException {
    long start = System.nanoTime();
    long[] counts = new long[3]; // trades, quotes, malformed
    String file = reader.name();
    reader.forEach(
        new TickFileReader.RowHandler() {
          @Override
          public void tick(SpecificRecord tick, long line) {
            if (tick instanceof TradeTick t) {
              pacer.await(t.getTsEvent());
              t.setTsInit(epochNanos.getAsLong());
              sink.trade(t);
              counts[0]++;
            } else if (tick instanceof QuoteTick q) {
              pacer.await(q.getTsEvent());
              q.setTsInit(epochNanos.getAsLong());
              sink.quote(q);
              counts[1]++;
            }
            after();
          }

          @Override
          public void malformed(long line, String raw, String message) {
            counts[2]++;
            if (counts[2] <= LOGGED_MALFORMED) {
              LOG.warn("{}:{}: malformed row skipped ({}): {}", file, line, message, raw);
            } else if (counts[2] == LOGGED_MALFORMED + 1) {
              LOG.warn("{}: more malformed rows; each one goes to md.dlq as MALFORMED_ROW", file);
            }
            sink.deadLetter(
                DeadLetters.fromFileLine(
                    DeadLetterReason.MALFORMED_ROW,
                    file + ":" + line + ": " + message,
                    file,
                    line,
                    raw,
                    epochNanos.getAsLong()));
            after();
          }

          private void after() {
            if (progress != null) {
              progress.update(reader.bytesRead(), counts[0] + counts[1] + counts[2]);
            }
            if (Thread.currentThread().isInterrupted()) {
              throw new CancellationException(file + ": replay interrupted");
            }
          }
        });
    if (progress != null) {
      progress.finish(reader.bytesRead(), counts[0] + counts[1] + counts[2]);
    }
    Summary s =
        new Summary(
            file, counts[0], counts[1], counts[2], Duration.ofNanos(System.nanoTime() - start));
    if (s.malformed() > 0) {
      LOG.warn(
          "{}: {} malformed rows skipped and sent to md.dlq (MALFORMED_ROW)", file, s.malformed());
    }
    LOG.info(
        "{}: replayed {} trades and {} quotes in {}", file, s.trades(), s.quotes(), s.elapsed());
    return s;
  }
}
