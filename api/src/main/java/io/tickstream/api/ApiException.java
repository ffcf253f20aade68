package io.tickstream.api;

import io.vertx.core.json.JsonObject;

/**
 * A failure the client caused, answered with its HTTP status and a JSON body {@code
 * {"code":…,"message":…,"parameter":…}}. Carries no stack trace: it is an answer, not a bug.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String parameter;
  private final long retryAfterSeconds;

  private ApiException(int status, String code, String message, String parameter) {
    this(status, code, message, parameter, -1);
  }

  private ApiException(
      int status, String code, String message, String parameter, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.parameter = parameter;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 400 {@code LIMIT_EXCEEDED}: a parameter passes a cap; {@code message} names the limit. */
  public static ApiException limitExceeded(String parameter, String message) {
    return new ApiException(400, "LIMIT_EXCEEDED", message, parameter);
  }

  /** 400 {@code INVALID_BODY}: the request body does not hold what the route expects. */
  public static ApiException invalidBody(String message) {
    return new ApiException(400, "INVALID_BODY", message, null);
  }

  /** 401 {@code UNAUTHENTICATED}: no token, or a token that does not verify. */
  public static ApiException unauthenticated(String message) {
    return new ApiException(401, "UNAUTHENTICATED", message, null);
  }

  /** 403 {@code FORBIDDEN}: the token's role does not allow the route. */
  public static ApiException forbidden(String message) {
    return new ApiException(403, "FORBIDDEN", message, null);
  }

  /** 413 {@code BODY_TOO_LARGE}; {@code message} names the limit. */
  public static ApiException bodyTooLarge(String message) {
    return new ApiException(413, "BODY_TOO_LARGE", message, null);
  }

  /** 429 {@code RATE_LIMITED} with a {@code Retry-After} of {@code retryAfterSeconds}. */
  public static ApiException rateLimited(String message, long retryAfterSeconds) {
    return new ApiException(429, "RATE_LIMITED", message, null, Math.max(1, retryAfterSeconds));
  }

  /** 503 {@code UNAVAILABLE}: a feature whose backend is not configured or not reachable. */
  public static ApiException unavailable(String message) {
    return new ApiException(503, "UNAVAILABLE", message, null);
  }

  /** 503 {@code BUSY} with a {@code Retry-After}: a bounded queue of work is full. */
  public static ApiException busy(String message, long retryAfterSeconds) {
    return new ApiException(503, "BUSY", message, null, Math.max(1, retryAfterSeconds));
  }

  /** 429 {@code TOO_MANY_ACTIVE} with a {@code Retry-After}: the caller's own quota is used. */
  public static ApiException tooManyActive(String message, long retryAfterSeconds) {
    return new ApiException(429, "TOO_MANY_ACTIVE", message, null, Math.max(1, retryAfterSeconds));
  }

  /** 400 {@code INVALID_PARAMETER}; {@code message} names the parameter and what is allowed. */
  public static ApiException invalidParameter(String parameter, String message) {
    return new ApiException(400, "INVALID_PARAMETER", message, parameter);
  }

  /** 404 {@code NOT_FOUND}. */
  public static ApiException notFound(String message) {
    return new ApiException(404, "NOT_FOUND", message, null);
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** The machine-readable error code. */
  public String code() {
    return code;
  }

  /** The offending query parameter, or {@code null}. */
  public String parameter() {
    return parameter;
  }

  /** Seconds for the {@code Retry-After} header, or -1 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The response body. */
  public JsonObject toJson() {
    JsonObject body = new JsonObject().put("code", code).put("message", getMessage());
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    return body;
  }
}
