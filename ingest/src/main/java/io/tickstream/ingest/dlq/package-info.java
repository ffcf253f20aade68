/** Dead letters: the reason codes ingest uses and builders of {@code DeadLetter} records. */
package io.tickstream.ingest.dlq;
