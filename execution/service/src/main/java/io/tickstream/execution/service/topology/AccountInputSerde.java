package io.tickstream.execution.service.topology;

import static io.tickstream.execution.service.topology.BinaryFields.readDecimal;
import static io.tickstream.execution.service.topology.BinaryFields.writeDecimal;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary encoding of {@link AccountInput} for the service's own internal topic (no
 * registry: only this service reads it, and it is re-created with the application). A version byte
 * leads, so a later encoding can still read records left by this one.
 */
final class AccountInputSerde implements Serde<AccountInput> {
  private static final byte VERSION = 1;
  private static final byte SIGNAL = 1;
  private static final byte MARKET = 2;

  @Override
  public Serializer<AccountInput> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public Deserializer<AccountInput> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(AccountInput input) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(160);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION);
      if (input instanceof AccountInput.SignalInput s) {
        Signal g = s.signal();
        out.writeByte(SIGNAL);
        out.writeUTF(s.signalId());
        out.writeUTF(g.instrumentId());
        out.writeUTF(g.strategyId());
        out.writeByte(g.direction().ordinal());
        out.writeDouble(g.strength());
        out.writeUTF(g.reason());
        out.writeUTF(g.barSpec());
        out.writeLong(g.barStart());
        out.writeLong(g.barEnd());
        out.writeInt(s.revision());
        out.writeLong(s.tsInit());
      } else if (input instanceof AccountInput.MarketInput m) {
        MarketUpdate u = m.update();
        out.writeByte(MARKET);
        out.writeUTF(u.instrumentId());
        out.writeLong(u.tsEvent());
        writeDecimal(out, u.bid());
        writeDecimal(out, u.ask());
        writeDecimal(out, u.last());
        writeDecimal(out, u.volume());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static AccountInput decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown account input version " + version);
      }
      byte type = in.readByte();
      if (type == SIGNAL) {
        String signalId = in.readUTF();
        Signal signal =
            new Signal(
                in.readUTF(),
                in.readUTF(),
                Direction.values()[in.readByte()],
                in.readDouble(),
                in.readUTF(),
                in.readUTF(),
                in.readLong(),
                in.readLong());
        return new AccountInput.SignalInput(signalId, signal, in.readInt(), in.readLong());
      }
      if (type == MARKET) {
        return new AccountInput.MarketInput(
            new MarketUpdate(
                in.readUTF(),
                in.readLong(),
                readDecimal(in),
                readDecimal(in),
                readDecimal(in),
                readDecimal(in)));
      }
      throw new IllegalArgumentException("unknown account input type " + type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
