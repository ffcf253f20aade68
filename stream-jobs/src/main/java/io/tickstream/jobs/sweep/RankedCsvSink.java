package io.tickstream.jobs.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Writes the ranked rows to one CSV file (run it with parallelism 1). Hand-written because Flink's
 * {@code FileSink} writes rolling part files into a directory, while a sweep's result is one small
 * ranked table. Rows go to {@code <out>.inprogress}, which is renamed to {@code out} only at the
 * end of the input, so a failed job never leaves a partial result under the final name.
 */
final class RankedCsvSink implements Sink<SweepRow> {
  private static final long serialVersionUID = 1L;

  private final String out;

  RankedCsvSink(String out) {
    this.out = out;
  }

  @Override
  public SinkWriter<SweepRow> createWriter(WriterInitContext context) throws IOException {
    return new Writer(new Path(out));
  }

  private static final class Writer implements SinkWriter<SweepRow> {
    private final Path target;
    private final Path temp;
    private final FileSystem fs;
    private final BufferedWriter writer;
    private boolean done;

    Writer(Path target) throws IOException {
      this.target = target;
      this.temp = target.suffix(".inprogress");
      this.fs = target.getFileSystem();
      this.writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  fs.create(temp, FileSystem.WriteMode.OVERWRITE), StandardCharsets.UTF_8));
      writer.write(SweepRow.CSV_HEADER);
      writer.newLine();
    }

    @Override
    public void write(SweepRow row, Context context) throws IOException {
      writer.write(row.csvLine());
      writer.newLine();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      writer.flush();
      if (endOfInput && !done) {
        writer.close();
        if (fs.exists(target)) {
          fs.delete(target, false);
        }
        if (!fs.rename(temp, target)) {
          throw new IOException("cannot rename " + temp + " to " + target);
        }
        done = true;
      }
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        writer.close();
        fs.delete(temp, false);
      }
    }
  }
}
