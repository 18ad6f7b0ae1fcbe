package io.ordergate.engine.checkpoint;

import java.util.function.LongSupplier;

import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;

/**
 * How a replay finds out that it did not rebuild what the live run had. The journal holds commands, not their
 * outcomes, and a replay runs them with the code and configuration of the start it is part of: a release that
 * changed a decision of the engine (a risk check, how a close is made) or a changed instrument or limit can decide an
 * old command differently, and everything after it follows.
 *
 * <p>A clean stop journals two commands. {@code CHECKPOINT} takes the engine's state digest at that point of the
 * log (answered in {@link CommandEvent#resultId}); the gateway then journals {@code CHECKPOINT_DIGEST} with that
 * value. Live they agree by construction. A replay takes its own digest at the same {@code CHECKPOINT} and, at the
 * {@code CHECKPOINT_DIGEST}, compares it with the live run's: a difference is counted ({@link #diverged()}) and the
 * command answered CONFLICT; the commands between the two (whatever slipped in) do not matter. Only the system
 * principal may send either. <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 */
public final class ReplayCheckpoints
{
    private final LongSupplier stateDigest;
    private final BodyReader reader = new BodyReader();
    private long taken;
    private boolean hasTaken;
    private long matched;
    private long diverged;
    private long firstDiverged;
    private boolean lastDiverged;

    public ReplayCheckpoints(final LongSupplier stateDigest)
    {
        this.stateDigest = stateDigest;
    }

    /** {@code CHECKPOINT}: the digest of the state every command before this one left; answered in resultId. */
    public void checkpoint(final CommandEvent event)
    {
        if (event.principal() != CommandFrame.PRINCIPAL_SYSTEM)
        {
            event.reject(ResultCode.FORBIDDEN, "checkpoints are the gateway's own", null);
            return;
        }
        taken = stateDigest.getAsLong();
        hasTaken = true;
        event.resultId = taken;
        event.result = ResultCode.OK;
    }

    /** {@code CHECKPOINT_DIGEST}: the live run's digest at the last checkpoint, compared with this run's. */
    public void confirm(final CommandEvent event)
    {
        if (event.principal() != CommandFrame.PRINCIPAL_SYSTEM)
        {
            event.reject(ResultCode.FORBIDDEN, "checkpoints are the gateway's own", null);
            return;
        }
        final long live = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readLong();
        if (!hasTaken)
        {
            event.reject(ResultCode.NOT_FOUND, "no checkpoint to confirm", null);
            return;
        }
        hasTaken = false;
        if (live != taken)
        {
            if (diverged == 0)
            {
                firstDiverged = matched + 1;
            }
            diverged++;
            lastDiverged = true;
            event.reject(ResultCode.CONFLICT, "the state rebuilt here differs from the live run's at this checkpoint", null);
            return;
        }
        matched++;
        lastDiverged = false;
        event.result = ResultCode.OK;
    }

    /** Checkpoints whose digest agreed with the live run's, since this engine was made. */
    public long matched()
    {
        return matched;
    }

    /** Checkpoints whose digest differed from the live run's: a replay that rebuilt another state. */
    public long diverged()
    {
        return diverged;
    }

    /**
     * Whether the newest checkpoint met differed: the state at the last clean stop is not what that run had. Older
     * ones alone differing means a later run already served the state this replay rebuilds (a divergence accepted).
     */
    public boolean lastDiverged()
    {
        return lastDiverged;
    }

    /** Which clean stop's checkpoint (1 the oldest in the journal) differed first, or 0 when none did. */
    public long firstDiverged()
    {
        return firstDiverged;
    }
}
