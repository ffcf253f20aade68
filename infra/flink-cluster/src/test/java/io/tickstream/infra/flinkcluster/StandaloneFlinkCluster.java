package io.tickstream.infra.flinkcluster;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickstream.infra.embedded.FreePorts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * A standalone Flink session cluster as Flink's own launch scripts start one, without a Flink
 * download: a JobManager and a TaskManager JVM running Flink's entry points on "Flink's lib/" (the
 * classpath file of {@code infra/flink-dist}), configured by a {@code config.yaml} in their own
 * configuration directory, logging to files; jobs are submitted with the CLI of {@code bin/flink}.
 *
 * <p>What {@code bin/jobmanager.sh start}, {@code bin/taskmanager.sh start} and {@code bin/flink}
 * do in Flink 2.2, and this class does the same: ask {@code BashJavaUtils} for the memory JVM flags
 * and dynamic properties derived from the configuration ({@code GET_JM_RESOURCE_PARAMS}, {@code
 * GET_TM_RESOURCE_PARAMS}); run {@code StandaloneSessionClusterEntrypoint} and {@code
 * TaskManagerRunner} with {@code --configDir <dir>} and those properties; run {@code CliFrontend}
 * with {@code FLINK_CONF_DIR} set. Every JVM gets the Java 17 {@code --add-opens} flags that the
 * scripts pass and {@code -Dlog.file}. Hand-written because no library starts a cluster from jars;
 * Flink's own test utilities start a MiniCluster in the calling JVM, which would share our
 * classpath and prove nothing about the job jar.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {
  private static final String ENTRYPOINT =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER =
      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final String CLI = "org.apache.flink.client.cli.CliFrontend";
  private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
  private static final Pattern JOB_ID =
      Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path confDir;
  private final Path logDir;
  private final String libClasspath;
  private final List<String> javaOpts;
  private final int restPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Every JVM started, for {@link #close}. */
  private final List<Process> processes = new ArrayList<>();

  /** The JobManager and the TaskManager. */
  private final List<Process> daemons = new ArrayList<>();

  private final Thread killOnExit = new Thread(this::killAll, "kill-flink-cluster");

  private StandaloneFlinkCluster(
      Path confDir, Path logDir, String libClasspath, List<String> javaOpts, int restPort) {
    this.confDir = confDir;
    this.logDir = logDir;
    this.libClasspath = libClasspath;
    this.javaOpts = javaOpts;
    this.restPort = restPort;
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Writes {@code dir/conf} from the sample configuration in {@code sampleConf} ({@code
   * config.yaml}, {@code log4j.properties}) with free loopback ports, {@code slots} task slots,
   * small memory and temporary directories under {@code dir}, then {@code overrides}; starts a
   * JobManager and one TaskManager and returns once both JVMs run (see {@link #awaitTaskManagers}
   * for when they are ready).
   *
   * @param libClasspath Flink's lib/ as a classpath
   */
  public static StandaloneFlinkCluster start(
      Path dir, String libClasspath, Path sampleConf, int slots, Map<String, String> overrides)
      throws IOException, InterruptedException {
    Path confDir = Files.createDirectories(dir.resolve("conf"));
    Path logDir = Files.createDirectories(dir.resolve("log"));
    int restPort = FreePorts.pick();
    Map<String, String> config = readFlatYaml(sampleConf.resolve("config.yaml"));
    config.put(JobManagerOptions.PORT.key(), Integer.toString(FreePorts.pick()));
    config.put(RestOptions.PORT.key(), Integer.toString(restPort));
    config.put(TaskManagerOptions.NUM_TASK_SLOTS.key(), Integer.toString(slots));
    String tmp = Files.createDirectories(dir.resolve("tmp")).toString();
    config.put(CoreOptions.TMP_DIRS.key(), tmp);
    config.put(WebOptions.TMP_DIR.key(), tmp);
    // Small enough for a 2-core CI box next to the broker and the test JVM: heap 256 MiB for the
    // JobManager; the TaskManager's 1 GiB process holds ~280 MiB task heap and 64 MiB managed
    // memory (RocksDB's block cache and write buffers, shared by the slots).
    config.put(JobManagerOptions.TOTAL_PROCESS_MEMORY.key(), "640m");
    config.put(JobManagerOptions.OFF_HEAP_MEMORY.key(), "64m");
    config.put(JobManagerOptions.JVM_OVERHEAD_MIN.key(), "64m");
    config.put(TaskManagerOptions.TOTAL_PROCESS_MEMORY.key(), "1024m");
    config.put(TaskManagerOptions.MANAGED_MEMORY_SIZE.key(), "64m");
    config.put(TaskManagerOptions.JVM_OVERHEAD_MIN.key(), "64m");
    config.putAll(overrides);
    // What the sample must keep for a one-machine cluster: everything on loopback.
    for (var key :
        List.of(
            JobManagerOptions.ADDRESS,
            JobManagerOptions.BIND_HOST,
            TaskManagerOptions.BIND_HOST,
            TaskManagerOptions.HOST,
            RestOptions.ADDRESS,
            RestOptions.BIND_ADDRESS)) {
      if (!"localhost".equals(config.get(key.key()))) {
        throw new IllegalArgumentException(key.key() + " is not localhost in " + sampleConf);
      }
    }
    StringBuilder yaml = new StringBuilder();
    config.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
    Files.writeString(confDir.resolve("config.yaml"), yaml);
    Files.copy(sampleConf.resolve("log4j.properties"), confDir.resolve("log4j.properties"));

    // Like config.sh: env.java.opts.all goes to every Flink JVM.
    List<String> javaOpts = split(config.getOrDefault(CoreOptions.FLINK_JVM_OPTIONS.key(), ""));
    StandaloneFlinkCluster cluster =
        new StandaloneFlinkCluster(confDir, logDir, libClasspath, javaOpts, restPort);
    try {
      // Like the scripts: the memory flags and dynamic properties come from Flink itself.
      Process jmParams = cluster.bashJavaUtils("GET_JM_RESOURCE_PARAMS", "jm-params");
      Process tmParams = cluster.bashJavaUtils("GET_TM_RESOURCE_PARAMS", "tm-params");
      List<String> jm = cluster.resourceParams(jmParams, "jm-params");
      List<String> tm = cluster.resourceParams(tmParams, "tm-params");
      cluster.launch("jobmanager", ENTRYPOINT, jm.get(0), jm.get(1));
      cluster.launch("taskmanager", TASK_MANAGER, tm.get(0), tm.get(1));
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The REST API's base address, e.g. {@code http://localhost:8081}. */
  public String restUrl() {
    return "http://localhost:" + restPort;
  }

  /** Waits until the REST API lists {@code count} registered TaskManagers. */
  public void awaitTaskManagers(int count, Duration timeout) {
    await("TaskManagers registered at " + restUrl())
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .failFast("a cluster JVM exited", () -> daemons.stream().anyMatch(p -> !p.isAlive()))
        .until(() -> get("/taskmanagers").path("taskmanagers").size() == count);
  }

  /**
   * {@code flink run -d <jar> <args>}: the CLI as {@code bin/flink} starts it, against this
   * cluster's configuration directory; returns the submitted job's id.
   *
   * @throws IllegalStateException when the CLI fails or prints no job id
   */
  public String runDetached(Path jar, List<String> args, Duration timeout)
      throws IOException, InterruptedException {
    List<String> cliArgs = new ArrayList<>(List.of("run", "-d", jar.toString()));
    cliArgs.addAll(args);
    Path out = logDir.resolve("client.out");
    // bin/flink sets no heap size; a bound keeps the JVM small on a shared box.
    List<String> cliFlags = new ArrayList<>(List.of("-Xmx512m"));
    cliFlags.addAll(logSettings("log4j.properties"));
    ProcessBuilder pb =
        new ProcessBuilder(command("client", CLI, cliFlags, cliArgs))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("FLINK_CONF_DIR", confDir.toString());
    Process cli = pb.start();
    processes.add(cli);
    if (!cli.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      cli.destroyForcibly();
      throw new IllegalStateException("flink run did not return within " + timeout);
    }
    String output = Files.readString(out);
    Matcher m = JOB_ID.matcher(output);
    if (cli.exitValue() != 0 || !m.find()) {
      throw new IllegalStateException("flink run exited " + cli.exitValue() + ":\n" + output);
    }
    return m.group(1);
  }

  /** GET {@code path} of the REST API as JSON. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(restUrl() + path)).GET());
  }

  /** POST {@code body} (JSON) to {@code path} of the REST API. */
  public JsonNode post(String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(restUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /**
   * Stop-with-savepoint through the REST API ({@code POST /jobs/:id/stop}, then the operation's
   * status); returns the savepoint's location.
   */
  public String stopWithSavepoint(String jobId, Path targetDir, Duration timeout) {
    try {
      String trigger =
          post(
                  "/jobs/" + jobId + "/stop",
                  Map.of("targetDirectory", targetDir.toUri().toString(), "drain", false))
              .path("request-id")
              .asText();
      JsonNode done =
          await("savepoint of " + jobId)
              .atMost(timeout)
              .pollInterval(Duration.ofMillis(250))
              .until(
                  () -> get("/jobs/" + jobId + "/savepoints/" + trigger),
                  r -> "COMPLETED".equals(r.path("status").path("id").asText()));
      JsonNode operation = done.path("operation");
      if (operation.has("failure-cause")) {
        throw new IllegalStateException("stop-with-savepoint failed: " + operation);
      }
      return operation.path("location").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Prints every log and output file of the cluster's JVMs (the last 400 lines of each). */
  public void printLogs(PrintStream to) {
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path f : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        to.printf("===== %s (%d lines) =====%n", f, lines.size());
        lines.subList(Math.max(0, lines.size() - 400), lines.size()).forEach(to::println);
      }
    } catch (IOException e) {
      to.println("cannot read the cluster's logs in " + logDir + ": " + e);
    }
  }

  /** Stops every JVM: SIGTERM (Flink's shutdown hooks run), after 15 s SIGKILL. */
  @Override
  public void close() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run
    }
  }

  private void killAll() {
    processes.forEach(Process::destroyForcibly);
  }

  private Process bashJavaUtils(String command, String name) throws IOException {
    return new ProcessBuilder(
            command(
                name,
                BASH_JAVA_UTILS,
                List.of(),
                List.of(command, "--configDir", confDir.toString())))
        .redirectErrorStream(true)
        .redirectOutput(logDir.resolve(name + ".out").toFile())
        .start();
  }

  /** The two result lines of BashJavaUtils: JVM flags, then dynamic properties. */
  private List<String> resourceParams(Process p, String name)
      throws IOException, InterruptedException {
    processes.add(p);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(
          name + " failed:\n" + Files.readString(logDir.resolve(name + ".out")));
    }
    List<String> results =
        Files.readAllLines(logDir.resolve(name + ".out")).stream()
            .filter(l -> l.startsWith(RESULT_PREFIX))
            .map(l -> l.substring(RESULT_PREFIX.length()).trim())
            .toList();
    if (results.size() != 2) {
      throw new IllegalStateException(name + " printed " + results);
    }
    return results;
  }

  private void launch(String name, String mainClass, String jvmParams, String dynamicProperties)
      throws IOException {
    List<String> jvmFlags = new ArrayList<>(split(jvmParams));
    jvmFlags.addAll(logSettings("log4j.properties"));
    List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString()));
    args.addAll(split(dynamicProperties));
    Process daemon =
        new ProcessBuilder(command(name, mainClass, jvmFlags, args))
            .redirectErrorStream(true)
            .redirectOutput(logDir.resolve(name + ".out").toFile())
            .start();
    processes.add(daemon);
    daemons.add(daemon);
  }

  /** {@code java <jvmFlags> <env.java.opts> -Dlog.file=… -classpath <lib/> <mainClass> <args>}. */
  private List<String> command(
      String name, String mainClass, List<String> jvmFlags, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.addAll(javaOpts);
    cmd.add("-Dlog.file=" + logDir.resolve(name + ".log"));
    cmd.add("-classpath");
    cmd.add(libClasspath);
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** The log4j settings of the scripts, for the configuration file {@code conf/<file>}. */
  private List<String> logSettings(String file) {
    String url = "file:" + confDir.resolve(file);
    return List.of("-Dlog4j.configuration=" + url, "-Dlog4j.configurationFile=" + url);
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static List<String> split(String text) {
    return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  /** The {@code key: value} lines of a flat YAML file, comments and blank lines skipped. */
  private static Map<String, String> readFlatYaml(Path file) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      int colon = text.indexOf(": ");
      if (colon < 0) {
        throw new IllegalArgumentException("not a flat key: value line in " + file + ": " + line);
      }
      entries.put(text.substring(0, colon).strip(), text.substring(colon + 2).strip());
    }
    return entries;
  }
}
