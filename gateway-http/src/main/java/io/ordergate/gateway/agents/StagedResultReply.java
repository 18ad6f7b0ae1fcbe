package io.ordergate.gateway.agents;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.ea.ArtifactStore;
import io.ordergate.mt5.ea.EaBodies;

/**
 * The answer to a job result that came with an EX5, stored (staged) before it was published: the engine's decision
 * settles the file (kept when the version took it; else removed, so a refused result leaves nothing on disk), releases
 * the recompiled version's replaced EX5 when no other artifact shares it, then the agent is answered as for any result.
 * The event's attachment is the {@link Pending} result. Thread safe (reply thread, then the ordered artifact thread).
 */
final class StagedResultReply implements ReplyTarget
{
    /** A staged result waiting for the engine: its request and its EX5's hash. */
    record Pending(Deferred deferred, byte[] sha)
    {
    }

    private final ArtifactStore artifacts;

    StagedResultReply(final ArtifactStore artifacts)
    {
        this.artifacts = artifacts;
    }

    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        final Pending pending = (Pending)event.attachment;
        final boolean taken = event.result != null && event.result.isSuccess() && event.resultId == EaBodies.RESULT_ARTIFACT_TAKEN;
        final byte[] released = taken ? event.released : null;
        final JsonWriter json = new JsonWriter().wrap(new ExpandableArrayBuffer(256), 0);
        final int status = Answers.ENGINE_JSON.render(event, json);
        // settled before the answer: once the agent reads a refusal, its EX5's file is gone; in the engine's order, so a
        // recompile's replaced EX5 goes after the downloads answered before it, and after the new one is settled
        artifacts.runInOrder(pending.deferred(), () ->
        {
            artifacts.settle(pending.sha(), taken);
            if (released != null)
            {
                artifacts.release(released);
            }
            pending.deferred().json(status, json);
        });
    }
}
