package io.tickstream.execution;

import io.tickstream.signals.Signal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Deterministic client order ids, derived from the signal that caused the order, so that a replay
 * of the same signal (at-least-once delivery, a restarted consumer, a backtest of the same ticks)
 * yields the same id and the venue or the risk engine's duplicate check refuses a second order.
 *
 * <p>Encoding: SHA-256 over a canonical, length-prefixed binary encoding of (instrumentId,
 * strategyId, barSpec, barEnd, revision, accountId), written as unpadded base64url. The result is
 * always 43 characters of {@code [A-Za-z0-9-_]}. Length prefixes make the encoding injective (no
 * two different tuples share bytes, unlike joining with a separator that may appear in a field), so
 * a collision requires a SHA-256 collision: with 256 bits, the birthday bound puts the chance of
 * any collision among 10<sup>12</sup> ids below 10<sup>-50</sup>. {@link #child} appends a short
 * leg name (bracket legs), staying within 48 characters.
 */
public final class ClientOrderIds {

  /** Length of an id from {@link #of}. */
  public static final int LENGTH = 43;

  /** Longest id this class returns, {@link #child} ids included. */
  public static final int MAX_LENGTH = 48;

  private static final Pattern LEG = Pattern.compile("[A-Za-z0-9]{1,4}");
  private static final int VERSION = 1;

  // MessageDigest.getInstance walks the security providers on every call (a measurable share of a
  // backtest's order path); a digest is not thread-safe, so each thread keeps one, reset before
  // use.
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(ClientOrderIds::sha256);
  // The canonical encoding, the digest and its base64url text are written into per-thread buffers
  // (the first grown when a longer encoding comes), not new arrays per id: a backtest makes an id
  // for every change of direction, about one bar in six. The only allocation left is the String.
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private ClientOrderIds() {}

  /**
   * The id of the order caused by the signal computed on bar (instrumentId, barSpec, barEnd,
   * revision) by strategyId, for accountId.
   *
   * @param revision the bar's revision: a late revision of a bar is a new signal and a new order
   */
  public static String of(
      String instrumentId,
      String strategyId,
      String barSpec,
      long barEnd,
      int revision,
      String accountId) {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(strategyId, "strategyId");
    Objects.requireNonNull(barSpec, "barSpec");
    Objects.requireNonNull(accountId, "accountId");
    Scratch scratch = SCRATCH.get();
    // Room for the longest possible encoding: UTF-8 takes at most 3 bytes per UTF-16 char (a
    // surrogate pair, 2 chars, takes 4), so the strings need not be scanned twice.
    ByteBuffer canonical =
        scratch.canonical(
            4 * 5
                + 8
                + 4
                + 3
                    * (instrumentId.length()
                        + strategyId.length()
                        + barSpec.length()
                        + accountId.length()));
    canonical.putInt(VERSION);
    putField(canonical, instrumentId);
    putField(canonical, strategyId);
    putField(canonical, barSpec);
    canonical.putLong(barEnd).putInt(revision);
    putField(canonical, accountId);
    MessageDigest sha = SHA_256.get();
    sha.reset(); // in case an earlier call was interrupted between update and digest
    sha.update(canonical.array(), 0, canonical.position());
    try {
      sha.digest(scratch.digest, 0, scratch.digest.length);
    } catch (DigestException e) {
      // The buffer is exactly SHA-256's 32 bytes: this cannot happen.
      throw new IllegalStateException(e);
    }
    int n = BASE64URL.encode(scratch.digest, scratch.text);
    // base64url is ASCII: Latin-1 decoding copies the bytes into a compact string as they are.
    return new String(scratch.text, 0, n, StandardCharsets.ISO_8859_1);
  }

  /**
   * The id of the order caused by {@code signal} for {@code accountId}: {@link #of} with the
   * signal's instrument, strategy, bar spec and bar end.
   *
   * @param barRevision revision of the bar the signal was computed on ({@code Bar.revision()}); 0
   *     for the first emission. {@link Signal} does not carry it, so the caller passes it along.
   */
  public static String fromSignal(Signal signal, int barRevision, String accountId) {
    Objects.requireNonNull(signal, "signal");
    return of(
        signal.instrumentId(),
        signal.strategyId(),
        signal.barSpec(),
        signal.barEnd(),
        barRevision,
        accountId);
  }

  /**
   * The id of a dependent order (e.g. {@code SL} or {@code TP} of a bracket): {@code parentId-leg}.
   *
   * @param leg one to four letters or digits
   */
  public static String child(String parentId, String leg) {
    Objects.requireNonNull(parentId, "parentId");
    Objects.requireNonNull(leg, "leg");
    if (!LEG.matcher(leg).matches()) {
      throw new IllegalArgumentException("leg must be 1-4 letters or digits, got '" + leg + "'");
    }
    if (parentId.length() > LENGTH) {
      throw new IllegalArgumentException("parent id is not a root id: " + parentId);
    }
    return parentId + "-" + leg;
  }

  /**
   * Writes the UTF-8 length of {@code field} and its bytes. ASCII (every id seen in practice) is
   * copied char by char, which is its UTF-8 encoding; anything else goes through the JDK's encoder,
   * so the bytes are those of {@code getBytes(UTF_8)} either way.
   */
  private static void putField(ByteBuffer buffer, String field) {
    int n = field.length();
    int start = buffer.position();
    buffer.putInt(n);
    for (int i = 0; i < n; i++) {
      char c = field.charAt(i);
      if (c >= 0x80) {
        byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
        buffer.position(start);
        buffer.putInt(utf8.length).put(utf8);
        return;
      }
      buffer.put((byte) c);
    }
  }

  /** One thread's buffers. */
  private static final class Scratch {
    private ByteBuffer canonical = ByteBuffer.allocate(256);
    final byte[] digest = new byte[32];
    // 32 bytes are 43 base64 characters unpadded.
    final byte[] text = new byte[LENGTH];

    /** The canonical buffer, cleared, with room for {@code length} bytes. */
    ByteBuffer canonical(int length) {
      if (canonical.capacity() < length) {
        canonical = ByteBuffer.allocate(Math.max(length, 2 * canonical.capacity()));
      }
      return canonical.clear();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest Javadoc).
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
