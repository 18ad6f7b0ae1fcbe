package io.ordergate.gateway.webhooksout;

/**
 * One event for one webhook: what the sender posts (the body is rendered once, from the journaled command, so every
 * attempt and every restart posts the same bytes under the same {@code event_id}). Immutable.
 *
 * @param eventMicros the time of the command that made the event: the retry window is counted from it
 */
record Delivery(Target target, String eventId, WebhookEvent event, byte[] body, long eventMicros)
{
    /** The key of a delivery: a webhook and an event. */
    String key()
    {
        return target.id() + ' ' + eventId;
    }
}
