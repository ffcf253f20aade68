package io.tickstream.ingest.validate;

import io.tickstream.ingest.dlq.DeadLetterReason;

/**
 * Told about every verdict of the validator, e.g. to count them ({@link
 * MicrometerValidationListener}). Called on stream threads: implementations must be thread-safe and
 * cheap.
 */
public interface ValidationListener {
  /** Does nothing. */
  ValidationListener NONE =
      new ValidationListener() {
        @Override
        public void accepted(String stream) {}

        @Override
        public void rejected(String stream, DeadLetterReason reason) {}
      };

  /**
   * A tick passed every rule.
   *
   * @param stream {@code trades} or {@code quotes}
   */
  void accepted(String stream);

  /**
   * A record went to the dead-letter topic.
   *
   * @param stream {@code trades} or {@code quotes}
   */
  void rejected(String stream, DeadLetterReason reason);
}
