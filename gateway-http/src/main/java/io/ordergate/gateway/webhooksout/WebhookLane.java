package io.ordergate.gateway.webhooksout;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * One webhook's attempts inside the {@link WebhookSender}: those waiting for their time (each with its one timer
 * task, cancelled when the delivery is given up or the webhook deleted), those due and waiting for a free slot (no
 * timer: a slot coming back starts the next), and how many are in flight (at most {@link WebhookSender#PER_WEBHOOK}).
 * A receiver that answered busy pauses its lane until its {@code Retry-After} (one resume task per lane, never one
 * per delivery). A deleted webhook's lane is dropped from the sender and marked gone, so nothing is kept per deleted
 * webhook. Thread safe: every method holds the lane's monitor (the fan-out, the timer and the HTTP client's threads).
 */
final class WebhookLane
{
    /** Attempt {@code number} of a delivery. */
    record Attempt(Delivery delivery, int number)
    {
    }

    final String webhookId;
    private final Map<String, ScheduledFuture<?>> waiting = new HashMap<>();
    private final ArrayDeque<Attempt> due = new ArrayDeque<>();
    /** Every delivery the lane holds, waiting, due or in flight. */
    private final Set<String> held = new HashSet<>();
    private int inFlight;
    private long pausedUntilMicros;
    private boolean resumeScheduled;
    private boolean starved;
    private boolean gone;

    WebhookLane(final String webhookId)
    {
        this.webhookId = webhookId;
    }

    /** Takes the delivery unless the lane holds it already (a delivery handed over twice is attempted once) or is gone. */
    synchronized boolean take(final String key)
    {
        return !gone && held.add(key);
    }

    /** The timer task of a delivery taken: cancelled at once if the delivery was given up meanwhile. */
    synchronized void waiting(final String key, final ScheduledFuture<?> timer)
    {
        if (gone || !held.contains(key))
        {
            timer.cancel(false);
            return;
        }
        waiting.put(key, timer);
    }

    /** Its time has come: from waiting to due. False when it is no longer waiting (given up, webhook gone). */
    synchronized boolean due(final Attempt attempt)
    {
        if (gone || waiting.remove(attempt.delivery().key()) == null)
        {
            return false;
        }
        due.add(attempt);
        return true;
    }

    /**
     * The next due attempt if a slot of the lane is free and its receiver not paused, marked in flight; else null.
     * The caller holds one of the sender's global slots for it and gives it back on null.
     */
    synchronized Attempt startNext(final int perWebhook, final long nowMicros)
    {
        if (gone || inFlight >= perWebhook || nowMicros < pausedUntilMicros || due.isEmpty())
        {
            return null;
        }
        inFlight++;
        return due.poll();
    }

    /** An attempt is done (answered, failed or never sent): its slot is free. */
    synchronized void finished(final String key)
    {
        inFlight--;
        held.remove(key);
    }



    /** Whether an attempt is due that only a free global slot is missing for (so the lane joins the starved queue once). */
    synchronized boolean starve()
    {
        if (gone || starved || due.isEmpty())
        {
            return false;
        }
        starved = true;
        return true;
    }

    synchronized void fed()
    {
        starved = false;
    }

    /** Deliveries waiting for their time. */
    synchronized int waiting()
    {
        return waiting.size();
    }

    /** The receiver answered busy: nothing new starts before {@code untilMicros}. True when the caller must schedule the resume. */
    synchronized boolean pauseUntil(final long untilMicros)
    {
        pausedUntilMicros = Math.max(pausedUntilMicros, untilMicros);
        if (resumeScheduled || gone)
        {
            return false;
        }
        resumeScheduled = true;
        return true;
    }

    synchronized long pausedUntilMicros()
    {
        return pausedUntilMicros;
    }

    /** The resume task ran: 0 when the pause is over (a later busy answer schedules its own), else how long it still lasts. */
    synchronized long resumeIn(final long nowMicros)
    {
        if (nowMicros < pausedUntilMicros)
        {
            return pausedUntilMicros - nowMicros;
        }
        resumeScheduled = false;
        return 0;
    }

    /** Whether an attempt is due that may start now, slots aside from the global ones. */
    synchronized boolean startable(final int perWebhook, final long nowMicros)
    {
        return !gone && inFlight < perWebhook && nowMicros >= pausedUntilMicros && !due.isEmpty();
    }

    /** The delivery is given up: its timer cancelled, or taken from the due ones (one in flight just finishes). */
    synchronized void drop(final String key)
    {
        held.remove(key);
        final ScheduledFuture<?> timer = waiting.remove(key);
        if (timer != null)
        {
            timer.cancel(false);
        }
        final Attempt queued = dueIndex(key);
        if (queued != null)
        {
            due.remove(queued);
        }
    }

    /** The webhook is deleted: every timer cancelled, nothing due kept; attempts in flight just finish. */
    synchronized void gone()
    {
        gone = true;
        for (final ScheduledFuture<?> timer : waiting.values())
        {
            timer.cancel(false);
        }
        waiting.clear();
        due.clear();
        held.clear();
    }

    private Attempt dueIndex(final String key)
    {
        for (final Iterator<Attempt> it = due.iterator(); it.hasNext();)
        {
            final Attempt one = it.next();
            if (one.delivery().key().equals(key))
            {
                return one;
            }
        }
        return null;
    }
}
