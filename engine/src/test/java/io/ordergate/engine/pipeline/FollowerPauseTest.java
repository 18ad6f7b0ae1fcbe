package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.journal.Journal;

/**
 * A ring follower pausing between two polls is woken by a batch the reply stage marked ({@link
 * RingFollower#wakeAfterThisBatch}: it answered a read the follower waits for), and by no other: under load the reply
 * stage must not pay a wake-up per batch. The pause is ten minutes here, so only that wake-up brings the follower
 * back within the test's seconds.
 */
class FollowerPauseTest
{
    private static final long TEN_MINUTES = TimeUnit.MINUTES.toNanos(10);
    /** Commands from this correlation id on are reads the follower waits for. */
    private static final long AWAITED = 100;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "stage threads: {0}")
    @ValueSource(ints = {1, 3})
    void shouldEndAPauseOnlyForABatchThatAnsweredAnAwaitedRead(final int stageThreads) throws Exception
    {
        final GatewayConfig config = StageWaitingTest.config(stageThreads);
        final Engine engine = new Engine(config);
        engine.handle(StageWaitingTest.HELD, event -> event.result = ResultCode.OK);
        final BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        final AtomicReference<RingFollower> following = new AtomicReference<>();
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) ->
            {
                if (event.correlationId() >= AWAITED)
                {
                    following.get().wakeAfterThisBatch();
                }
            }, true))
        {
            final RingFollower follower = pipeline.follower();
            following.set(follower);
            final Thread thread = new Thread(() -> follow(follower, seen), "test-follower");
            thread.setDaemon(true);
            thread.start();
            try
            {
                awaitPausing(thread);
                StageWaitingTest.publish(pipeline, StageWaitingTest.HELD, 1);
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (follower.available() < 0 && System.nanoTime() < deadline)
                {
                    Thread.onSpinWait();  // until the reply stage is done with it: the follower could read it
                }
                assertNull(seen.poll(100, TimeUnit.MILLISECONDS), "an ordinary batch ended the pause");
                for (long awaited = AWAITED; awaited < AWAITED + 3; awaited++)
                {
                    awaitPausing(thread);
                    StageWaitingTest.publish(pipeline, StageWaitingTest.HELD, awaited);
                    if (awaited == AWAITED)
                    {
                        assertEquals(1L, seen.poll(10, TimeUnit.SECONDS), "the ordinary command, read when the awaited one woke the follower");
                    }
                    assertEquals(awaited, seen.poll(10, TimeUnit.SECONDS), "the awaited read's batch ended the pause");
                }
            }
            finally
            {
                thread.interrupt();
                thread.join(10_000);
            }
        }
    }

    /** Reads every command (its correlation id), pauses ten minutes when there is none. */
    private static void follow(final RingFollower follower, final BlockingQueue<Long> seen)
    {
        while (!Thread.currentThread().isInterrupted())
        {
            if (!FollowedCommands.readAvailable(follower, seen))
            {
                follower.pause(TEN_MINUTES);
            }
        }
    }

    private static void awaitPausing(final Thread thread)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(thread.getState() == Thread.State.TIMED_WAITING && LockSupport.getBlocker(thread) instanceof RingFollower))
        {
            if (System.nanoTime() > deadline)
            {
                fail("the follower never paused: " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }
}
