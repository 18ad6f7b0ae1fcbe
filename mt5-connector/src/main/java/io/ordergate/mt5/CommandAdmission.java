package io.ordergate.mt5;

import io.ordergate.config.ExecutorConfig;
import io.ordergate.engine.command.ResultCode;

/**
 * Whether a new command may be queued for an executor now: the one rule the venue, the trailing stops and seed 004's
 * requests follow, so no path queues a command a dead executor would hold for ever. An executor must be online (a
 * heartbeat within {@code executors.offline_after_seconds}, at the command's time); a bounded command also finds it
 * under {@code executors.max_pending_commands} unanswered (closes and close-all are not bounded: they reduce risk,
 * and a busy executor gets them first by priority); and the command table must have room.
 * <b>Not thread safe</b>: engine thread; allocates nothing.
 */
final class CommandAdmission
{
    static final String TABLE_FULL = "the executor command table is full (engine.max_executor_commands)";

    private final CommandQueue queue;
    private final long offlineAfterMicros;
    private final int maxPendingCommands;

    CommandAdmission(final CommandQueue queue, final ExecutorConfig config)
    {
        this.queue = queue;
        this.offlineAfterMicros = config.offlineAfterSeconds() * 1_000_000L;
        this.maxPendingCommands = config.maxPendingCommands();
    }

    /**
     * @param bounded whether {@code executors.max_pending_commands} applies
     * @return null when a command may be queued for the executor at {@code nowMicros}; else {@code EXECUTOR_OFFLINE}
     *     (none, or offline), {@code EXECUTOR_BUSY} or {@code VENUE_UNAVAILABLE} (every slot of the table waits)
     */
    ResultCode refusal(final Executor executor, final long nowMicros, final boolean bounded)
    {
        if (executor == null || !executor.isOnline(nowMicros, offlineAfterMicros))
        {
            return ResultCode.EXECUTOR_OFFLINE;
        }
        if (bounded && isBusy(executor))
        {
            return ResultCode.EXECUTOR_BUSY;
        }
        return queue.commands().canAllocate() ? null : ResultCode.VENUE_UNAVAILABLE;
    }

    /** The executor has {@code executors.max_pending_commands} commands it has not answered yet. */
    boolean isBusy(final Executor executor)
    {
        return executor.pendingCount() >= maxPendingCommands;
    }

    /** The message a refusal is answered with: the code's own text, or which table is full. */
    static String message(final ResultCode refusal)
    {
        return refusal == ResultCode.VENUE_UNAVAILABLE ? TABLE_FULL : null;
    }
}
