package io.tickstream.sink;

import io.tickstream.infra.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database of one IT class: embedded PostgreSQL 17 by default, or a fresh database on the
 * TimescaleDB server named by {@code TICKSTREAM_TIMESCALE_URL} (a JDBC URL of its {@code postgres}
 * database with user and password parameters). Crashing the TimescaleDB server needs {@code
 * TICKSTREAM_TIMESCALE_PGCTL}: the pg_ctl command prefix for its data directory, e.g. {@code
 * runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/tsdb/data}.
 */
final class TestDatabase implements AutoCloseable {
  static final String TIMESCALE_URL_ENV = "TICKSTREAM_TIMESCALE_URL";
  static final String TIMESCALE_PGCTL_ENV = "TICKSTREAM_TIMESCALE_PGCTL";

  private final EmbeddedPostgres embedded;
  private final String adminUrl;
  private final String url;
  private final String database;
  private String embeddedPgCtl;
  private String embeddedOptions;

  private TestDatabase(EmbeddedPostgres embedded, String adminUrl, String url, String database) {
    this.embedded = embedded;
    this.adminUrl = adminUrl;
    this.url = url;
    this.database = database;
  }

  /** Is a TimescaleDB server configured for this run? */
  static boolean timescale() {
    String url = System.getenv(TIMESCALE_URL_ENV);
    return url != null && !url.isBlank();
  }

  /** Embedded PostgreSQL in {@code dir}, or a new database on the configured TimescaleDB. */
  static TestDatabase start(Path dir) {
    if (!timescale()) {
      EmbeddedPostgres pg = EmbeddedPostgres.start(0, dir);
      return new TestDatabase(pg, null, pg.jdbcUrl(), null);
    }
    String admin = System.getenv(TIMESCALE_URL_ENV);
    String name = "sink_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(source(admin), "CREATE DATABASE " + name);
    return new TestDatabase(
        null, admin, admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), name);
  }

  /** Can this run crash and restart the server? */
  boolean canCrash() {
    return embedded != null || System.getenv(TIMESCALE_PGCTL_ENV) != null;
  }

  String jdbcUrl() {
    return url;
  }

  String user() {
    return embedded != null ? embedded.user() : "postgres";
  }

  DataSource dataSource() {
    return embedded != null ? embedded.dataSource() : source(url);
  }

  private static DataSource source(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    return ds;
  }

  private static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  /** Stops the server like a power cut: {@code pg_ctl -m immediate stop}. */
  void crash() {
    if (embedded == null) {
      run(concat(pgCtl(), "-m", "immediate", "stop"));
      return;
    }
    try {
      Path dataDir = embedded.dataDir();
      String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
      Path exe = Files.readSymbolicLink(Path.of("/proc", pid, "exe"));
      embeddedPgCtl = exe.getParent().resolve("pg_ctl").toString();
      // The postmaster's own arguments: zonky passes port and settings there, not in a file.
      String cmdline = Files.readString(Path.of("/proc", pid, "cmdline"), StandardCharsets.UTF_8);
      List<String> args = new ArrayList<>(Arrays.asList(cmdline.split("\0")));
      args.remove(0);
      int d = args.indexOf("-D");
      if (d >= 0) {
        args.subList(d, d + 2).clear();
      }
      embeddedOptions =
          args.stream()
              .map(a -> "'" + a.replace("'", "'\\''") + "'")
              .collect(Collectors.joining(" "));
      // As zonky does: pg_ctl refuses to run as root, so it runs in a new user namespace.
      run(
          List.of(
              "unshare", "-U", embeddedPgCtl, "-D", dataDir.toString(), "-m", "immediate", "stop"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot crash the embedded server", e);
    }
  }

  /** Starts the server crashed by {@link #crash()} again, on the same port and data. */
  void restart() {
    if (embedded == null) {
      run(concat(pgCtl(), "-w", "-l", "/dev/null", "start"));
    } else {
      run(
          List.of(
              "unshare",
              "-U",
              embeddedPgCtl,
              "-D",
              embedded.dataDir().toString(),
              "-w",
              "-l",
              "/dev/null",
              "-o",
              embeddedOptions,
              "start"));
    }
  }

  private static List<String> pgCtl() {
    return List.of(System.getenv(TIMESCALE_PGCTL_ENV).trim().split("\\s+"));
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> out = new ArrayList<>(head);
    out.addAll(List.of(tail));
    return out;
  }

  private static void run(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    } else {
      execute(source(adminUrl), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
