package io.ordergate.gateway.ea;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;
import io.ordergate.mt5.ea.EaBodies;

/**
 * The start-up sweep of {@link ArtifactStore#sweepOrphans}: while the journal is replayed, the EX5s the engine took
 * (their files stay even if a kill cut their settling off); after it, the sweep. Replaying thread, then the start-up
 * thread; nothing once swept.
 */
public final class ArtifactSweep implements ReplyListener
{
    private final ArtifactStore artifacts;
    private final BodyReader reader = new BodyReader();
    private final AsciiView scratch = new AsciiView();
    /** The names of the files replayed results took; null once swept. */
    private Set<String> taken = new HashSet<>();

    public ArtifactSweep(final ArtifactStore artifacts)
    {
        this.artifacts = artifacts;
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        if (taken != null && event.type == CommandType.AGENT_JOB_RESULT && event.resultId == EaBodies.RESULT_ARTIFACT_TAKEN)
        {
            reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
            taken.add(HexFormat.of().formatHex(EaBodies.jobResultSha256(reader, scratch)));
        }
    }

    @Override
    public void onFollowing(final CommandEvent event, final ChannelFlushes flushes)
    {
        // a cluster follower's results settle nothing here: the leader's gateway staged them
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        // live results are settled by their requests (StagedResultReply)
    }

    /**
     * Sweeps, once the journal is replayed and before any request.
     *
     * @param journalReplayed false for a cluster member, which sweeps nothing: rebuilt from a snapshot, it did not see
     *                        every result, and its pipeline already runs
     */
    public void afterReplay(final boolean journalReplayed)
    {
        if (journalReplayed)
        {
            artifacts.sweepOrphans(taken);
        }
        taken = null;
    }
}
