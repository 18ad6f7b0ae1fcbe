package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.journal.Journal;

/**
 * The default wait strategy parks a stage that waits for the stage before it, instead of spinning; and a command
 * that throws inside a stage is answered without a result while the pipeline goes on.
 *
 * <pre>
 *   test ─► ring ─► 1 og-journal ─► 2 og-engine (held on a latch by a test handler) ─► 3 og-reply (must park)
 * </pre>
 */
class StageWaitingTest
{
    private static final String CONFIG = String.join("\n",
        "pipeline: { ring_size: 64, stage_threads: %d }",
        "engine: { max_orders: 1024, max_trades: 1024 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");

    /** A read the engine hands to a plugged-in handler; not journaled, so the journal has nothing to do with it. */
    static final CommandType HELD = CommandType.EXECUTOR_SYNC;

    @TempDir
    Path directory;

    static GatewayConfig config(final int stageThreads)
    {
        return ConfigLoader.parse(String.format(CONFIG, stageThreads), "stage-waiting");
    }

    @Test
    void shouldParkTheReplyStageWhileTheEngineWorksOnACommand() throws Exception
    {
        final GatewayConfig config = config(3);  // the case with a thread per stage
        final Engine engine = new Engine(config);
        final CountDownLatch engineBusy = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        engine.handle(HELD, event ->
        {
            engineBusy.countDown();
            await(release);
            event.result = ResultCode.OK;
        });
        final BlockingQueue<ResultCode> answers = new ArrayBlockingQueue<>(4);
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) -> answers.add(event.result)))
        {
            publish(pipeline, HELD);
            assertTrue(engineBusy.await(10, TimeUnit.SECONDS), "the engine took the command");

            // og-reply now waits for og-engine, not for the publishers: the case Disruptor's BlockingWaitStrategy spins in.
            final Thread reply = stageThread("og-reply");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reply.getState() != Thread.State.WAITING && reply.getState() != Thread.State.TIMED_WAITING)
            {
                if (System.nanoTime() > deadline)
                {
                    fail("og-reply never parked while waiting for the engine: it is " + reply.getState());
                }
                Thread.onSpinWait();
            }

            release.countDown();
            assertEquals(ResultCode.OK, answers.poll(10, TimeUnit.SECONDS), "the parked stage wakes when the engine is done");
        }
    }

    /**
     * A publisher that claimed a slot and has not published it yet (the event loop filling it, or preempted while it
     * does): the first stage parks until the publish, instead of looping through Disruptor's barrier for as long as
     * the slot stays claimed.
     */
    @ParameterizedTest(name = "stage threads: {0}")
    @ValueSource(ints = {1, 3})
    void shouldParkTheFirstStageWhileAPublisherFillsItsSlot(final int stageThreads) throws Exception
    {
        final GatewayConfig config = config(stageThreads);
        final Engine engine = new Engine(config);
        engine.handle(HELD, event -> event.result = ResultCode.OK);
        final BlockingQueue<ResultCode> answers = new ArrayBlockingQueue<>(4);
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) -> answers.add(event.result)))
        {
            publish(pipeline, HELD);
            assertEquals(ResultCode.OK, answers.poll(10, TimeUnit.SECONDS), "the pipeline runs");
            final Thread first = stageThread(stageThreads == 1 ? "og-pipeline" : "og-journal");

            // The thread's state, looked at every millisecond while the slot stays claimed. Its Java state, not its CPU
            // time: a spinning thread the busy machine keeps off a core is still RUNNABLE, a parked one that waits for
            // a core after its safety-net wake-up is still TIMED_WAITING until it runs, so the load cannot blur them.
            final long claimed = pipeline.tryClaim();
            int looks = 0;
            int running = 0;
            final long wallBefore = System.nanoTime();
            while (System.nanoTime() - wallBefore < TimeUnit.MILLISECONDS.toNanos(300))
            {
                looks++;
                if (first.getState() == Thread.State.RUNNABLE)
                {
                    running++;
                }
                Thread.sleep(1);
            }
            final CommandEvent event = pipeline.event(claimed);
            event.reset(HELD);
            event.header(CommandFrame.PRINCIPAL_SYSTEM, 1_000_000L, 1, CommandFrame.SOURCE_SYSTEM);
            event.bodyLength(0);
            pipeline.publish(claimed);

            assertTrue(running * 2 < looks, "the first stage was running at " + running + " of " + looks
                + " looks while a slot stayed claimed: it spun instead of parking");
            assertEquals(ResultCode.OK, answers.poll(10, TimeUnit.SECONDS), "the publish wakes the parked stage");
        }
    }

    @ParameterizedTest(name = "stage threads: {0}")
    @ValueSource(ints = {1, 3})
    void shouldAnswerACommandThatThrowsWithoutAResultAndGoOn(final int stageThreads) throws Exception
    {
        final GatewayConfig config = config(stageThreads);
        final Engine engine = new Engine(config);
        final boolean[] first = {true};
        engine.handle(HELD, event ->
        {
            if (first[0])
            {
                first[0] = false;
                throw new IllegalStateException("a bug");
            }
            event.result = ResultCode.OK;
        });
        final BlockingQueue<CommandEvent> answers = new ArrayBlockingQueue<>(4);
        final BlockingQueue<String> messages = new ArrayBlockingQueue<>(4);
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) ->
            {
                messages.add(String.valueOf(event.resultMessage));
                answers.add(event);
            }))
        {
            publish(pipeline, HELD);
            publish(pipeline, HELD);
            final CommandEvent failed = answers.poll(10, TimeUnit.SECONDS);
            assertNull(failed == null ? "none" : failed.result, "no result: the client hears 500");
            assertEquals("the command failed inside the gateway", messages.poll(10, TimeUnit.SECONDS));
            final CommandEvent next = answers.poll(10, TimeUnit.SECONDS);
            assertEquals(ResultCode.OK, next == null ? null : next.result, "the stage went on with the next command");
        }
    }

    private static void publish(final Pipeline pipeline, final CommandType type)
    {
        publish(pipeline, type, 1);
    }

    /** Claims, fills by hand (no body) and publishes one command of {@code type}. */
    static void publish(final Pipeline pipeline, final CommandType type, final long correlationId)
    {
        final long sequence = pipeline.tryClaim();
        final CommandEvent event = pipeline.event(sequence);
        event.reset(type);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1_000_000L, correlationId, CommandFrame.SOURCE_SYSTEM);
        event.bodyLength(0);
        pipeline.publish(sequence);
    }

    private static Thread stageThread(final String name)
    {
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().equals(name) && thread.isAlive())
            {
                return thread;
            }
        }
        throw new AssertionError("no thread " + name);
    }

    private static void await(final CountDownLatch latch)
    {
        try
        {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
