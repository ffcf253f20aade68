package io.tickstream.execution.service.config;

/** The service configuration is invalid; the message names the JSON path and what is expected. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the path of the offending setting, what was found and what is expected
   * @param cause the underlying error, or null
   */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
