package io.ordergate.gateway.webhooksout;

import java.util.HashMap;
import java.util.Map;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.WebhookBodies;
import io.ordergate.gateway.core.CommandPublisher;

/**
 * Notices executors falling silent, for {@code executor_offline}: an executor is offline once its last heartbeat is
 * {@code executors.offline_after_seconds} old, which no command says, so the gateway says it itself with a journaled
 * {@code WEBHOOK_EVENT} (once per silence: the event names the heartbeat it follows, and a replayed one counts as
 * raised). Heartbeats and executors' accounts are read from the commands the fan-out sees.
 * <b>Not thread safe</b>: the fan-out thread (the replaying thread before it).
 */
final class ExecutorWatch
{
    /** One executor: its account, its last heartbeat, the heartbeat its silence was last raised after. */
    private static final class Watched
    {
        final String accountId;
        long lastHeartbeatMicros;
        long raisedAfterMicros;

        Watched(final String accountId)
        {
            this.accountId = accountId;
        }
    }

    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private final long offlineAfterMicros;
    private final CommandPublisher publisher;
    private final Map<String, Watched> executors = new HashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private long lastCheckNanos;

    ExecutorWatch(final long offlineAfterMicros, final CommandPublisher publisher)
    {
        this.offlineAfterMicros = offlineAfterMicros;
        this.publisher = publisher;
    }

    void onEvent(final CommandEvent event)
    {
        if (event.result == null || !event.result.isSuccess())
        {
            return;
        }
        if (event.type == CommandType.CREATE_EXECUTOR)
        {
            reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
            final String executorId = reader.readString(text).toString();
            reader.readString(text);
            reader.readString(text);
            executors.put(executorId, new Watched(reader.readString(text).toString()));
        }
        else if (event.type == CommandType.EXECUTOR_HEARTBEAT)
        {
            final Watched watched = executors.get(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString());
            if (watched != null)
            {
                watched.lastHeartbeatMicros = Math.max(watched.lastHeartbeatMicros, event.wallMicros());
            }
        }
        else if (event.type == CommandType.WEBHOOK_EVENT && event.result == ResultCode.OK)
        {
            reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
            if (reader.readByte() == WebhookBodies.EVENT_EXECUTOR_OFFLINE)
            {
                reader.readString(text);
                final Watched watched = executors.get(reader.readString(text).toString());
                final long after = reader.readLong();
                if (watched != null)
                {
                    watched.raisedAfterMicros = Math.max(watched.raisedAfterMicros, after);
                }
            }
        }
    }

    /** Raises the silence of every executor newly offline (only when a webhook wants it). */
    void check(final long nowNanos, final boolean wanted)
    {
        if (!wanted || nowNanos - lastCheckNanos < CHECK_EVERY_NANOS)
        {
            return;
        }
        lastCheckNanos = nowNanos;
        final long nowMicros = System.currentTimeMillis() * 1000L;
        for (final Map.Entry<String, Watched> entry : executors.entrySet())
        {
            final Watched watched = entry.getValue();
            final long last = watched.lastHeartbeatMicros;
            if (last > 0 && last > watched.raisedAfterMicros && nowMicros - last >= offlineAfterMicros)
            {
                final String executorId = entry.getKey();
                if (publisher.publish(CommandType.WEBHOOK_EVENT, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
                    writer -> WebhookBodies.event(writer, WebhookBodies.EVENT_EXECUTOR_OFFLINE, watched.accountId, executorId, last), null, null))
                {
                    watched.raisedAfterMicros = last;  // the journaled event says the same when it comes round
                }
            }
        }
    }

    /** The state this keeps from the commands applied, for the cluster's snapshots ({@code StateBesideEngine}). */
    void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("webhooks.executors_watched", executors);
    }
}
