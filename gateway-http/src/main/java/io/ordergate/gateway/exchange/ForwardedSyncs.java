package io.ordergate.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.exchange.client.BalanceRead;
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
 * <p>Each request carries a request id, which the leader echoes at the end of the sync balances it journals for it
 * ({@link ExchangeBodies#syncRequestId}); a waiting client is answered by the balances that name its request id only,
 * so by a read the leader began after its request was committed. (Answering it with the first sync balances of its
 * account instead gave a client who asked while another read was in flight that earlier read.) When none comes within
 * {@link #WAIT_MILLIS} (the leader's read failed, or it changed), 503 VENUE_UNAVAILABLE. Thread safe: the route's event
 * loop, the service thread, the connector's threads.
 */
final class ForwardedSyncs
{
    static final long WAIT_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(ForwardedSyncs.class.getName());

    private final ScheduledExecutorService timer;
    /** Who waits, by request id. */
    private final Map<Long, Deferred> waiting = new ConcurrentHashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    ForwardedSyncs(final ScheduledExecutorService timer)
    {
        this.timer = timer;
    }

    /** Route (a member that does not lead): asks the leader through the log, and waits for the balances it journals. */
    void forward(final Deferred later, final String accountId, final int principal)
    {
        final long requestId = await(later);
        final ReplyTarget refused = (event, flushes) -> refused(event, requestId, later);
        if (!later.publishTo(CommandType.EXCHANGE_SYNC_REQUEST, principal, writer -> writer.putString(accountId).putLong(requestId), refused, null)
            && waiting.remove(requestId, later))
        {
            later.error(ResultCode.OVERLOADED, null, null);
        }
    }

    /**
     * Registers one who waits, answered 503 after {@link #WAIT_MILLIS} unless its balances come first.
     *
     * @return its request id: random, not a count, because every member applies the balances and a count of one member
     *     would name another member's request too; never 0, which is a sync without one (a leader's own route)
     */
    long await(final Deferred later)
    {
        long requestId;
        do
        {
            requestId = ThreadLocalRandom.current().nextLong();
        }
        while (requestId == ExchangeBodies.NO_SYNC_REQUEST || waiting.putIfAbsent(requestId, later) != null);
        final long id = requestId;
        timer.schedule(() ->
        {
            if (waiting.remove(id, later))
            {
                later.error(ResultCode.VENUE_UNAVAILABLE, "the leader did not report the balances within " + WAIT_MILLIS / 1000 + " s; retry", null);
            }
        }, WAIT_MILLIS, TimeUnit.MILLISECONDS);
        return requestId;
    }

    private void refused(final CommandEvent event, final long requestId, final Deferred later)
    {
        if ((event.result == null || !event.result.isSuccess()) && waiting.remove(requestId, later))
        {
            later.error(event.result == null ? ResultCode.NOT_READY : event.result, event.resultMessage, event.resultField);
        }
    }

    /** Reply stage of the leader: a member that does not lead asked; its balances are read here and journaled. */
    void leaderReads(final CommandEvent event, final ExchangeIo io, final CommandPublisher publisher)
    {
        final String accountId = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString();
        // a request without one (from a member older than request ids, which answers by account): balances that name none
        final long requestId = reader.position() + Long.BYTES <= bodyEnd(event) ? reader.readLong() : ExchangeBodies.NO_SYNC_REQUEST;
        final CompletableFuture<BalanceRead> asked = io.readBalances(accountId);
        if (asked == null || publisher == null)
        {
            LOG.warning(() -> "sync-balance asked through the log for " + accountId + ", which has no link here");
            return;
        }
        asked.whenComplete((read, failure) ->
        {
            final VenueAnswer answer = read == null ? null : read.answer();
            if (failure != null || answer == null || !answer.ok())
            {
                LOG.warning(() -> "sync-balance for " + accountId + ": the exchange did not give the balances: "
                    + (answer == null ? failure : answer.text()));
                return;
            }
            if (!publisher.publish(CommandType.EXCHANGE_BALANCES, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
                writer -> RingReports.writeMarkedBalances(writer, accountId, answer.balances(), ExchangeBodies.BALANCES_SYNC, requestId, read.mark()),
                null, null))
            {
                LOG.warning(() -> "sync-balance for " + accountId + ": the ring was full; the member that asked answers 503");
            }
        });
    }

    /** Reply stage of any member: balances applied; a sync read answers whoever waits here for its request id. */
    void applied(final CommandEvent event)
    {
        if (waiting.isEmpty() || event.result == null || !event.result.isSuccess() || event.outputLength <= 0)
        {
            return;  // (only a sync read has an answer body: a delta or a full report has none)
        }
        final Deferred later = waiting.remove(requestId(event));
        if (later != null)
        {
            final byte[] body = new byte[event.outputLength];
            event.output.getBytes(0, body);
            later.json(200, new String(body, StandardCharsets.UTF_8));
        }
    }

    /** The request id a sync EXCHANGE_BALANCES ends with, or {@link ExchangeBodies#NO_SYNC_REQUEST}: see {@link ExchangeBodies}. */
    private long requestId(final CommandEvent event)
    {
        final int end = bodyEnd(event);
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text);
        final int count = reader.readInt();
        for (int i = 0; i < count; i++)
        {
            reader.readString(text);
            reader.readLong();
            reader.readLong();
        }
        if (reader.position() >= end || reader.readByte() != ExchangeBodies.BALANCES_SYNC || reader.position() >= end)
        {
            return ExchangeBodies.NO_SYNC_REQUEST;
        }
        if (reader.readByte() == 1)
        {
            for (int i = 0; i < 2 * count; i++)
            {
                reader.readLong();  // each asset's unrealized profit and margin balance
            }
        }
        return reader.position() + Long.BYTES <= end ? reader.readLong() : ExchangeBodies.NO_SYNC_REQUEST;
    }

    private static int bodyEnd(final CommandEvent event)
    {
        return CommandFrame.BODY_OFFSET + event.frame.getInt(CommandFrame.BODY_LENGTH_OFFSET);
    }
}
