package io.ordergate.gateway.webhooksout;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

import io.ordergate.engine.view.JsonWriter;

/**
 * One webhook's deliveries as {@code GET /api/v1/webhooks/{id}/deliveries} shows them, newest first: per event, its
 * status ({@code pending}, {@code retrying}, {@code delivered}, {@code failed}), attempts, the last answer and the next
 * attempt. The newest {@code webhooks.deliveries_kept} are kept. Rebuilt at start-up from the journal like the
 * deliveries themselves. Thread safe (the fan-out writes, event loops read).
 */
final class DeliveryLog
{
    /** A delivery as last recorded. Immutable. */
    record Entry(String eventId, String event, String status, int attempts, int httpStatus, String error, long createdMicros,
        long lastAttemptMicros, long nextAttemptMicros)
    {
    }

    private final int kept;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    DeliveryLog(final int kept)
    {
        this.kept = kept;
    }

    synchronized void put(final Entry entry)
    {
        entries.put(entry.eventId(), entry);
        if (entries.size() > kept)
        {
            final Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    synchronized Entry get(final String eventId)
    {
        return entries.get(eventId);
    }

    /** Writes {@code [{...}, ...]}, newest first. */
    void write(final JsonWriter json)
    {
        final List<Entry> copy;
        synchronized (this)
        {
            copy = new ArrayList<>(entries.values());
        }
        json.startArray();
        for (int i = copy.size() - 1; i >= 0; i--)
        {
            final Entry entry = copy.get(i);
            json.startObject().name("event_id").string(entry.eventId()).name("event").string(entry.event())
                .name("status").string(entry.status()).name("attempts").number(entry.attempts());
            json.name("http_status");
            if (entry.httpStatus() == 0)
            {
                json.nullValue();
            }
            else
            {
                json.number(entry.httpStatus());
            }
            json.name("error").string(entry.error());
            json.name("created_at").time(entry.createdMicros());
            json.name("last_attempt_at").time(entry.lastAttemptMicros());
            json.name("next_attempt_at").time(entry.nextAttemptMicros());
            json.endObject();
        }
        json.endArray();
    }
}
