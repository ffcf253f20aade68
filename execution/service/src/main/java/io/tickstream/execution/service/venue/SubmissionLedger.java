package io.tickstream.execution.service.venue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paper venue's memory of client order ids it was sent, which (unlike the paper broker's book,
 * restored with the engine from the last committed snapshot) outlives a crash of the Streams
 * instance. It plays the part a real broker's order book plays for the REST client: an order
 * re-processed after a crash is reconciled against it instead of being sent twice.
 */
public interface SubmissionLedger {

  /**
   * Records that {@code clientOrderId} is being sent; false when it was recorded before (it was
   * sent by an earlier incarnation whose output was rolled back).
   */
  boolean recordIntent(String clientOrderId);

  /** A ledger in this JVM's memory: survives Streams restarts, not a JVM restart. */
  static SubmissionLedger inMemory() {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    return ids::add;
  }

  /**
   * No memory: every order goes to the broker. Right when the venue's own state is rolled back with
   * the engine's (the in-process paper broker), so a re-sent order is no duplicate anywhere.
   */
  static SubmissionLedger none() {
    return id -> true;
  }
}
