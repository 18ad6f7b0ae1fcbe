package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.pipeline.FollowerBell;

/**
 * A read the fan-out waits for ({@link AwaitedRead}: a stream's orders snapshot, read in slices, each slice's answer
 * asking for the next) is taken as soon as the reply stage answered it, not at the fan-out's next poll; an ordinary
 * command (an order) is not, so the order path pays no wake-up per command. The pause between polls (and the sleep)
 * is ten minutes here: only the wake-up for an awaited read brings the thread back within the test's seconds. Before
 * it, each of a snapshot's ~32 slices waited for the pause (up to a millisecond each in the gateway).
 *
 * <pre>
 *   test: slice 1 ─► ring ─► journal ─► engine ─► reply (wakes the fan-out after the batch) ─► og-fanout
 *   og-fanout: listener takes slice n, publishes slice n + 1 ─► ring ─► ... ─► reply (wakes it again) ─► ...
 * </pre>
 */
class FanOutAwaitedReadsTest
{
    private static final int SLICES = 32;
    private static final long TEN_MINUTES = TimeUnit.MINUTES.toNanos(10);
    private static final String ORDER = "an order";

    @TempDir
    Path directory;

    /** A slice of a snapshot being read. */
    private record Slice(int number) implements AwaitedRead
    {
    }

    /** Records what it follows; a slice's answer has it ask for the next one, from the fan-out thread (as the streams' do). */
    private static final class SlicingListener implements FanOutListener
    {
        final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        volatile FanOutRig rig;

        @Override
        public void onEvent(final CommandEvent event, final boolean replaying)
        {
            seen.add(event.attachment);
            if (event.attachment instanceof Slice slice && slice.number() < SLICES && !rig.publish(new Slice(slice.number() + 1)))
            {
                seen.add("the ring was full");
            }
        }
    }

    @Test
    void shouldTakeTheAnswerOfAnAwaitedReadAtOnceAndAnOrdinaryCommandAtItsNextPoll() throws Exception
    {
        final SlicingListener listener = new SlicingListener();
        try (FanOutRig rig = new FanOutRig(directory, new FanOutStage(List.of(listener), TEN_MINUTES, TEN_MINUTES)))
        {
            listener.rig = rig;
            awaitPausing();
            assertTrue(rig.publish(ORDER));
            rig.awaitAnswered(1);
            assertNull(listener.seen.poll(100, TimeUnit.MILLISECONDS), "an ordinary command woke the fan-out from its pause");

            assertTrue(rig.publish(new Slice(1)));
            assertEquals(ORDER, listener.seen.poll(10, TimeUnit.SECONDS), "the first slice's answer woke the fan-out");
            for (int slice = 1; slice <= SLICES; slice++)
            {
                assertEquals(new Slice(slice), listener.seen.poll(10, TimeUnit.SECONDS), "slice " + slice + " taken when answered");
            }
            assertNull(listener.seen.poll(), "nothing else");
        }
    }

    /** The fan-out thread parked in a pause between two polls of the ring, not asleep (on the follower's bell). */
    private static void awaitPausing()
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true)
        {
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                if (thread.getName().equals("og-fanout") && thread.getState() == Thread.State.TIMED_WAITING
                    && !(LockSupport.getBlocker(thread) instanceof FollowerBell))
                {
                    return;
                }
            }
            if (System.nanoTime() > deadline)
            {
                fail("the fan-out thread never paused on the quiet ring");
            }
            Thread.onSpinWait();
        }
    }
}
