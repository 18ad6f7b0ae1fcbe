package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.journal.Journal;

/**
 * A ring follower that sleeps on a quiet ring is woken by the reply stage for the next batch, and by {@link
 * RingFollower#wake} for work queued for its thread: with a sleep of ten minutes, only those wake-ups can bring it
 * back within the test's seconds.
 *
 * <pre>
 *   test ─► ring ─► journal ─► engine ─► reply (rings the bell) ─► follower thread (sleeps 10 min when quiet)
 * </pre>
 */
class FollowerSleepTest
{
    private static final long TEN_MINUTES = TimeUnit.MINUTES.toNanos(10);
    private static final String WOKEN = "woken";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "stage threads: {0}")
    @ValueSource(ints = {1, 3})
    void shouldWakeASleepingFollowerForEachBatchAndForQueuedWork(final int stageThreads) throws Exception
    {
        final GatewayConfig config = StageWaitingTest.config(stageThreads);
        final Engine engine = new Engine(config);
        engine.handle(StageWaitingTest.HELD, event -> event.result = ResultCode.OK);
        final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) -> { }, true))
        {
            final RingFollower follower = pipeline.follower();
            final AtomicBoolean queued = new AtomicBoolean();
            final Thread thread = new Thread(() -> follow(follower, queued, seen), "test-follower");
            thread.setDaemon(true);
            thread.start();
            try
            {
                for (long command = 1; command <= 3; command++)
                {
                    awaitAsleep(thread);
                    StageWaitingTest.publish(pipeline, StageWaitingTest.HELD, command);
                    assertEquals(command, seen.poll(10, TimeUnit.SECONDS), "the reply stage woke the sleeping follower for command " + command);
                }
                awaitAsleep(thread);
                queued.set(true);  // work for the follower's thread, as a stream subscription is for the fan-out's
                follower.wake();
                assertEquals(WOKEN, seen.poll(10, TimeUnit.SECONDS), "wake() ended the sleep for the queued work");
                assertTrue(seen.isEmpty(), "nothing else: " + seen);
            }
            finally
            {
                thread.interrupt();
                thread.join(10_000);
            }
        }
    }

    /** Reads every command (its correlation id), sleeps ten minutes when there is none, takes queued work after a sleep. */
    private static void follow(final RingFollower follower, final AtomicBoolean queued, final BlockingQueue<Object> seen)
    {
        while (!Thread.currentThread().isInterrupted())
        {
            if (!FollowedCommands.readAvailable(follower, seen))
            {
                follower.sleep(TEN_MINUTES);
                if (queued.getAndSet(false))
                {
                    seen.add(WOKEN);
                }
            }
        }
    }

    private static void awaitAsleep(final Thread thread)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(thread.getState() == Thread.State.TIMED_WAITING && LockSupport.getBlocker(thread) instanceof FollowerBell))
        {
            if (System.nanoTime() > deadline)
            {
                fail("the follower never went to sleep: " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }
}
