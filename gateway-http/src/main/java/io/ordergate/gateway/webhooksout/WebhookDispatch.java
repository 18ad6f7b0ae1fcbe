package io.ordergate.gateway.webhooksout;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.WebhookBodies;
import io.ordergate.gateway.core.FanOutListener;
import io.ordergate.gateway.webhooksout.PendingDeliveries.Pending;

/**
 * The outbound webhooks' side of the fan-out: every journaled command, in journal order, at start-up and then live.
 * Registrations and deletions change which webhooks exist; each command's events ({@link EventDerivation}) become a
 * pending delivery for every webhook that wants them; each journaled {@code WEBHOOK_OUTCOME} moves its delivery on
 * (retried, delivered, given up); a webhook's oldest past {@code webhooks.max_pending_per_webhook} is given up
 * ({@link PendingDeliveries}). So the pending deliveries after a crash are exactly those the journal has no final
 * outcome for (within that bound), and they go out again under the same event ids with the same bodies (at least once).
 * Live, each new delivery and each retry is handed to the {@link WebhookSender}; after start-up's replay, every
 * pending one at its next attempt's time. In the cluster form only the leader sends: a member that does not lead keeps
 * the same pending deliveries (the leader's outcomes are journaled) and sends them when it becomes the leader.
 * <b>Not thread safe</b>: the fan-out thread (the replaying thread before).
 */
final class WebhookDispatch implements FanOutListener, io.ordergate.gateway.core.StateBesideEngine
{
    private static final Logger LOG = Logger.getLogger(WebhookDispatch.class.getName());

    private final WebhookSecrets secrets;
    private final WebhookDirectory directory;
    private final WebhookSender sender;
    private final ExecutorWatch executors;
    /** What a webhook's owner may still see (a key not revoked, a user not disabled, its accounts now): judged per event. */
    private final OwnerAccess owners;
    private final EventDerivation derivation = new EventDerivation();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final PendingDeliveries pending;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private boolean live;
    /** Whether any target asked for EXECUTOR_OFFLINE, kept as targets come and go. */
    private boolean executorEventsWanted;
    /** Cluster form: whether this member leads (the single-node form always does). */
    private boolean leading = true;

    WebhookDispatch(final WebhookSecrets secrets, final WebhookDirectory directory, final WebhookSender sender, final ExecutorWatch executors,
        final OwnerAccess owners, final int maxPendingPerWebhook)
    {
        this.owners = owners;
        this.pending = new PendingDeliveries(maxPendingPerWebhook);
        this.secrets = secrets;
        this.directory = directory;
        this.sender = sender;
        this.executors = executors;
    }

    @Override
    public void onEvent(final CommandEvent event, final boolean replaying)
    {
        if (event.type == null || !event.type.journaled() || event.result == null)
        {
            return;
        }
        executors.onEvent(event);
        switch (event.type)
        {
            case WEBHOOK_CREATE:
                if (event.result == ResultCode.CREATED)
                {
                    registered(event);
                }
                return;
            case WEBHOOK_DELETE:
                if (event.result == ResultCode.OK)
                {
                    deleted(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString());
                }
                return;
            case WEBHOOK_OUTCOME:
                outcome(event);
                return;
            default:
                if (!targets.isEmpty())
                {
                    events(event);
                }
        }
    }

    @Override
    public void onIdle(final long nowNanos)
    {
        if (!live)
        {
            live = true;  // the first moment of the running gateway: replay is over, send what it left pending
            if (leading)
            {
                submitPending();
            }
        }
        executors.check(nowNanos, leading && executorEventsWanted);
    }

    @Override
    public void leading(final boolean leads)
    {
        if (leads == leading)
        {
            return;
        }
        leading = leads;
        sender.sending(leads);
        if (leads && live)
        {
            submitPending();  // what the old leader had not settled (its outcomes are journaled): at least once
        }
    }

    private void submitPending()
    {
        pending.forEach(waiting -> sender.submit(waiting.delivery, waiting.attempts + 1, waiting.nextAttemptMicros));
    }

    /** Deliveries pending across every webhook, and those given up since start for the bound: for /metrics. */
    PendingDeliveries pending()
    {
        return pending;
    }

    @Override
    public void onClose()
    {
        sender.close();
    }

    private void registered(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String id = reader.readString(text).toString();
        final URI url = URI.create(reader.readString(text).toString());
        final int mask = reader.readInt();
        final String sealed = reader.readString(text).toString();
        final int count = reader.readInt();
        final Set<String> named = new HashSet<>();
        for (int i = 0; i < count; i++)
        {
            named.add(reader.readString(text).toString());
        }
        final String expertId = WebhookBodies.hasExpert(event.frame, reader.position()) ? reader.readString(text).toString() : null;
        final Set<String> accounts = count == 0 ? WebhookAnswers.accountsOf(event) : named;
        final byte[] secret;
        try
        {
            secret = secrets.open(sealed, id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (final RuntimeException ex)
        {
            LOG.warning(() -> "webhook " + id + ": its secret does not open under the master keys given; it is not delivered to");
            return;
        }
        targets.put(id, new Target(id, url, mask, accounts, expertId, secret, event.principal()));
        executorEventsWanted = anyTargetWantsExecutorEvents();
    }

    private void deleted(final String id)
    {
        targets.remove(id);
        executorEventsWanted = anyTargetWantsExecutorEvents();
        sender.forget(id);
        pending.removeWebhook(id);
    }

    private void events(final CommandEvent event)
    {
        for (final EventDerivation.Event made : derivation.of(event))
        {
            for (final Target target : targets.values())
            {
                final List<String> seenThrough = seenThrough(target, made);
                if (seenThrough == null)
                {
                    continue;
                }
                final Delivery delivery = new Delivery(target, made.eventId(), made.kind(), made.bodyFor(target.expertId()), made.micros(), seenThrough);
                final Pending waiting = new Pending(delivery, made.micros());
                final Pending givenUp = pending.add(waiting);
                record(waiting, "pending", 0, null);
                if (givenUp != null)
                {
                    givenUpForBound(givenUp, event.wallMicros());
                }
                if (live && leading)
                {
                    sender.submit(delivery, 1, 0);
                }
            }
        }
    }

    /** The oldest of a webhook past {@code max_pending_per_webhook}: shown failed, and (live, leading) journaled as given up. */
    private void givenUpForBound(final Pending givenUp, final long nowMicros)
    {
        final String why = "given up: more than " + pending.perWebhook() + " deliveries were waiting for this webhook"
            + " (webhooks.max_pending_per_webhook); the oldest goes first";
        givenUp.nextAttemptMicros = 0;
        record(givenUp, "failed", 0, why, nowMicros);
        if (live && leading)
        {
            pending.countGivenUp();
            sender.giveUp(givenUp.delivery, givenUp.attempts, why);
        }
    }

    /**
     * The registration's choice, then its owner's access now (revoked, disabled or no longer given the account:
     * nothing): the accounts through which the owner sees the event (empty for an event of no account), or null when
     * the webhook does not get it. The sender asks again before every attempt.
     */
    private List<String> seenThrough(final Target target, final EventDerivation.Event event)
    {
        if (event.accounts() == null)
        {
            final boolean wanted = target.wants(event.kind(), event.accountId()) && owners.sees(target.owner(), event.accountId());
            return !wanted ? null : event.accountId() == null ? List.of() : List.of(event.accountId());
        }
        List<String> through = null;
        for (final String accountId : event.accounts())
        {
            if ((target.accounts() == null ? event.kind().in(target.events()) : target.wants(event.kind(), accountId))
                && owners.sees(target.owner(), accountId))
            {
                if (through == null)
                {
                    through = new ArrayList<>(event.accounts().size());
                }
                through.add(accountId);
            }
        }
        if (through != null)
        {
            return List.copyOf(through);
        }
        return event.accounts().isEmpty() && target.accounts() == null && event.kind().in(target.events()) && owners.sees(target.owner(), null)
            ? List.of() : null;
    }

    private void outcome(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String webhookId = reader.readString(text).toString();
        final String eventId = reader.readString(text).toString();
        final int attempt = reader.readInt();
        final int outcome = reader.readByte();
        final int status = reader.readInt();
        final long next = reader.readLong();
        final String error = reader.readString(text).toString();
        final Pending waiting = pending.get(webhookId, eventId);
        if (waiting == null)
        {
            return;  // already settled, or its webhook deleted
        }
        waiting.attempts = attempt;
        waiting.nextAttemptMicros = next;
        if (outcome == WebhookBodies.OUTCOME_RETRY)
        {
            record(waiting, "retrying", status, error, event.wallMicros());
            if (live && leading)
            {
                sender.submit(waiting.delivery, attempt + 1, next);
            }
            return;
        }
        pending.remove(webhookId, eventId);
        record(waiting, outcome == WebhookBodies.OUTCOME_DELIVERED ? "delivered" : "failed", status, error, event.wallMicros());
    }

    private void record(final Pending waiting, final String status, final int httpStatus, final String error)
    {
        record(waiting, status, httpStatus, error, 0);
    }

    private void record(final Pending waiting, final String status, final int httpStatus, final String error, final long attemptMicros)
    {
        final DeliveryLog log = directory.log(waiting.delivery.target().id());
        if (log != null)
        {
            log.put(new DeliveryLog.Entry(waiting.delivery.eventId(), waiting.delivery.event().wireName(), status, waiting.attempts, httpStatus,
                error == null || error.isEmpty() ? null : error, waiting.createdMicros, attemptMicros, waiting.nextAttemptMicros));
        }
    }

    /** Asked when the targets change, not on every idle moment: walking the map there made an iterator a wake-up. */
    private boolean anyTargetWantsExecutorEvents()
    {
        for (final Target target : targets.values())
        {
            if (WebhookEvent.EXECUTOR_OFFLINE.in(target.events()))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("webhooks.targets", targets);
        roots.put("webhooks.pending", pending.stateRoot());
        executors.stateRoots(roots);
    }
}
