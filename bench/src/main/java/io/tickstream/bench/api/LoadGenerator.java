package io.tickstream.bench.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** Drives GET requests at a fixed rate against paths {@code String.format(path, i % keys)}. */
interface LoadGenerator {
  /** {@code wrk} when installed, else the in-process {@link PacedLoad}. */
  static LoadGenerator pick(Path work) {
    return Files.isExecutable(Path.of("/usr/bin/wrk")) ? new WrkLoad(work) : new PacedLoad();
  }

  String name();

  LoadResult run(String base, String pathFormat, int keys, int ratePerSecond, int seconds)
      throws Exception;
}
