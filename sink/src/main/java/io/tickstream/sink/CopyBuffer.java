package io.tickstream.sink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer of {@code COPY} input (CSV or binary), reused from batch to batch so
 * encoding a row allocates nothing but what the values themselves need (the text form of a
 * decimal).
 */
final class CopyBuffer {
  private byte[] bytes;
  private int size;

  CopyBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  int size() {
    return size;
  }

  byte[] array() {
    return bytes;
  }

  void clear() {
    size = 0;
  }

  void put(byte b) {
    if (size == bytes.length) {
      grow(1);
    }
    bytes[size++] = b;
  }

  void put(byte[] src, int off, int len) {
    if (size + len > bytes.length) {
      grow(len);
    }
    System.arraycopy(src, off, bytes, size, len);
    size += len;
  }

  /** Big-endian, as PostgreSQL's binary format wants. */
  void putShort(int v) {
    int at = reserve(2);
    bytes[at] = (byte) (v >>> 8);
    bytes[at + 1] = (byte) v;
  }

  /** Big-endian. */
  void putInt(int v) {
    int at = reserve(4);
    putInt(at, v);
  }

  /** Overwrites the 4 bytes at {@code at} (a length reserved before its field was written). */
  void putInt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  /** Big-endian. */
  void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  /** Appends {@code s}, which must be ASCII (numbers, times, codes). */
  void putAscii(String s) {
    int n = s.length();
    if (size + n > bytes.length) {
      grow(n);
    }
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  /** Drops everything from {@code size} on (a reservation given back). */
  void truncate(int size) {
    this.size = size;
  }

  /** Reserves {@code n} bytes and returns the index of the first, for fixed-width fields. */
  int reserve(int n) {
    if (size + n > bytes.length) {
      grow(n);
    }
    int at = size;
    size += n;
    return at;
  }

  private void grow(int needed) {
    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + needed));
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }
}
