package io.tickstream.execution.service.topology;

import static io.tickstream.execution.service.topology.BinaryFields.readDecimal;
import static io.tickstream.execution.service.topology.BinaryFields.readOptionalDecimal;
import static io.tickstream.execution.service.topology.BinaryFields.writeDecimal;
import static io.tickstream.execution.service.topology.BinaryFields.writeOptionalDecimal;

import io.tickstream.execution.engine.EngineSnapshot;
import io.tickstream.execution.engine.OpenOrder;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.OrderType;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import io.tickstream.execution.portfolio.Position;
import io.tickstream.execution.risk.TradingMode;
import io.tickstream.signals.Direction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * Binary encoding of {@link StoredAccount} for the {@code execution-accounts} changelog: written on
 * every state change, so it must be cheap (JSON data binding was the service's largest cost). Enums
 * go by name and a version byte leads, so a later encoding can still read these records. Closed
 * trades are never stored (see {@link StoredAccount#compact}).
 */
final class StoredAccountCodec {
  static final byte VERSION = 3;

  /** Version 2 stored the rate window's order times as 8-byte longs; still read. */
  static final byte VERSION_FIXED_TIMES = 2;

  private StoredAccountCodec() {}

  static byte[] encode(StoredAccount a) {
    EngineSnapshot s = a.snapshot();
    if (!s.closedTrades().isEmpty()) {
      throw new IllegalArgumentException("closed trades are not stored: compact the snapshot");
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION);
      out.writeLong(a.clock());
      out.writeLong(a.lastControlTs());
      out.writeUTF(s.accountId());
      out.writeUTF(s.mode().name());
      writeDecimal(out, s.cash());
      writeDecimal(out, s.peakEquity());
      out.writeInt(s.positions().size());
      for (Position p : s.positions()) {
        out.writeUTF(p.instrumentId());
        writeDecimal(out, p.quantity());
        writeDecimal(out, p.avgCost());
        writeDecimal(out, p.realizedPnl());
        writeDecimal(out, p.tripRealizedPnl());
        out.writeLong(p.openedAt());
      }
      writePrices(out, s.marks());
      writePrices(out, s.referencePrices());
      writeStrings(out, s.processedSignalIds());
      out.writeInt(s.actedDirections().size());
      for (EngineSnapshot.ActedDirection d : s.actedDirections()) {
        out.writeUTF(d.instrumentId());
        out.writeUTF(d.strategyId());
        out.writeUTF(d.direction().name());
      }
      writeStrings(out, s.riskSeenIds());
      // The rate window's order times: as many as orders in the window (25,000 at 25,000 orders/s
      // and a 1 s window), written at every commit. As deltas from the previous time (zigzag
      // varints, as Kafka's record format does: an earlier time is tolerated), 2-4 bytes each
      // instead of 8.
      // Encoded into one buffer and written at once: byte by byte through the synchronised
      // ByteArrayOutputStream cost more than the varints themselves.
      List<Long> times = s.riskApprovals();
      out.writeInt(times.size());
      ByteBuffer varints = ByteBuffer.allocate(times.size() * 10);
      long previous = 0;
      for (long t : times) {
        ByteUtils.writeVarlong(t - previous, varints);
        previous = t;
      }
      out.write(varints.array(), 0, varints.position());
      out.writeInt(s.openOrders().size());
      for (OpenOrder o : s.openOrders()) {
        writeOrder(out, o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static StoredAccount decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION && version != VERSION_FIXED_TIMES) {
        throw new IllegalArgumentException("unknown stored account version " + version);
      }
      long clock = in.readLong();
      long lastControlTs = in.readLong();
      String accountId = in.readUTF();
      TradingMode mode = TradingMode.valueOf(in.readUTF());
      BigDecimal cash = readDecimal(in);
      BigDecimal peak = readDecimal(in);
      int n = in.readInt();
      List<Position> positions = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        positions.add(
            new Position(
                in.readUTF(),
                readDecimal(in),
                readDecimal(in),
                readDecimal(in),
                readDecimal(in),
                in.readLong()));
      }
      Map<String, BigDecimal> marks = readPrices(in);
      Map<String, BigDecimal> references = readPrices(in);
      List<String> processed = readStrings(in);
      n = in.readInt();
      List<EngineSnapshot.ActedDirection> acted = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        acted.add(
            new EngineSnapshot.ActedDirection(
                in.readUTF(), in.readUTF(), Direction.valueOf(in.readUTF())));
      }
      List<String> seen = readStrings(in);
      n = in.readInt();
      List<Long> approvals = new ArrayList<>(n);
      long previous = 0;
      for (int i = 0; i < n; i++) {
        previous =
            version == VERSION_FIXED_TIMES ? in.readLong() : previous + ByteUtils.readVarlong(in);
        approvals.add(previous);
      }
      n = in.readInt();
      List<OpenOrder> open = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        open.add(readOrder(in));
      }
      EngineSnapshot s =
          new EngineSnapshot(
              accountId,
              mode,
              cash,
              peak,
              positions,
              marks,
              references,
              processed,
              acted,
              seen,
              approvals,
              open,
              List.of());
      return new StoredAccount(s, clock, lastControlTs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeOrder(DataOutputStream out, OpenOrder o) throws IOException {
    SubmitOrder c = o.command();
    out.writeUTF(c.clientOrderId());
    out.writeUTF(c.accountId());
    out.writeUTF(c.strategyId());
    out.writeUTF(c.instrumentId());
    out.writeUTF(c.side().name());
    out.writeUTF(c.type().name());
    writeDecimal(out, c.quantity());
    writeOptionalDecimal(out, c.limitPrice());
    writeOptionalDecimal(out, c.stopPrice());
    out.writeUTF(c.timeInForce().name());
    out.writeLong(c.tsInit());
    writeDecimal(out, o.filledQty());
    writeOptionalDecimal(out, o.avgPx());
    out.writeInt(o.fills());
    out.writeBoolean(o.triggered());
    out.writeLong(o.acceptedAt());
  }

  private static OpenOrder readOrder(DataInputStream in) throws IOException {
    SubmitOrder c =
        new SubmitOrder(
            in.readUTF(),
            in.readUTF(),
            in.readUTF(),
            in.readUTF(),
            OrderSide.valueOf(in.readUTF()),
            OrderType.valueOf(in.readUTF()),
            readDecimal(in),
            readOptionalDecimal(in),
            readOptionalDecimal(in),
            TimeInForce.valueOf(in.readUTF()),
            in.readLong());
    return new OpenOrder(
        c, readDecimal(in), readOptionalDecimal(in), in.readInt(), in.readBoolean(), in.readLong());
  }

  private static void writePrices(DataOutputStream out, Map<String, BigDecimal> prices)
      throws IOException {
    out.writeInt(prices.size());
    for (var e : new java.util.TreeMap<>(prices).entrySet()) {
      out.writeUTF(e.getKey());
      writeDecimal(out, e.getValue());
    }
  }

  private static Map<String, BigDecimal> readPrices(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, BigDecimal> out = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      out.put(in.readUTF(), readDecimal(in));
    }
    return out;
  }

  private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      out.writeUTF(v);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }
}
