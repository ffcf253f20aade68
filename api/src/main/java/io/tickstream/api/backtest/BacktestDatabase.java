package io.tickstream.api.backtest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The JDBC pool of the backtest workers and routes (the execution core's store and bar source are
 * plain JDBC; the rest of the API uses the reactive client). Connects lazily, so the API starts
 * while the database is still down, like its reactive pool.
 */
public final class BacktestDatabase {

  private BacktestDatabase() {}

  /** A pool of at most {@code size} connections. */
  public static HikariDataSource pool(
      String host, int port, String database, String user, String password, int size) {
    HikariConfig c = new HikariConfig();
    c.setPoolName("backtests");
    c.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + database);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(size);
    c.setMinimumIdle(0);
    // -1: do not try to connect at start (a down database must not stop the API).
    c.setInitializationFailTimeout(-1);
    return new HikariDataSource(c);
  }
}
