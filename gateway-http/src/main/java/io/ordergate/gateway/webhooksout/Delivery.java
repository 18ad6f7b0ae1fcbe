package io.ordergate.gateway.webhooksout;

import java.util.List;

/**
 * One event for one webhook: what the sender posts (the body is rendered once, from the journaled command, so every
 * attempt and every restart posts the same bytes under the same {@code event_id}). Immutable.
 *
 * @param eventMicros the time of the command that made the event: the retry window is counted from it
 * @param accounts    the accounts through which the webhook's owner saw the event when it was made (empty: an event of
 *                    no account, which only needs its owner still active); every attempt asks again, so an account
 *                    taken from the owner since stops its retries too
 */
record Delivery(Target target, String eventId, WebhookEvent event, byte[] body, long eventMicros, List<String> accounts)
{
    /** The key of a delivery: a webhook and an event. */
    String key()
    {
        return target.id() + ' ' + eventId;
    }

    /** Whether the owner may still see this event now: through one of its accounts, or (none) while still active. */
    boolean ownerStillSees(final OwnerAccess owners)
    {
        if (accounts.isEmpty())
        {
            return owners.sees(target.owner(), null);
        }
        for (final String accountId : accounts)
        {
            if (owners.sees(target.owner(), accountId))
            {
                return true;
            }
        }
        return false;
    }
}
