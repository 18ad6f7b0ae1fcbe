package io.ordergate.gateway;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.ReplyTarget;

/**
 * A clean stop's mark in the journal, for the next start to check its replay against: {@code CHECKPOINT} (the engine
 * answers its state digest there), then {@code CHECKPOINT_DIGEST} carrying that digest (see the engine's
 * {@code ReplayCheckpoints}). Single node only: a cluster's members check each other through their snapshots.
 */
final class StopCheckpoint
{
    private StopCheckpoint()
    {
    }

    /** @return whether both were journaled and applied within {@code timeoutMillis} each */
    static boolean write(final CommandPublisher publisher, final long timeoutMillis) throws InterruptedException
    {
        final Answer taken = new Answer();
        if (!publisher.publish(CommandType.CHECKPOINT, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> { }, taken, null)
            || !taken.await(timeoutMillis))
        {
            return false;
        }
        final long digest = taken.resultId;
        final Answer confirmed = new Answer();
        return publisher.publish(CommandType.CHECKPOINT_DIGEST, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
            writer -> writer.putLong(digest), confirmed, null) && confirmed.await(timeoutMillis);
    }

    /** One command's answer, read on the stopping thread once the reply stage gave it. */
    private static final class Answer implements ReplyTarget
    {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean ok;
        private volatile long resultId;

        @Override
        public void onReply(final CommandEvent event, final ChannelFlushes flushes)
        {
            ok = event.result == ResultCode.OK;
            resultId = event.resultId;
            done.countDown();
        }

        boolean await(final long timeoutMillis) throws InterruptedException
        {
            return done.await(timeoutMillis, TimeUnit.MILLISECONDS) && ok;
        }
    }
}
