package io.ordergate.gateway.webhooksout;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import io.ordergate.config.OutboundWebhooksConfig;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.WebhookBodies;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DaemonThreads;
import io.ordergate.gateway.webhooksout.WebhookLane.Attempt;

/**
 * Posts deliveries on threads of its own ({@code og-webhook-*}, their I/O on {@link WebhookPoster}'s), and journals the outcome
 * of every attempt ({@code WEBHOOK_OUTCOME}) through the ring; the fan-out decides the next attempt from the
 * journaled outcome, so after a crash the journal still knows every pending delivery.
 *
 * <p>An attempt is a {@code POST} of the delivery's bytes with {@code X-Ordergate-Signature}, answered 2xx within
 * {@code webhooks.timeout_seconds} or failed; a failed one is retried as {@link RetryTimes} says until
 * {@code webhooks.retry_hours} after the event, then given up. Before every attempt its owner must still see the event
 * ({@link Delivery#ownerStillSees}) and its host is looked up again ({@link HostResolver}, off these threads); the
 * attempt connects to the addresses that lookup checked, in turn, never to a later lookup's answer (DNS rebinding).
 * Bounds: {@code webhooks.max_in_flight} attempts at once across all receivers and {@link #PER_WEBHOOK} per webhook
 * ({@link WebhookLane}), so a receiver that hangs holds a few of them, never the others' turn; an attempt whose time has
 * come but finds no free slot waits, without a timer, until a slot comes back. Thread safe.
 */
final class WebhookSender implements AutoCloseable
{
    static final int PER_WEBHOOK = 4;
    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    /** Only for a full ring: the outcome of an attempt that is done waits for a slot to be journaled. */
    private static final long JOURNAL_RETRY_MILLIS = 50;

    private final OutboundWebhooksConfig config;
    private final CommandPublisher publisher;
    private final OwnerAccess owners;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timer;
    private final HostResolver resolver;
    private final WebhookPoster poster = new WebhookPoster();
    private final Semaphore inFlight;
    /** The lanes of the webhooks that exist: a deleted one's lane leaves, so nothing here grows with deletions. */
    private final Map<String, WebhookLane> lanes = new ConcurrentHashMap<>();
    /** Lanes with an attempt due that found every global slot taken: served first as slots come back. */
    private final Queue<WebhookLane> starved = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    /** Cluster form: false while this member does not lead; what was scheduled is then dropped when its turn comes. */
    private volatile boolean sending = true;

    WebhookSender(final OutboundWebhooksConfig config, final CommandPublisher publisher, final OwnerAccess owners)
    {
        this(config, publisher, owners, InetAddress::getAllByName);
    }

    WebhookSender(final OutboundWebhooksConfig config, final CommandPublisher publisher, final OwnerAccess owners,
        final HostResolver.Lookup lookup)
    {
        this.owners = owners;
        this.config = config;
        this.publisher = publisher;
        this.workers = Executors.newFixedThreadPool(4, DaemonThreads.numbered("og-webhook-"));
        this.timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("og-webhook-timer"));
        this.timer.setRemoveOnCancelPolicy(true);  // a given-up delivery's task leaves the queue now, not at its (hour-away) time
        this.resolver = new HostResolver(lookup, config.timeoutSeconds());
        this.inFlight = new Semaphore(config.maxInFlight());
    }

    /**
     * Whether a URL's host may be posted to (null, else why not), looked up off the caller's thread: a registration's
     * check. Completes on the sender's threads, so the caller's follow-up work runs there.
     */
    CompletableFuture<String> checkAddresses(final java.net.URI url)
    {
        return resolver.check(url, config.allowPrivateTargets()).thenApplyAsync(java.util.function.Function.identity(), workers);
    }

    /** Attempt number {@code attempt} of the delivery at {@code atMicros} (epoch; now if past). */
    void submit(final Delivery delivery, final int attempt, final long atMicros)
    {
        if (closed || !sending)
        {
            return;
        }
        final WebhookLane lane = lanes.computeIfAbsent(delivery.target().id(), WebhookLane::new);
        final long delayMicros = Math.max(0, atMicros - System.currentTimeMillis() * 1000L);
        synchronized (lane)  // the task cannot find its delivery before it is registered as waiting
        {
            if (lane.take(delivery.key()))
            {
                lane.waiting(delivery.key(), timer.schedule(() -> due(lane, new Attempt(delivery, attempt)), delayMicros, TimeUnit.MICROSECONDS));
            }
        }
    }

    /** Cluster form: whether this member leads and so sends (a follower's scheduled attempts are dropped). */
    void sending(final boolean leads)
    {
        sending = leads;
    }

    /** The webhook is gone: its attempts waiting are cancelled, those in flight just finish; nothing is kept of it. */
    void forget(final String webhookId)
    {
        final WebhookLane lane = lanes.remove(webhookId);
        if (lane != null)
        {
            lane.gone();
        }
    }

    /** The fan-out gave the delivery up (its webhook has too many pending): its next attempt is cancelled and the end journaled. */
    void giveUp(final Delivery delivery, final int attempts, final String why)
    {
        final WebhookLane lane = lanes.get(delivery.target().id());
        if (lane != null)
        {
            lane.drop(delivery.key());
        }
        journal(delivery, attempts, WebhookBodies.OUTCOME_GAVE_UP, 0, 0, why);
    }

    private void due(final WebhookLane lane, final Attempt attempt)
    {
        if (closed || !lane.due(attempt))
        {
            return;
        }
        pump(lane);
    }

    /** Starts what the lane has due while it has a free slot and a global one is free; else it waits for one to come back. */
    private void pump(final WebhookLane lane)
    {
        while (!closed && lane.startable(PER_WEBHOOK, System.currentTimeMillis() * 1000L))
        {
            if (!inFlight.tryAcquire())
            {
                if (lane.starve())
                {
                    starved.add(lane);
                }
                if (inFlight.availablePermits() > 0)
                {
                    serveStarved();  // a slot came back between the try and the queueing: nobody else would serve it
                }
                return;
            }
            final Attempt next = lane.startNext(PER_WEBHOOK, System.currentTimeMillis() * 1000L);
            if (next == null)
            {
                inFlight.release();  // another thread took it first
                serveStarved();
                return;
            }
            start(lane, next);
        }
    }

    /** Lanes that found no global slot are served in the order they asked, while slots are free. */
    private void serveStarved()
    {
        WebhookLane waiting;
        while (inFlight.availablePermits() > 0 && (waiting = starved.poll()) != null)
        {
            waiting.fed();
            pump(waiting);
        }
    }

    private void start(final WebhookLane lane, final Attempt attempt)
    {
        final Delivery delivery = attempt.delivery();
        if (!sending)
        {
            release(lane, delivery);  // no longer the leader: the new one sends it
            return;
        }
        if (!delivery.ownerStillSees(owners))
        {
            // its owner was revoked, disabled or lost the account after the event: journaled as given up, so no restart sends it either
            release(lane, delivery);
            journal(delivery, attempt.number() - 1, WebhookBodies.OUTCOME_GAVE_UP, 0, 0, "its owner no longer has access");
            return;
        }
        resolver.resolve(delivery.target().url(), config.allowPrivateTargets()).whenCompleteAsync((checked, failure) ->
        {
            if (failure != null || checked.addresses().isEmpty())
            {
                finish(lane, attempt, 0, failure == null ? checked.refusal() : "could not look up the url's host", 0);
                return;
            }
            post(lane, attempt, checked.addresses());
        }, workers);
    }

    private void post(final WebhookLane lane, final Attempt attempt, final List<InetAddress> addresses)
    {
        try
        {
            send(lane, attempt, addresses);
        }
        catch (final RuntimeException ex)
        {
            // before the request left (the request built): its slot and its place in the lane must come back, or the
            // delivery would never be tried again and the webhook would lose a slot for good
            finish(lane, attempt, 0, "could not send: " + ex.getClass().getSimpleName(), 0);
        }
    }

    private void send(final WebhookLane lane, final Attempt attempt, final List<InetAddress> addresses)
    {
        final Delivery delivery = attempt.delivery();
        final long now = System.currentTimeMillis() / 1000L;
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Ordergate-Webhooks/1");
        headers.put("X-Ordergate-Event", delivery.event().wireName());
        headers.put("X-Ordergate-Event-Id", delivery.eventId());
        headers.put(WebhookSigner.HEADER, WebhookSigner.signature(delivery.target().secret(), now, delivery.body()));
        poster.post(delivery.target().url(), addresses, headers, delivery.body(), config.timeoutSeconds()).whenCompleteAsync((answer, failure) ->
        {
            if (failure != null)
            {
                final Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                finish(lane, attempt, 0, cause instanceof TimeoutException
                    ? "no answer within " + config.timeoutSeconds() + " s" : "could not connect or send: " + failureName(cause), 0);
            }
            else
            {
                final long nowMicros = System.currentTimeMillis() * 1000L;
                final long retryAfter = RetryTimes.busy(answer.status()) ? RetryTimes.retryAfterMicros(answer.retryAfter(), nowMicros) : 0;
                finish(lane, attempt, answer.status(), null, retryAfter);
            }
        }, workers);
    }

    /** The JDK's name of what failed: Netty's annotated subclasses (its {@code ConnectException} with the address) by their parent's. */
    private static String failureName(final Throwable cause)
    {
        Class<?> kind = cause.getClass();
        while (kind.getName().startsWith("io.netty.") && kind.getSuperclass() != null && kind.getSuperclass() != Object.class)
        {
            kind = kind.getSuperclass();
        }
        return kind.getSimpleName();
    }

    private void finish(final WebhookLane lane, final Attempt attempt, final int status, final String error, final long retryAfterMicros)
    {
        final Delivery delivery = attempt.delivery();
        final boolean delivered = status >= 200 && status < 300;
        final long nowMicros = System.currentTimeMillis() * 1000L;
        final long next = RetryTimes.next(nowMicros, attempt.number(), retryAfterMicros);
        if (RetryTimes.busy(status) && lane.pauseUntil(next))
        {
            // busy: the whole webhook waits (new events too), on one resume task per lane
            timer.schedule(() -> resume(lane), Math.max(0, lane.pausedUntilMicros() - nowMicros), TimeUnit.MICROSECONDS);
        }
        finished(lane, delivery);  // before the outcome: the fan-out submits the next attempt when it sees it
        final boolean givingUp = !delivered && next > delivery.eventMicros() + config.retryHours() * 3_600_000_000L;
        final int outcome = delivered ? WebhookBodies.OUTCOME_DELIVERED : givingUp ? WebhookBodies.OUTCOME_GAVE_UP : WebhookBodies.OUTCOME_RETRY;
        final String text = delivered ? "" : error != null ? error : "the receiver answered " + status;
        journal(delivery, attempt.number(), outcome, status, outcome == WebhookBodies.OUTCOME_RETRY ? next : 0, text);
    }

    /** An attempt's slot comes back: this lane's next due one starts, and lanes that waited for a global slot get theirs. */
    private void finished(final WebhookLane lane, final Delivery delivery)
    {
        release(lane, delivery);
        serveStarved();
        pump(lane);
    }

    /** The slots of an attempt that is over or never started; the caller's loop (or {@link #finished}) starts the next. */
    private void release(final WebhookLane lane, final Delivery delivery)
    {
        lane.finished(delivery.key());
        inFlight.release();
    }

    private void resume(final WebhookLane lane)
    {
        final long left = lane.resumeIn(System.currentTimeMillis() * 1000L);
        if (left > 0)
        {
            timer.schedule(() -> resume(lane), left, TimeUnit.MICROSECONDS);  // paused again meanwhile, for longer
            return;
        }
        pump(lane);
    }

    /** Publishes the outcome; a full ring is tried again shortly (the attempt is done, only its record waits). */
    private void journal(final Delivery delivery, final int attempt, final int outcome, final int status, final long next, final String error)
    {
        if (closed)
        {
            return;
        }
        final boolean published = publisher.publish(CommandType.WEBHOOK_OUTCOME, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
            writer -> WebhookBodies.outcome(writer, delivery.target().id(), delivery.eventId(), attempt, outcome, status, next, error), null, null);
        if (!published)
        {
            timer.schedule(() -> journal(delivery, attempt, outcome, status, next, error), JOURNAL_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Webhooks the sender keeps a lane for: only those that exist (none is kept for a deleted one). */
    int webhooksHeld()
    {
        return lanes.size();
    }

    /** Deliveries waiting for their time, across every webhook. */
    int deliveriesWaiting()
    {
        int waiting = 0;
        for (final WebhookLane lane : lanes.values())
        {
            waiting += lane.waiting();
        }
        return waiting;
    }

    /** Tasks on the timer: one per delivery waiting for its time, one per paused lane, one per outcome the ring had no room for. */
    int timerTasks()
    {
        return timer.getQueue().size();
    }

    @Override
    public void close()
    {
        closed = true;
        timer.shutdownNow();
        workers.shutdownNow();
        poster.close();
        resolver.close();
        LOG.fine("webhook sender closed");
    }
}
