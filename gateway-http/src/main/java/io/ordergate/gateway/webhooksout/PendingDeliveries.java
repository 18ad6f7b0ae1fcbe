package io.ordergate.gateway.webhooksout;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The deliveries without a final outcome, per webhook in the order their events were made, at most
 * {@code webhooks.max_pending_per_webhook} each: a receiver that stays down while events keep coming would otherwise
 * make the gateway hold every one of them. Past the bound the <em>oldest</em> is given up, not the newest: it is the
 * stalest to its receiver and the nearest its {@code retry_hours} end anyway, while the newest says what orders and
 * positions are now, which a receiver coming back needs most. Which one goes is decided from the journal's order alone,
 * so a replay gives up the same ones. <b>Not thread safe</b>: the fan-out thread; the counts are read by scrapes.
 */
final class PendingDeliveries
{
    /** A delivery waiting for its next attempt. */
    static final class Pending
    {
        final Delivery delivery;
        final long createdMicros;
        int attempts;
        long nextAttemptMicros;

        Pending(final Delivery delivery, final long createdMicros)
        {
            this.delivery = delivery;
            this.createdMicros = createdMicros;
        }
    }

    private final int perWebhook;
    /** Webhook id to its pending deliveries by event id, oldest first. */
    private final Map<String, LinkedHashMap<String, Pending>> byWebhook = new LinkedHashMap<>();
    private volatile long count;
    private volatile long givenUpForBound;

    PendingDeliveries(final int perWebhook)
    {
        this.perWebhook = perWebhook;
    }

    /** Adds a delivery; returns the oldest of its webhook when that one is now past the bound and given up, else null. */
    Pending add(final Pending waiting)
    {
        final LinkedHashMap<String, Pending> mine = byWebhook.computeIfAbsent(waiting.delivery.target().id(), id -> new LinkedHashMap<>());
        if (mine.put(waiting.delivery.eventId(), waiting) == null)
        {
            count++;
        }
        if (mine.size() <= perWebhook)
        {
            return null;
        }
        final Iterator<Pending> oldest = mine.values().iterator();
        final Pending given = oldest.next();
        oldest.remove();
        count--;
        return given;
    }

    /** {@code webhooks.max_pending_per_webhook}. */
    int perWebhook()
    {
        return perWebhook;
    }

    /** Counts a delivery given up for the bound (live only: a replay re-decides what the journal already shows). */
    void countGivenUp()
    {
        givenUpForBound++;
    }

    Pending get(final String webhookId, final String eventId)
    {
        final LinkedHashMap<String, Pending> mine = byWebhook.get(webhookId);
        return mine == null ? null : mine.get(eventId);
    }

    void remove(final String webhookId, final String eventId)
    {
        final LinkedHashMap<String, Pending> mine = byWebhook.get(webhookId);
        if (mine != null && mine.remove(eventId) != null)
        {
            count--;
            if (mine.isEmpty())
            {
                byWebhook.remove(webhookId);
            }
        }
    }

    /** The webhook is deleted: its deliveries go with it. */
    void removeWebhook(final String webhookId)
    {
        final LinkedHashMap<String, Pending> mine = byWebhook.remove(webhookId);
        if (mine != null)
        {
            count -= mine.size();
        }
    }

    void forEach(final Consumer<Pending> action)
    {
        for (final LinkedHashMap<String, Pending> mine : byWebhook.values())
        {
            mine.values().forEach(action);
        }
    }

    /** Deliveries pending across every webhook. */
    long count()
    {
        return count;
    }

    /** Deliveries given up since start because their webhook had {@code max_pending_per_webhook} newer ones waiting. */
    long givenUpForBound()
    {
        return givenUpForBound;
    }

    /** The state a replay must rebuild exactly. */
    Map<String, LinkedHashMap<String, Pending>> stateRoot()
    {
        return byWebhook;
    }
}
