package io.tickstream.execution.service.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickstream.execution.engine.EngineSnapshot;
import io.tickstream.execution.engine.OpenOrder;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.OrderType;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import io.tickstream.execution.portfolio.ClosedTrade;
import io.tickstream.execution.portfolio.Position;
import io.tickstream.execution.risk.TradingMode;
import io.tickstream.signals.Direction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The changelog encoding of an account's state: exact round trip, and earlier JSON still read. */
class StoredAccountSerdeTest {
  private final Serde<StoredAccount> serde = StoredAccount.serde();

  private static StoredAccount sample() {
    SubmitOrder limit =
        new SubmitOrder(
            "cid-1",
            "acc-1",
            "trend",
            "BTCUSD.SIM",
            OrderSide.SELL,
            OrderType.STOP_LIMIT,
            new BigDecimal("0.250"),
            new BigDecimal("49000.10"),
            new BigDecimal("49100.00"),
            TimeInForce.GTC,
            17L);
    EngineSnapshot s =
        new EngineSnapshot(
            "acc-1",
            TradingMode.REDUCING,
            new BigDecimal("-1234.56789012"),
            new BigDecimal("1000000"),
            List.of(
                new Position(
                    "BTCUSD.SIM",
                    new BigDecimal("-0.5"),
                    new BigDecimal("50001.5"),
                    new BigDecimal("12.3"),
                    BigDecimal.ZERO,
                    42L),
                Position.flat("ETHUSD.SIM")),
            Map.of("BTCUSD.SIM", new BigDecimal("50000.25")),
            Map.of("ETHUSD.SIM", new BigDecimal("3000")),
            List.of("sig-a", "sig-b"),
            List.of(new EngineSnapshot.ActedDirection("BTCUSD.SIM", "trend", Direction.SHORT)),
            List.of("cid-0"),
            List.of(5L, 9L),
            List.of(
                new OpenOrder(
                    limit, new BigDecimal("0.1"), new BigDecimal("49000.5"), 2, true, 20L)),
            List.of());
    return new StoredAccount(s, Long.MAX_VALUE - 1, Long.MIN_VALUE);
  }

  @Test
  void roundTripsEveryFieldExactly() {
    StoredAccount a = sample();
    byte[] bytes = serde.serializer().serialize("t", a);
    assertThat(bytes[0]).isEqualTo(StoredAccountCodec.VERSION);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(a);
  }

  @Test
  void roundTripsRateWindowTimesAtTheExtremesAndOutOfOrder() {
    EngineSnapshot s = sample().snapshot();
    List<Long> times = List.of(Long.MIN_VALUE, -1L, Long.MAX_VALUE, 0L, 7L, 7L, 3L);
    StoredAccount a = new StoredAccount(withApprovals(s, times), 1L, 2L);
    byte[] bytes = serde.serializer().serialize("t", a);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(a);
  }

  @Test
  void readsVersion2WithFixedWidthTimes() {
    StoredAccount a = sample(); // rate window times 5 and 9
    byte[] v3 = serde.serializer().serialize("t", a);
    // Version 3 writes the times as zigzag varint deltas: count 2, then 5 (0x0a) and 4 (0x08).
    byte[] varints = {0, 0, 0, 2, 0x0a, 0x08};
    int at = indexOf(v3, varints);
    assertThat(at).isPositive();
    java.nio.ByteBuffer v2 = java.nio.ByteBuffer.allocate(v3.length - varints.length + 4 + 16);
    v2.put(v3, 0, at).putInt(2).putLong(5L).putLong(9L);
    v2.put(v3, at + varints.length, v3.length - at - varints.length);
    byte[] bytes = v2.array();
    bytes[0] = 2;
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(a);
  }

  private static int indexOf(byte[] in, byte[] part) {
    int found = -1;
    for (int i = 0; i + part.length <= in.length; i++) {
      if (java.util.Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
        assertThat(found).as("unique").isEqualTo(-1);
        found = i;
      }
    }
    return found;
  }

  private static EngineSnapshot withApprovals(EngineSnapshot s, List<Long> times) {
    return new EngineSnapshot(
        s.accountId(),
        s.mode(),
        s.cash(),
        s.peakEquity(),
        s.positions(),
        s.marks(),
        s.referencePrices(),
        s.processedSignalIds(),
        s.actedDirections(),
        s.riskSeenIds(),
        times,
        s.openOrders(),
        List.of());
  }

  @Test
  void readsTheJsonOfEarlierVersions() throws Exception {
    StoredAccount a = sample();
    byte[] json =
        new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .writeValueAsBytes(a);
    assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(a);
  }

  @Test
  void refusesToStoreClosedTrades() {
    EngineSnapshot s = sample().snapshot();
    ClosedTrade trade = new ClosedTrade("BTCUSD.SIM", OrderSide.BUY, 1L, 2L, BigDecimal.TEN);
    EngineSnapshot withTrade =
        new EngineSnapshot(
            s.accountId(),
            s.mode(),
            s.cash(),
            s.peakEquity(),
            s.positions(),
            s.marks(),
            s.referencePrices(),
            s.processedSignalIds(),
            s.actedDirections(),
            s.riskSeenIds(),
            s.riskApprovals(),
            s.openOrders(),
            List.of(trade));
    assertThatThrownBy(
            () -> serde.serializer().serialize("t", new StoredAccount(withTrade, 0L, 0L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
