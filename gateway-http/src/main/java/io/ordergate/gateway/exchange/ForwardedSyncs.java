package io.ordergate.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.ReplyTarget;

/**
 * sync-balance on a cluster member that does not lead, which has no exchange link: the request goes through the log
 * as {@code EXCHANGE_SYNC_REQUEST} (the engine refuses an account without credentials, as the leader's route would);
 * the leader, seeing it applied, reads the balances on its link and journals them as a sync {@code EXCHANGE_BALANCES},
 * which every member applies; the asking member answers its client with that command's engine answer, the same body
 * the leader's own route gives. No member's HTTP address is needed (members know each other's cluster ports only), and
 * the answer is committed state, so it is the same whichever member reads the account next.
 *
 * <p>A waiting client is answered by the first sync balances of its account applied after its request (a read made
 * after the request was committed), or, when none comes within {@link #WAIT_MILLIS} (the leader's read failed, or it
 * changed), 503 VENUE_UNAVAILABLE. Thread safe: the route's event loop, the service thread, the connector's threads.
 */
final class ForwardedSyncs
{
    static final long WAIT_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(ForwardedSyncs.class.getName());

    private final ScheduledExecutorService timer;
    private final Map<String, Queue<Deferred>> waiting = new ConcurrentHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    ForwardedSyncs(final ScheduledExecutorService timer)
    {
        this.timer = timer;
    }

    /** Route (a member that does not lead): asks the leader through the log, and waits for the balances it journals. */
    void forward(final Deferred later, final String accountId, final int principal)
    {
        final Queue<Deferred> queue = waiting.computeIfAbsent(accountId, id -> new ConcurrentLinkedQueue<>());
        queue.add(later);
        timer.schedule(() ->
        {
            if (queue.remove(later))
            {
                later.error(ResultCode.VENUE_UNAVAILABLE, "the leader did not report the balances within " + WAIT_MILLIS / 1000 + " s; retry", null);
            }
        }, WAIT_MILLIS, TimeUnit.MILLISECONDS);
        final ReplyTarget refused = (event, flushes) -> refused(event, queue, later);
        if (!later.publishTo(CommandType.EXCHANGE_SYNC_REQUEST, principal, writer -> writer.putString(accountId), refused, null) && queue.remove(later))
        {
            later.error(ResultCode.OVERLOADED, null, null);
        }
    }

    private static void refused(final CommandEvent event, final Queue<Deferred> queue, final Deferred later)
    {
        if ((event.result == null || !event.result.isSuccess()) && queue.remove(later))
        {
            later.error(event.result == null ? ResultCode.NOT_READY : event.result, event.resultMessage, event.resultField);
        }
    }

    /** Reply stage of the leader: a member that does not lead asked; its balances are read here and journaled. */
    void leaderReads(final CommandEvent event, final ExchangeIo io, final CommandPublisher publisher)
    {
        final String accountId = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString();
        final CompletableFuture<VenueAnswer> asked = io.readBalances(accountId);
        if (asked == null || publisher == null)
        {
            LOG.warning(() -> "sync-balance asked through the log for " + accountId + ", which has no link here");
            return;
        }
        asked.whenComplete((answer, failure) ->
        {
            if (failure != null || answer == null || !answer.ok())
            {
                LOG.warning(() -> "sync-balance for " + accountId + ": the exchange did not give the balances: "
                    + (answer == null ? failure : answer.text()));
                return;
            }
            if (!publisher.publish(CommandType.EXCHANGE_BALANCES, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
                writer -> RingReports.writeBalances(writer, accountId, answer.balances(), ExchangeBodies.BALANCES_SYNC), null, null))
            {
                LOG.warning(() -> "sync-balance for " + accountId + ": the ring was full; the member that asked answers 503");
            }
        });
    }

    /** Reply stage of any member: balances applied; a sync read answers whoever waits here for that account. */
    void applied(final CommandEvent event)
    {
        if (waiting.isEmpty() || event.result == null || !event.result.isSuccess() || event.outputLength <= 0)
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Queue<Deferred> queue = waiting.get(reader.readString(text).toString());
        if (queue == null || queue.isEmpty())
        {
            return;  // (only a sync read has an answer body: a delta or a full report has none)
        }
        final byte[] body = new byte[event.outputLength];
        event.output.getBytes(0, body);
        final String json = new String(body, StandardCharsets.UTF_8);
        for (Deferred later = queue.poll(); later != null; later = queue.poll())
        {
            later.json(200, json);
        }
    }
}
