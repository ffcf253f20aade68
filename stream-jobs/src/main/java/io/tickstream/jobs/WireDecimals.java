package io.tickstream.jobs;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Decimals in the records' network format ({@link TradeTickSerializer}, {@link BarSerializer}):
 * scale (int), then a tag: 0 and the unscaled value as a long when it fits one (every realistic
 * price and size at scale 8), else 1, the length and the unscaled two's-complement bytes. Exact:
 * the value and its scale come back as written.
 */
final class WireDecimals {
  private static final byte LONG = 0;
  private static final byte BYTES = 1;

  private WireDecimals() {}

  static void write(BigDecimal d, DataOutputView out) throws IOException {
    out.writeInt(d.scale());
    BigInteger unscaled = d.unscaledValue();
    if (unscaled.bitLength() < Long.SIZE) {
      out.writeByte(LONG);
      out.writeLong(unscaled.longValue());
    } else {
      byte[] bytes = unscaled.toByteArray();
      out.writeByte(BYTES);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  static BigDecimal read(DataInputView in) throws IOException {
    int scale = in.readInt();
    byte tag = in.readByte();
    if (tag == LONG) {
      return BigDecimal.valueOf(in.readLong(), scale);
    }
    if (tag != BYTES) {
      throw new IOException("corrupt decimal: tag " + tag);
    }
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new BigDecimal(new BigInteger(bytes), scale);
  }

  static void copy(DataInputView in, DataOutputView out) throws IOException {
    write(read(in), out);
  }
}
