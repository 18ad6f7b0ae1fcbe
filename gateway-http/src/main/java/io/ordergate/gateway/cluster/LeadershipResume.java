package io.ordergate.gateway.cluster;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DaemonThreads;
import io.ordergate.gateway.core.OneAnswer;
import io.ordergate.gateway.exchange.ExchangeIo;

/**
 * What a member does when it becomes the leader: what a single node does at start-up after its replay, from the
 * committed state, through the log (so every member records the same):
 * <pre>
 *   RECOVER_ROUTED     orders still routed at an executor become unknown; their commands stay pending and are delivered
 *                      again with their ids, which an executor answers from its first result: nothing traded twice
 *   exchange links     every exchange account's link opens here (credentials opened with the master key all members share)
 *   EXCHANGE_RECOVER   routed exchange orders become unknown; every open one is asked for by its client order id
 *                      (reconciled): a fill the old leader never heard of is booked once, nothing is sent again
 * </pre>
 * When it stops leading, its exchange links close (the new leader opens its own). Told on the service's thread (never
 * blocks there); publishes from its own short-lived thread, since the answers come back through that thread. Each of
 * the two commands is published again when refused (503), until applied or this member stops leading.
 */
final class LeadershipResume
{
    private static final Logger LOG = Logger.getLogger(LeadershipResume.class.getName());
    private static final long PUBLISH_TIMEOUT_SECONDS = 60;
    /** Between a refusal and the next copy: a refusal comes at once while the member's client still has no session. */
    private static final long RETRY_MILLIS = 100;
    /** How often a wait for an answer looks whether this member still leads. */
    private static final long ANSWER_CHECK_MILLIS = 250;

    private final CommandPublisher publisher;
    private final ExchangeIo exchanges;
    /** Counts the changes of role: a resume thread of an older term stops publishing. */
    private volatile long term;

    LeadershipResume(final CommandPublisher publisher, final ExchangeIo exchanges)
    {
        this.publisher = publisher;
        this.exchanges = exchanges;
    }

    void leading(final boolean leading)
    {
        final long thisTerm = ++term;  // the service's thread only
        if (!leading)
        {
            LOG.info("this member follows: venue side effects are the leader's; its exchange links close");
            exchanges.stop();
            return;
        }
        LOG.info("this member leads: resuming venue side effects from the committed state");
        // At once, before the next result: an order applied from now on is sent by this member. It never blocks (the
        // links open on the connector's threads, whose reports wait for the pipeline if it is not built yet).
        exchanges.start(publisher);
        DaemonThreads.unstarted("og-leadership", () -> resume(thisTerm)).start();
    }

    private void resume(final long thisTerm)
    {
        // At a cluster's start the first election may finish before this member's pipeline is built: publish waits for it.
        if (applied(CommandType.RECOVER_ROUTED, thisTerm))
        {
            applied(CommandType.EXCHANGE_RECOVER, thisTerm);
        }
    }

    /**
     * Publishes {@code type} until the log applies it, for as long as this term lasts. A refusal (503 {@code NOT_READY}:
     * no leader took it in time, e.g. this member's own client still connecting to it right after the election, or it was
     * not committed in time) is published again: left refused, the old leader's routed orders would never be recovered.
     * A copy not committed in time may be committed later, beside the one published again: the cluster's engine service
     * applies one per leadership term and passes the other by (cluster's ResumeTerms), so publishing again is safe.
     */
    private boolean applied(final CommandType type, final long thisTerm)
    {
        boolean refusalLogged = false;
        while (term == thisTerm)
        {
            final OneAnswer answer = new OneAnswer();
            if (!publish(type, thisTerm, answer))
            {
                return false;
            }
            if (!awaitAnswer(answer, thisTerm))
            {
                return false;
            }
            if (answer.result() != ResultCode.NOT_READY)
            {
                return true;  // applied (or failed in the engine: another copy would fail alike)
            }
            if (!refusalLogged)
            {
                refusalLogged = true;
                LOG.warning(() -> type + " was refused (no leader took it in time); publishing it again while this member leads");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));  // retrying a refused command, not synchronising
        }
        return false;
    }

    /** Waits for the answer (every command in the cluster form is answered: applied, refused, or not committed in time). */
    private boolean awaitAnswer(final OneAnswer answer, final long thisTerm)
    {
        try
        {
            while (!answer.await(ANSWER_CHECK_MILLIS))
            {
                if (term != thisTerm)
                {
                    return false;
                }
            }
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean publish(final CommandType type, final long thisTerm, final OneAnswer answer)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PUBLISH_TIMEOUT_SECONDS);
        while (!publisher.publish(type, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> { }, answer, null))
        {
            if (term != thisTerm)
            {
                return false;
            }
            if (System.nanoTime() > deadline)
            {
                LOG.warning(() -> type + " could not be published within " + PUBLISH_TIMEOUT_SECONDS + " s (no pipeline, or the ring stayed full)");
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));  // retrying a publish, not synchronising
        }
        return true;
    }
}
