package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lmax.disruptor.EventTranslatorTwoArg;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.journal.Journal;

/**
 * {@code pipeline.publishers_run_stages}: a publisher that finds nobody running the stages runs them itself, journal
 * included, for its own command and what else is published, one thread at a time, in ring order, and at most
 * {@link TurnTakingStages#PUBLISHER_BATCH} commands before it leaves the rest to og-pipeline.
 */
class PublishersRunStagesTest
{
    private static final String CONFIG = String.join("\n",
        "pipeline: { ring_size: %d, stage_threads: 1, publishers_run_stages: true }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");

    /** Journaled, so every run appends to the journal; the engine's own handling is replaced by the test's. */
    private static final CommandType JOURNALED = CommandType.EXECUTOR_HEARTBEAT;

    /** Fills a journaled command with no body, correlated by its sequence; {@code replyTo} is a tag for the test. */
    private static final EventTranslatorTwoArg<CommandEvent, Object, Object> FILL = (event, sequence, tag, unused) ->
    {
        event.reset(JOURNALED);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1L, sequence, CommandFrame.SOURCE_SYSTEM);
        event.bodyLength(0);
        event.replyTo = tag;
    };

    @TempDir
    Path directory;

    private final GatewayConfig config = config(1024);

    @Test
    void shouldRunAPublishersCommandOnItsOwnThreadJournalIncludedAndHandTheJournalBack() throws Exception
    {
        final Engine engine = new Engine(config);
        final AtomicReference<Thread> engineRanOn = new AtomicReference<>();
        engine.handle(JOURNALED, event ->
        {
            engineRanOn.set(Thread.currentThread());
            event.result = ResultCode.OK;
        });
        final BlockingQueue<CommandEvent> answers = new ArrayBlockingQueue<>(8);
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) -> answers.add(copy(event))))
        {
            assertTrue(pipeline.tryPublish(FILL, "og-pipeline's", null));
            final CommandEvent first = answers.poll(10, TimeUnit.SECONDS);
            assertNotNull(first, "og-pipeline ran a command published the usual way");
            assertEquals(ResultCode.OK, first.result);
            assertEquals("og-pipeline", engineRanOn.get().getName());

            // Nothing else is in flight once og-pipeline has given the turn back and parked: the publisher takes the turn
            // before its publish and runs its command before it returns.
            awaitParked("og-pipeline");
            assertTrue(pipeline.tryPublishAndRun(FILL, "the publisher's", null));
            final CommandEvent second = answers.poll();
            assertNotNull(second, "answered before tryPublishAndRun returned");
            assertEquals(ResultCode.OK, second.result, "journaled from this thread too (Chronicle's appender handed over): " + second.resultMessage);
            assertSame(Thread.currentThread(), engineRanOn.get());

            assertTrue(pipeline.tryPublish(FILL, "og-pipeline's again", null));
            final CommandEvent third = answers.poll(10, TimeUnit.SECONDS);
            assertNotNull(third);
            assertEquals(ResultCode.OK, third.result, "the appender handed back to og-pipeline: " + third.resultMessage);
            assertEquals("og-pipeline", engineRanOn.get().getName());
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(3, journal.replay((buffer, offset, length, index) -> { }), "each command journaled once, whichever thread ran it");
        }
    }

    /**
     * og-pipeline sleeps while a publisher runs lap after lap of the ring itself; then a command comes that only it can
     * run. It must wait for the command after what was run, not for the one it fell asleep on: that slot has been
     * published again since, for a later lap, and is not "available" for the old sequence any more.
     */
    @Test
    void shouldWakeOgPipelineForTheNextCommandAfterPublishersRanLapsOfTheRing() throws Exception
    {
        final GatewayConfig small = config(64);
        final Engine engine = new Engine(small);
        final AtomicInteger ranElsewhere = new AtomicInteger();
        final AtomicReference<Thread> lastRanOn = new AtomicReference<>();
        engine.handle(JOURNALED, event ->
        {
            lastRanOn.set(Thread.currentThread());
            event.result = ResultCode.OK;
        });
        final BlockingQueue<ResultCode> answers = new ArrayBlockingQueue<>(8);
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(small.pipeline(), journal, engine, (event, sequence, endOfBatch) ->
            {
                if (!"publisher".equals(event.replyTo))
                {
                    answers.add(event.result);
                }
            }))
        {
            awaitParked("og-pipeline");
            for (int i = 0; i < 64 * 200; i++)
            {
                while (!pipeline.tryPublishAndRun(FILL, "publisher", null))
                {
                    Thread.onSpinWait();  // the ring is full while og-pipeline, which took a turn, runs it
                }
                if (lastRanOn.get() != Thread.currentThread())
                {
                    ranElsewhere.incrementAndGet();  // og-pipeline's safety look took a turn: allowed, not the point
                }
            }
            assertTrue(ranElsewhere.get() < 64 * 200, "the publisher ran commands itself");
            assertTrue(pipeline.tryPublish(FILL, "only og-pipeline runs this", null));
            assertEquals(ResultCode.OK, answers.poll(10, TimeUnit.SECONDS), "og-pipeline woke for the command after the laps");
            assertEquals("og-pipeline", lastRanOn.get().getName());
        }
    }

    @Test
    void shouldRunAtMostABatchOnThePublisherAndLeaveTheRestToOgPipeline() throws Exception
    {
        final Engine engine = new Engine(config);
        final int others = TurnTakingStages.PUBLISHER_BATCH + 36;
        final List<String> ranOn = new ArrayList<>();
        final CountDownLatch allRan = new CountDownLatch(others + 1);
        final AtomicReference<Pipeline> running = new AtomicReference<>();
        engine.handle(JOURNALED, event ->
        {
            if ("first".equals(event.replyTo))
            {
                // Published while the publisher holds the turn: nobody is woken, the holder finds them after its batch.
                for (int i = 0; i < others; i++)
                {
                    assertTrue(running.get().tryPublish(FILL, "other", null));
                }
            }
            ranOn.add(Thread.currentThread().getName());  // only the turn's holder runs this: no two threads at once
            event.result = ResultCode.OK;
            allRan.countDown();
        });
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) -> { }))
        {
            running.set(pipeline);
            assertTrue(pipeline.tryPublishAndRun(FILL, "first", null));
            final String me = Thread.currentThread().getName();
            final long byPublisher = ranOn.stream().filter(me::equals).count();
            assertTrue(byPublisher >= 1 && byPublisher <= TurnTakingStages.PUBLISHER_BATCH,
                "the publisher ran its own command and at most a batch: " + byPublisher);
            assertTrue(allRan.await(10, TimeUnit.SECONDS), "og-pipeline was woken for the rest");
            assertEquals(others + 1, ranOn.size());
            assertEquals(others + 1 - byPublisher, ranOn.stream().filter("og-pipeline"::equals).count(), "the rest ran on og-pipeline");
        }
    }

    @Test
    void shouldRunEveryCommandOnceInRingOrderOneThreadAtATimeWhoeverPublishes() throws Exception
    {
        final Engine engine = new Engine(config);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final long[] lastCorrelation = {-1};
        final AtomicInteger outOfOrder = new AtomicInteger();
        final int perPublisher = 20_000;
        final int publishers = 4;
        final CountDownLatch answered = new CountDownLatch(perPublisher * publishers);
        final ConcurrentHashMap<String, AtomicInteger> runners = new ConcurrentHashMap<>();
        engine.handle(JOURNALED, event ->
        {
            if (inside.incrementAndGet() != 1)
            {
                overlaps.incrementAndGet();
            }
            final long correlation = event.correlationId();
            if (correlation != lastCorrelation[0] + 1)  // the correlation id is the ring sequence: ring order, none skipped
            {
                outOfOrder.incrementAndGet();
            }
            lastCorrelation[0] = correlation;
            runners.computeIfAbsent(Thread.currentThread().getName(), name -> new AtomicInteger()).incrementAndGet();
            event.result = ResultCode.OK;
            inside.decrementAndGet();
        });
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) ->
            {
                if (event.result == ResultCode.OK)
                {
                    answered.countDown();
                }
            }))
        {
            final List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < publishers; p++)
            {
                final boolean mayRun = p % 2 == 0;  // two run the stages when they can, two only publish
                threads.add(new Thread(() ->
                {
                    for (int i = 0; i < perPublisher; i++)
                    {
                        while (!(mayRun ? pipeline.tryPublishAndRun(FILL, null, null) : pipeline.tryPublish(FILL, null, null)))
                        {
                            Thread.onSpinWait();  // ring full: og-pipeline catches up
                        }
                    }
                }, "publisher-" + p + (mayRun ? "-running" : "")));
            }
            threads.forEach(Thread::start);
            for (final Thread thread : threads)
            {
                thread.join(TimeUnit.SECONDS.toMillis(60));
                assertFalse(thread.isAlive(), thread.getName() + " finished publishing");
            }
            assertTrue(answered.await(30, TimeUnit.SECONDS), "every command answered OK: " + answered.getCount() + " left");
            assertEquals(0, overlaps.get(), "two threads ran the stages at once");
            assertEquals(0, outOfOrder.get(), "a command ran out of ring order or twice");
            assertEquals(perPublisher * publishers, runners.values().stream().mapToInt(AtomicInteger::get).sum());
            assertFalse(runners.containsKey("publisher-1") || runners.containsKey("publisher-3"), "only publishers that may run ran: " + runners);
        }
    }

    @Test
    void shouldNotRunTheStagesAfterThePipelineClosed() throws Exception
    {
        final Engine engine = new Engine(config);
        final AtomicInteger ran = new AtomicInteger();
        engine.handle(JOURNALED, event -> ran.incrementAndGet());
        final Pipeline pipeline;
        try (Journal journal = Journal.open(directory))
        {
            pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) -> { });
            pipeline.close();
            pipeline.tryPublishAndRun(FILL, null, null);  // the journal is closing: nothing may append to it now
        }
        assertEquals(0, ran.get(), "a publisher ran the stages of a closed pipeline");
    }

    private static GatewayConfig config(final int ringSize)
    {
        return ConfigLoader.parse(String.format(CONFIG, ringSize), "publishers-run-stages");
    }

    /** Waits until the named stage thread parks (it gave the turn back and found nothing to run). */
    private static void awaitParked(final String name)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline)
        {
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                if (thread.getName().equals(name) && thread.isAlive()
                    && (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING))
                {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(name + " never parked");
    }

    private static CommandEvent copy(final CommandEvent event)
    {
        final CommandEvent copy = new CommandEvent();
        copy.result = event.result;
        copy.resultMessage = event.resultMessage;
        copy.replyTo = event.replyTo;
        return copy;
    }
}
