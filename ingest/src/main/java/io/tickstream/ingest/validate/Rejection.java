package io.tickstream.ingest.validate;

import io.tickstream.ingest.dlq.DeadLetterReason;

/** Why a tick failed a rule: the reason code and a message for people. */
public record Rejection(DeadLetterReason reason, String message) {}
