package io.tickstream.api.stream;

/**
 * A message ready to send: its channel, the keys subscriptions filter on, and the JSON text.
 *
 * @param channel the channel name
 * @param instrumentId the instrument it concerns
 * @param accountId the account it belongs to, or null
 * @param json the encoded JSON object
 */
public record StreamMessage(String channel, String instrumentId, String accountId, String json) {}
