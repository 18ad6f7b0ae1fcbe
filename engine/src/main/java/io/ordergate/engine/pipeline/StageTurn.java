package io.ordergate.engine.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The right to run the pipeline's stages, held by one thread at a time ({@code pipeline.publishers_run_stages}): the
 * og-pipeline thread, or an HTTP event loop that published a command and found nobody running them. Taking it is a
 * compare-and-set (acquire), giving it back a volatile store (release) followed by a full fence, so whatever one
 * holder wrote to the stages' state (the engine, the journal's appender, the replies' scratch) the next holder sees.
 * Thread safe.
 *
 * <p>The fence after the release pairs with the one a publisher makes after its publish ({@link
 * StageBlockingWaitStrategy#signalAllWhenBlocking}), Dekker's way: either the holder, re-reading the ring after it gave
 * the turn back, sees the new command, or the publisher sees the turn free and wakes og-pipeline. No command is left
 * with nobody to run it.
 */
final class StageTurn
{
    private static final VarHandle TAKEN;

    static
    {
        try
        {
            TAKEN = MethodHandles.lookup().findVarHandle(StageTurn.class, "taken", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    @SuppressWarnings("unused")  // through TAKEN
    private volatile int taken;

    /** True if the calling thread now holds the turn. */
    boolean tryTake()
    {
        return (int)TAKEN.getVolatile(this) == 0 && TAKEN.compareAndSet(this, 0, 1);
    }

    /** The holder gives the turn back; what it wrote before is visible to the next holder. */
    void giveBack()
    {
        TAKEN.setVolatile(this, 0);
        VarHandle.fullFence();
    }

    /** Whether some thread holds the turn now (it will look at the ring again before it gives the turn back for good). */
    boolean taken()
    {
        return (int)TAKEN.getVolatile(this) != 0;
    }
}
