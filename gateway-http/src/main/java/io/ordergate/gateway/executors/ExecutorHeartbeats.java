package io.ordergate.gateway.executors;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.metrics.ExecutorLiveness;

/**
 * Feeds each heartbeat the engine accepted to {@link ExecutorLiveness}, for {@code ordergate_executors_online}.
 * <b>Not thread safe</b>: reply thread (and replay). Allocates the executor id's string, once per heartbeat (seconds apart).
 */
final class ExecutorHeartbeats
{
    private final ExecutorKeys keys;
    private final ExecutorLiveness liveness;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    ExecutorHeartbeats(final ExecutorKeys keys, final ExecutorLiveness liveness)
    {
        this.keys = keys;
        this.liveness = liveness;
    }

    void onHeartbeat(final CommandEvent event)
    {
        if (event.type != CommandType.EXECUTOR_HEARTBEAT || event.result == null || !event.result.isSuccess())
        {
            return;
        }
        final String executorId = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString();
        final ExecutorKeys.Entry entry = keys.byExecutorId(executorId);
        if (entry != null)
        {
            liveness.heartbeat(entry.executorIndex(), event.wallMicros());
        }
    }

    /** The state this keeps from the commands applied, for the cluster's snapshots ({@code StateBesideEngine}). */
    void stateRoots(final java.util.Map<String, Object> roots)
    {
        liveness.stateRoots(roots);
    }
}
