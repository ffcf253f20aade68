package io.tickstream.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky's embedded binaries) in a child process. The data directory is
 * kept across restarts, so the local stack keeps what it stored.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;
  private final Path dataDir;

  private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, Path dataDir) {
    this.pg = pg;
    this.dataDir = dataDir;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDir}.
   *
   * @throws PortInUseException when the port is taken
   */
  public static EmbeddedPostgres start(int port, Path dataDir) {
    int chosen = port == 0 ? FreePorts.pick() : FreePorts.requireFree(port, "PostgreSQL server");
    try {
      Files.createDirectories(dataDir);
      var pg =
          io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
              .setPort(chosen)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "100")
              .setServerConfig("fsync", "on")
              .start();
      LOG.info("PostgreSQL up at {} (data in {})", jdbcUrl(chosen), dataDir);
      return new EmbeddedPostgres(pg, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
    }
  }

  private static String jdbcUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  /** JDBC URL of the {@code postgres} database; user {@code postgres}, no password. */
  public String jdbcUrl() {
    return jdbcUrl(pg.getPort());
  }

  /** The server's port. */
  public int port() {
    return pg.getPort();
  }

  /** User name to connect with. */
  public String user() {
    return "postgres";
  }

  /** A data source for the {@code postgres} database. */
  public DataSource dataSource() {
    return pg.getPostgresDatabase();
  }

  /** Where the data lives. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    try {
      pg.close();
      LOG.info("PostgreSQL stopped");
    } catch (IOException e) {
      throw new UncheckedIOException("stopping embedded PostgreSQL failed", e);
    }
  }
}
