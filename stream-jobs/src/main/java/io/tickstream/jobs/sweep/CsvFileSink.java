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
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes rows to one CSV file with a header (run it with parallelism 1). Hand-written because
 * Flink's {@code FileSink} writes rolling part files into a directory, while a sweep's result is
 * one small ranked table. Rows go to {@code <out>.inprogress}, which is renamed to {@code out} only
 * at the end of the input, so a failed job never leaves a partial result under the final name.
 */
final class CsvFileSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String out;
  private final String header;
  private final SerializableFunction<T, String> line;

  /**
   * @param out file path or Flink file system URI
   * @param header first line
   * @param line one row as a CSV line
   */
  CsvFileSink(String out, String header, SerializableFunction<T, String> line) {
    this.out = out;
    this.header = header;
    this.line = line;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    return new Writer<>(new Path(out), header, line);
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final Path target;
    private final Path temp;
    private final FileSystem fs;
    private final BufferedWriter writer;
    private final SerializableFunction<T, String> line;
    private boolean done;

    Writer(Path target, String header, SerializableFunction<T, String> line) throws IOException {
      this.line = line;
      this.target = target;
      this.temp = target.suffix(".inprogress");
      this.fs = target.getFileSystem();
      this.writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  fs.create(temp, FileSystem.WriteMode.OVERWRITE), StandardCharsets.UTF_8));
      writer.write(header);
      writer.newLine();
    }

    @Override
    public void write(T row, Context context) throws IOException {
      writer.write(line.apply(row));
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
