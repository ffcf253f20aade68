package io.tickstream.execution.service.topology;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact decimals and optional values in the service's own binary encodings. */
final class BinaryFields {
  private BinaryFields() {}

  /** Scale, then the unscaled value's two's-complement bytes (at most 255 of them). */
  static void writeDecimal(DataOutputStream out, BigDecimal value) throws IOException {
    byte[] unscaled = value.unscaledValue().toByteArray();
    if (unscaled.length > 255) {
      throw new IllegalArgumentException("decimal too large to encode: " + value);
    }
    out.writeInt(value.scale());
    out.writeByte(unscaled.length);
    out.write(unscaled);
  }

  static BigDecimal readDecimal(DataInputStream in) throws IOException {
    int scale = in.readInt();
    byte[] unscaled = new byte[in.readUnsignedByte()];
    in.readFully(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }

  static void writeOptionalDecimal(DataOutputStream out, BigDecimal value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeDecimal(out, value);
    }
  }

  static BigDecimal readOptionalDecimal(DataInputStream in) throws IOException {
    return in.readBoolean() ? readDecimal(in) : null;
  }
}
