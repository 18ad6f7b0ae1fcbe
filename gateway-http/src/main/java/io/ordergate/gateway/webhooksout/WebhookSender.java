package io.ordergate.gateway.webhooksout;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import io.ordergate.config.OutboundWebhooksConfig;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.WebhookBodies;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DaemonThreads;

/**
 * Posts deliveries on threads of its own ({@code og-webhook-*}) with the JDK's HTTP client, and journals the outcome
 * of every attempt ({@code WEBHOOK_OUTCOME}) through the ring; the fan-out decides the next attempt from the
 * journaled outcome, so after a crash the journal still knows every pending delivery.
 *
 * <p>An attempt is a {@code POST} of the delivery's bytes with {@code X-Ordergate-Signature}, answered 2xx within
 * {@code webhooks.timeout_seconds} or failed. A failed attempt is retried after 1 s, 2 s, 4 s ... (at most an hour
 * apart, ±20% so receivers coming back are not hit all at once) until {@code webhooks.retry_hours} after the event,
 * then given up. Bounds: {@code webhooks.max_in_flight} attempts at once across all receivers and
 * {@link #PER_WEBHOOK} per webhook, so a receiver that hangs holds a few of them, never the others' turn.
 * Thread safe.
 */
final class WebhookSender implements AutoCloseable
{
    static final int PER_WEBHOOK = 4;
    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final long MAX_BACK_OFF_MICROS = 3_600_000_000L;
    private static final long BUSY_RETRY_MILLIS = 50;

    private final OutboundWebhooksConfig config;
    private final CommandPublisher publisher;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final HttpClient client;
    private final Semaphore inFlight;
    private final Map<String, AtomicInteger> perWebhook = new ConcurrentHashMap<>();
    /** Deleted webhooks (ids are never reused): their attempts still on the timer are dropped when their turn comes. */
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    /** Deliveries scheduled or in flight: a delivery handed over twice is attempted once. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** What a webhook's owner may still see: a retry on the timer of an event it no longer may is given up, not sent. */
    private final OwnerAccess owners;
    private volatile boolean closed;
    /** Cluster form: false while this member does not lead; what was scheduled is then dropped when its turn comes. */
    private volatile boolean sending = true;

    WebhookSender(final OutboundWebhooksConfig config, final CommandPublisher publisher, final OwnerAccess owners)
    {
        this.owners = owners;
        this.config = config;
        this.publisher = publisher;
        this.workers = Executors.newFixedThreadPool(4, DaemonThreads.numbered("og-webhook-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("og-webhook-timer"));
        this.client = HttpClient.newBuilder()
            .executor(workers)
            .connectTimeout(Duration.ofSeconds(config.timeoutSeconds()))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        this.inFlight = new Semaphore(config.maxInFlight());
    }

    /** Runs slow work (a registration's DNS lookup) on the webhook threads, off the event loops. */
    void work(final Runnable task)
    {
        workers.execute(task);
    }

    /** Attempt number {@code attempt} of the delivery at {@code atMicros} (epoch; now if past). */
    void submit(final Delivery delivery, final int attempt, final long atMicros)
    {
        if (closed || !sending || !queued.add(delivery.key()))
        {
            return;
        }
        final long delayMicros = Math.max(0, atMicros - System.currentTimeMillis() * 1000L);
        timer.schedule(() -> start(delivery, attempt), delayMicros, TimeUnit.MICROSECONDS);
    }

    /** Cluster form: whether this member leads and so sends (a follower's scheduled attempts are dropped). */
    void sending(final boolean leads)
    {
        sending = leads;
    }

    /** The webhook is gone: its deliveries still waiting are dropped when their turn comes. */
    void forget(final String webhookId)
    {
        deleted.add(webhookId);
        perWebhook.remove(webhookId);
    }

    private void start(final Delivery delivery, final int attempt)
    {
        if (closed)
        {
            return;
        }
        if (!sending || deleted.contains(delivery.target().id()))
        {
            queued.remove(delivery.key());  // no longer the leader (the new one sends it), or the webhook is gone
            return;
        }
        if (!delivery.ownerStillSees(owners))
        {
            // its owner was revoked, disabled or lost the account after the event: journaled as given up, so no restart sends it either
            queued.remove(delivery.key());
            journal(delivery, attempt - 1, WebhookBodies.OUTCOME_GAVE_UP, 0, 0, "its owner no longer has access");
            return;
        }
        final AtomicInteger mine = perWebhook.computeIfAbsent(delivery.target().id(), id -> new AtomicInteger());
        if (mine.get() >= PER_WEBHOOK || !inFlight.tryAcquire())
        {
            timer.schedule(() -> start(delivery, attempt), BUSY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        mine.incrementAndGet();
        workers.execute(() -> post(delivery, attempt, mine));
    }

    private void post(final Delivery delivery, final int attempt, final AtomicInteger mine)
    {
        try
        {
            send(delivery, attempt, mine);
        }
        catch (final RuntimeException ex)
        {
            // before the request left (its address looked up, the request built): its slot and its place in the queue
            // must come back, or the delivery would never be tried again and the webhook would lose a slot for good
            finish(delivery, attempt, mine, 0, "could not send: " + ex.getClass().getSimpleName());
        }
    }

    private void send(final Delivery delivery, final int attempt, final AtomicInteger mine)
    {
        final String refused = TargetAddresses.checkAddresses(delivery.target().url(), config.allowPrivateTargets());
        if (refused != null)
        {
            finish(delivery, attempt, mine, 0, refused);
            return;
        }
        final long now = System.currentTimeMillis() / 1000L;
        final HttpRequest request = HttpRequest.newBuilder(delivery.target().url())
            .timeout(Duration.ofSeconds(config.timeoutSeconds()))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Ordergate-Webhooks/1")
            .header("X-Ordergate-Event", delivery.event().wireName())
            .header("X-Ordergate-Event-Id", delivery.eventId())
            .header(WebhookSigner.HEADER, WebhookSigner.signature(delivery.target().secret(), now, delivery.body()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
            .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) ->
        {
            if (failure != null)
            {
                finish(delivery, attempt, mine, 0, failure instanceof java.net.http.HttpTimeoutException
                    ? "no answer within " + config.timeoutSeconds() + " s" : "could not connect or send: " + failure.getClass().getSimpleName());
            }
            else
            {
                finish(delivery, attempt, mine, response.statusCode(), null);
            }
        });
    }

    private void finish(final Delivery delivery, final int attempt, final AtomicInteger mine, final int status, final String error)
    {
        mine.decrementAndGet();
        inFlight.release();
        queued.remove(delivery.key());  // before the outcome: the fan-out submits the next attempt when it sees it
        final boolean delivered = status >= 200 && status < 300;
        final long nowMicros = System.currentTimeMillis() * 1000L;
        final long backOff = Math.min(MAX_BACK_OFF_MICROS, 1_000_000L << Math.min(attempt - 1, 31));
        final long next = nowMicros + (long)(backOff * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        final boolean givingUp = !delivered && next > delivery.eventMicros() + config.retryHours() * 3_600_000_000L;
        final int outcome = delivered ? WebhookBodies.OUTCOME_DELIVERED : givingUp ? WebhookBodies.OUTCOME_GAVE_UP : WebhookBodies.OUTCOME_RETRY;
        final String text = delivered ? "" : error != null ? error : "the receiver answered " + status;
        journal(delivery, attempt, outcome, status, outcome == WebhookBodies.OUTCOME_RETRY ? next : 0, text);
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
            timer.schedule(() -> journal(delivery, attempt, outcome, status, next, error), BUSY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close()
    {
        closed = true;
        timer.shutdownNow();
        workers.shutdownNow();
        LOG.fine("webhook sender closed");
    }
}
