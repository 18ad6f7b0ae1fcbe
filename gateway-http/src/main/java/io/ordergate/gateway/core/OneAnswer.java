package io.ordergate.gateway.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * The answer to one command the gateway published for itself (a cluster member's catch-up read, a clean stop's
 * checkpoint), awaited on the thread that published it. Written once by the reply thread; thread safe.
 */
public final class OneAnswer implements ReplyTarget
{
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile ResultCode result;
    private volatile long resultId;

    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        result = event.result;
        resultId = event.resultId;
        done.countDown();
    }

    /** @return whether the answer came within the time */
    public boolean await(final long timeoutMillis) throws InterruptedException
    {
        return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The command's result, once answered (null: it failed inside the gateway). */
    public ResultCode result()
    {
        return result;
    }

    public boolean succeeded()
    {
        final ResultCode answered = result;
        return answered != null && answered.isSuccess();
    }

    /** The engine's id in the answer ({@code CommandEvent.resultId}). */
    public long resultId()
    {
        return resultId;
    }
}
