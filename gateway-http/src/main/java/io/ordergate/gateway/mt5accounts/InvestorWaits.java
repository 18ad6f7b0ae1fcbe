package io.ordergate.gateway.mt5accounts;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DaemonThreads;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.ReplyListener;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.json.RequestBody;

/**
 * HTTP requests of seed 004 that wait for the terminal (connect, test, sync): seed 004's app expects the outcome in
 * the answer. The request's command is published with this as its reply target: a refusal is answered at once; an
 * accepted one waits, by its operation id, until a COMMAND_RESULT finishes that operation (the engine names it in the
 * event's {@code resultId}) or {@code executors.investor_wait_seconds} pass; then the outcome is read through the ring
 * (INVESTOR_OUTCOME: 200 when done, 202 with what is known when not) and answered. Nothing of a request is kept on its
 * connection; a restart drops the waits with the connections. Thread safe: reply thread and the timer thread.
 */
final class InvestorWaits implements ReplyTarget, ReplyListener, AutoCloseable
{
    /** What one waiting request needs: its deferred answer and its caller's principal. */
    record Waiting(Deferred deferred, int principal)
    {
    }

    private final CommandPublisher publisher;
    private final long waitMillis;
    private final ConcurrentHashMap<Long, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("og-mt5-waits"));

    InvestorWaits(final CommandPublisher publisher, final long waitMillis)
    {
        this.publisher = publisher;
        this.waitMillis = waitMillis;
    }

    /** Publishes a waiting request's command; a full ring is answered 503 at once. */
    void publish(final CommandType type, final int principal, final int source, final RequestBody body, final Deferred deferred)
    {
        if (!publisher.publish(type, principal, source, body, this, new Waiting(deferred, principal)))
        {
            deferred.error(io.ordergate.engine.command.ResultCode.OVERLOADED, null, null);
        }
    }

    /** The request's own command came back: refused (answered now) or accepted (waits for its operation). Reply thread. */
    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        final Waiting wait = (Waiting)event.attachment;
        if (event.type == null || event.result == null || !event.result.isSuccess())
        {
            wait.deferred().error(event.result == null ? io.ordergate.engine.command.ResultCode.JOURNAL_FAILED : event.result,
                event.resultMessage, event.resultField);
            return;
        }
        final long opId = event.resultId;
        waiting.put(opId, wait);
        timer.schedule(() -> answer(opId), waitMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * A COMMAND_RESULT that finished an operation: its request is answered. Refused ones count too: a result refused
     * because the account was deleted meanwhile ends its operation failed (the engine names it all the same), and its
     * caller learns so now, not after {@code investor_wait_seconds}. Reply thread.
     */
    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        if (event.type == CommandType.COMMAND_RESULT && event.resultId > 0 && event.result != null)
        {
            answer(event.resultId);
        }
    }

    private void answer(final long opId)
    {
        final Waiting wait = waiting.remove(opId);
        if (wait != null)
        {
            wait.deferred().publish(CommandType.INVESTOR_OUTCOME, wait.principal(), new InvestorRequests.Outcome(opId), Answers.ENGINE_JSON);
        }
    }

    int size()
    {
        return waiting.size();
    }

    @Override
    public void close()
    {
        timer.shutdownNow();
    }
}
