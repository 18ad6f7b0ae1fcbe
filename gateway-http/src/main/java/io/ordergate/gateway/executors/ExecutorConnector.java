package io.ordergate.gateway.executors;

import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;
import io.ordergate.gateway.metrics.ExecutorLiveness;
import io.ordergate.gateway.metrics.GatewayMetrics;
import io.ordergate.gateway.metrics.ReplyStageMetrics;
import io.ordergate.mt5.CommandQueue;

/**
 * The executor part of the reply stage: keeps the executor key registry in step with the journal, feeds executor
 * liveness, records what was sent ({@link SentCommands}), and pushes the commands the engine put in each event's
 * outbox onto their executors' WebSockets (flushed once per socket at the end of the batch).
 * <b>Not thread safe</b>: reply thread (and the replaying thread before it).
 */
public final class ExecutorConnector implements ReplyListener, io.ordergate.gateway.core.StateBesideEngine
{
    private final ExecutorKeys keys;
    private final ExecutorSessions sessions;
    private final ReplyStageMetrics latency;
    private final ExecutorHeartbeats heartbeats;
    private final ExecutorLiveness liveness;
    private final SentCommands sent;

    private final SealedPasswords sealed;

    public ExecutorConnector(final ExecutorKeys keys, final ExecutorSessions sessions, final SentCommands sent, final GatewayMetrics metrics,
        final SecretBox secrets)
    {
        this.sealed = new SealedPasswords(secrets);
        this.keys = keys;
        this.sent = sent;
        this.sessions = sessions;
        this.latency = metrics.replyStage();
        this.liveness = metrics.executors();
        this.heartbeats = new ExecutorHeartbeats(keys, metrics.executors());
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        if (event.type == CommandType.CREATE_EXECUTOR && event.result != null && event.result.isSuccess())
        {
            keys.register(event);
        }
        if (event.type == CommandType.PAIR_AGENT && event.result != null && event.result.isSuccess())
        {
            keys.registerAgent(event);
        }
        if (event.type == CommandType.COMPLETE_PASSWORD_RESET && event.result == ResultCode.OK)
        {
            keys.forgetAgentsOfReset(event);
        }
        heartbeats.onHeartbeat(event);
        sent.recordOutbox(event);
        sent.recordAnswer(event);
    }

    /**
     * Cluster form, on a member that does not lead: the same as the leader. An executor's socket is open on one member
     * only (the one it connected to), and only that member can push to it: every member pushes each command to the
     * executors connected to it, so an executor is served by whichever member it is attached to, leader or not, and
     * hears each command once (a command delivered again after a change of leader carries its id, which the executor
     * answers from its first result).
     */
    @Override
    public void onFollowing(final CommandEvent event, final ChannelFlushes flushes)
    {
        onResult(event, flushes);
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        if (event.type == CommandType.CREATE_EXECUTOR && event.result != null && event.result.isSuccess())
        {
            keys.register(event);  // before the answer: the credentials work the moment the admin reads them
        }
        if (event.type == CommandType.PAIR_AGENT && event.result != null && event.result.isSuccess())
        {
            keys.registerAgent(event);  // the pairing key works the moment its user reads it
        }
        if (event.type == CommandType.COMPLETE_PASSWORD_RESET && event.result == ResultCode.OK)
        {
            keys.forgetAgentsOfReset(event);  // before the answer: the old holder's agents stop the moment the reset is told
        }
        heartbeats.onHeartbeat(event);
        latency.commandResult(event);
        sent.recordOutbox(event);  // before the push: a result can only come after the executor has the command
        if (sent.recordAnswer(event))
        {
            liveness.resultRefused();
        }
        int offset = 0;
        for (int i = 0; i < event.outboxCount; i++)
        {
            final int target = event.outbox.getInt(offset);
            final int length = event.outbox.getInt(offset + Integer.BYTES);
            final ExecutorSocket socket = target < 0 ? null : sessions.get(target & ~CommandQueue.SEALED_FLAG);
            if (socket != null && (target & CommandQueue.SEALED_FLAG) != 0)
            {
                // a seed-004 command: its password is opened only now, on its way out
                socket.push(sealed.open(event.outbox, offset + CommandQueue.RECORD_HEADER_LENGTH, length), 0, sealed.length(), flushes);
            }
            else if (socket != null && socket.push(event.outbox, offset + CommandQueue.RECORD_HEADER_LENGTH, length, flushes))
            {
                latency.framePushed(event, event.outbox, offset + CommandQueue.RECORD_HEADER_LENGTH, length, System.nanoTime());
            }
            offset += CommandQueue.RECORD_HEADER_LENGTH + length;
        }
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        keys.stateRoots(roots);
        roots.put("executors.sent_commands", sent);
        heartbeats.stateRoots(roots);
    }
}
