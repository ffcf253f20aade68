package io.tickstream.infra.embedded.registry;

/**
 * A request the registry refuses, with Confluent's HTTP status and {@code error_code}, so clients
 * written for Confluent Schema Registry react the same way.
 */
final class RegistryError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;

  RegistryError(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  int httpStatus() {
    return httpStatus;
  }

  int errorCode() {
    return errorCode;
  }

  static RegistryError subjectNotFound(String subject) {
    return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryError versionNotFound(String subject, Object version) {
    return new RegistryError(
        404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryError schemaNotFound(String what) {
    return new RegistryError(404, 40403, what);
  }

  static RegistryError subjectSoftDeleted(String subject) {
    return new RegistryError(
        404,
        40404,
        "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
  }

  static RegistryError subjectNotSoftDeleted(String subject) {
    return new RegistryError(
        404,
        40405,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  static RegistryError versionSoftDeleted(String subject, int version) {
    return new RegistryError(
        404,
        40406,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was soft deleted. Set permanent=true to delete permanently");
  }

  static RegistryError versionNotSoftDeleted(String subject, int version) {
    return new RegistryError(
        404,
        40407,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was not deleted first before being permanently deleted");
  }

  static RegistryError subjectLevelNotConfigured(String subject) {
    return new RegistryError(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  static RegistryError incompatible(String message) {
    return new RegistryError(409, 409, message);
  }

  static RegistryError invalidSchema(String message) {
    return new RegistryError(422, 42201, message);
  }

  static RegistryError invalidVersion(String version) {
    return new RegistryError(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  static RegistryError invalidCompatibilityLevel(String level) {
    return new RegistryError(
        422,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are none, backward, forward, full, backward_transitive,"
            + " forward_transitive, and full_transitive");
  }

  static RegistryError badRequest(String message) {
    return new RegistryError(400, 400, message);
  }

  static RegistryError storeError(String message, Throwable cause) {
    RegistryError error = new RegistryError(500, 50001, message);
    error.initCause(cause);
    return error;
  }
}
