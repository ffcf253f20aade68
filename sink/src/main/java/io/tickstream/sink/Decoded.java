package io.tickstream.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record whose value decoded, with the raw record it came from (for dead letters).
 *
 * @param value the decoded value
 * @param source the record as consumed, bytes untouched
 */
record Decoded<T>(T value, ConsumerRecord<byte[], byte[]> source) {}
