package io.tickstream.infra.embedded.registry;

import java.util.Optional;

/** A version path segment: a number from 1, or {@code latest} / {@code -1} (empty). */
final class VersionId {
  private VersionId() {}

  /**
   * The version number, or empty for the latest version.
   *
   * @throws RegistryError 42202 for anything else
   */
  static Optional<Integer> parse(String versionId) {
    if ("latest".equalsIgnoreCase(versionId) || "-1".equals(versionId)) {
      return Optional.empty();
    }
    try {
      int version = Integer.parseInt(versionId);
      if (version >= 1) {
        return Optional.of(version);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw RegistryError.invalidVersion(versionId);
  }
}
