package io.ordergate.gateway;

import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.OneAnswer;

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
        final OneAnswer taken = new OneAnswer();
        if (!publisher.publish(CommandType.CHECKPOINT, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> { }, taken, null)
            || !taken.await(timeoutMillis) || taken.result() != ResultCode.OK)
        {
            return false;
        }
        final long digest = taken.resultId();
        final OneAnswer confirmed = new OneAnswer();
        return publisher.publish(CommandType.CHECKPOINT_DIGEST, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
            writer -> writer.putLong(digest), confirmed, null) && confirmed.await(timeoutMillis) && confirmed.result() == ResultCode.OK;
    }
}
