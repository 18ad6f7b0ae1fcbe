package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.pipeline.FollowerBell;

/**
 * The fan-out thread sleeps once the ring has been quiet (instead of polling every millisecond), and wakes for the
 * next command and for work a listener queued from another thread. Its sleep is set to ten minutes here, so only
 * those wake-ups can bring it back within the test's seconds.
 *
 * <pre>
 *   CommandPublisher ─► ring ─► journal ─► engine ─► reply (wakes the fan-out) ─► og-fanout ─► listener.onEvent
 *   another thread: queue work, waker.run() ─────────────────────────► og-fanout ─► listener.onIdle runs it
 * </pre>
 */
class FanOutSleepTest
{

    @TempDir
    Path directory;

    /** Records the commands it follows, runs what other threads queued for it (as the streams' subscriptions are). */
    private static final class RecordingListener implements FanOutListener
    {
        final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
        volatile Runnable waker;

        @Override
        public void onEvent(final CommandEvent event, final boolean replaying)
        {
            seen.add(event.attachment);  // the reply stage leaves it in the slot for the fan-out
        }

        @Override
        public void onIdle(final long nowNanos)
        {
            Runnable work;
            while ((work = queued.poll()) != null)
            {
                work.run();
            }
        }

        @Override
        public void wakeWith(final Runnable fanOutWaker)
        {
            this.waker = fanOutWaker;
        }
    }

    @Test
    void shouldSleepOnAQuietRingAndWakeForTheNextCommandAndForQueuedWork() throws Exception
    {
        final RecordingListener listener = new RecordingListener();
        try (FanOutRig rig = new FanOutRig(directory, new FanOutStage(List.of(listener), TimeUnit.MINUTES.toNanos(10))))
        {
            for (long command = 1; command <= 3; command++)
            {
                awaitAsleep();
                assertTrue(rig.publish("command " + command));
                assertEquals("command " + command, listener.seen.poll(10, TimeUnit.SECONDS), "the sleeping fan-out got command " + command);
            }
            awaitAsleep();
            listener.queued.add(() -> listener.seen.add("queued work ran"));
            listener.waker.run();
            assertEquals("queued work ran", listener.seen.poll(10, TimeUnit.SECONDS), "the waker ended the sleep");
        }
    }

    /** The fan-out thread parked in its sleep (on the follower's bell), not in a millisecond's poll. */
    private static void awaitAsleep()
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true)
        {
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                if (thread.getName().equals("og-fanout") && thread.getState() == Thread.State.TIMED_WAITING
                    && LockSupport.getBlocker(thread) instanceof FollowerBell)
                {
                    return;
                }
            }
            if (System.nanoTime() > deadline)
            {
                fail("the fan-out thread never went to sleep on the quiet ring");
            }
            Thread.onSpinWait();
        }
    }
}
