package io.tickstream.execution.service.venue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link SubmissionLedger} in an append-only file, written (and forced to disk) before an order
 * leaves, so it outlives a kill -9 of the service: the restarted service reconciles an order it
 * finds here ({@code GET} by client order id) instead of POSTing it again.
 *
 * <p>An id matters only until the transaction that processed its signal commits (one commit
 * interval); after that the de-duplication store answers first. So only the latest {@code capacity}
 * ids are kept, in memory and in the file (rewritten when it doubles). Hand-written: it is one file
 * of lines, and no library offers a bounded durable set smaller than this class.
 *
 * <p>Local to the host: a service moved to another machine starts with an empty ledger and falls
 * back on the broker's refusal of a reused client order id (Alpaca answers 422), then reconciles.
 * Thread-safe.
 */
public final class FileSubmissionLedger implements SubmissionLedger, AutoCloseable {
  private final Path file;
  private final int capacity;
  private final Set<String> ids = new HashSet<>();
  private final ArrayDeque<String> order = new ArrayDeque<>();
  private FileChannel channel;
  private int linesInFile;

  /**
   * Opens (or creates) the ledger at {@code file}.
   *
   * @param capacity how many of the latest ids are kept
   */
  public FileSubmissionLedger(Path file, int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
    }
    this.file = file;
    this.capacity = capacity;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        // A torn last line (killed mid-write) was never followed by a POST: a harmless extra id.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
          if (!line.isBlank()) {
            remember(line.strip());
          }
        }
      }
      rewrite();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open submission ledger " + file, e);
    }
  }

  @Override
  public synchronized boolean recordIntent(String clientOrderId) {
    if (clientOrderId.indexOf('\n') >= 0 || clientOrderId.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("client order id with a line break: " + clientOrderId);
    }
    if (ids.contains(clientOrderId)) {
      return false;
    }
    try {
      ByteBuffer line = StandardCharsets.UTF_8.encode(clientOrderId + "\n");
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
      remember(clientOrderId);
      if (++linesInFile >= 2 * capacity) {
        rewrite();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write submission ledger " + file, e);
    }
    return true;
  }

  /** Ids held (at most the capacity). */
  public synchronized int size() {
    return ids.size();
  }

  private void remember(String id) {
    if (ids.add(id)) {
      order.addLast(id);
      if (order.size() > capacity) {
        ids.remove(order.removeFirst());
      }
    }
  }

  /** Writes the kept ids to a new file and swaps it in atomically. */
  private void rewrite() throws IOException {
    if (channel != null) {
      channel.close();
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, order, StandardCharsets.UTF_8);
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    linesInFile = order.size();
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
