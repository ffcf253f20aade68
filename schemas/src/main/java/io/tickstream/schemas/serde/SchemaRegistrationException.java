package io.tickstream.schemas.serde;

/**
 * A value schema could not be registered (or looked up) under its subject: the registry was
 * unreachable, refused the schema as incompatible, or rejected it as invalid. The message names the
 * subject, the registry URL and the registry's error code when it gave one.
 */
public final class SchemaRegistrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final int errorCode;

  /**
   * @param subject the registry subject, e.g. {@code md.trades-value}
   * @param errorCode the registry's {@code error_code} (e.g. 409 incompatible, 42201 invalid), or
   *     -1 when the registry could not be reached
   * @param message what happened and what to do
   * @param cause the client's exception
   */
  public SchemaRegistrationException(
      String subject, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.subject = subject;
    this.errorCode = errorCode;
  }

  /** The registry subject the schema was meant for. */
  public String subject() {
    return subject;
  }

  /** The registry's {@code error_code}, or -1 when the registry could not be reached. */
  public int errorCode() {
    return errorCode;
  }
}
