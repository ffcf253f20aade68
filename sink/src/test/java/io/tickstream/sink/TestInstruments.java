package io.tickstream.sink;

import io.tickstream.schemas.avro.Instrument;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Instruments for tests and a text view of table {@code instruments}. */
final class TestInstruments {
  private TestInstruments() {}

  static Instrument instrument(String id, String tickSize, boolean active) {
    return Instrument.newBuilder()
        .setInstrumentId(id)
        .setSymbol(id)
        .setVenue("SIM")
        .setAssetClass("EQUITY")
        .setCurrency("USD")
        .setTickSize(new BigDecimal(tickSize).setScale(8))
        .setLotSize(new BigDecimal("1").setScale(8))
        .setTradingHours("09:30-16:00 UTC")
        .setActive(active)
        .setTsInit(TestBars.T0)
        .build();
  }

  static List<String> rows(DataSource db) throws SQLException {
    String sql =
        "SELECT instrument_id, symbol, venue, asset_class, currency, tick_size, lot_size,"
            + " trading_hours, active FROM instruments ORDER BY instrument_id";
    List<String> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
          cols.add(rs.getString(i));
        }
        out.add(String.join("|", cols));
      }
    }
    return out;
  }
}
