package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.journal.Journal;

/**
 * The real three-stage pipeline on a real journal in a temp directory.
 *
 * <pre>
 *   publisher A ─┐
 *                ├─► ring (64) ─► 1 og-journal ─► 2 og-engine ─► 3 og-reply (collects, counts down)
 *   publisher B ─┘
 * </pre>
 */
class PipelineTest
{
    private static final String CONFIG = String.join("\n",
        "pipeline: { ring_size: 64, stage_threads: %d }",
        "engine: { max_orders: 4096, max_trades: 4096 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");
    private static final int PER_PUBLISHER = 1_000;

    @TempDir
    Path directory;

    private static GatewayConfig config(final int stageThreads)
    {
        return ConfigLoader.parse(String.format(CONFIG, stageThreads), "pipeline");
    }

    /** What the reply stage saw of one event; written and read only on the reply thread until the latch opens. */
    private record Seen(long sequence, CommandType type, long correlationId, long journalIndex, ResultCode result, long journalIndexSeenByVenue)
    {
    }

    @ParameterizedTest(name = "stage threads: {0}")
    @ValueSource(ints = {1, 3})
    void commandsFromTwoThreadsAllComeBackInRingOrderJournaledBeforeTheEngineRan(final int stageThreads) throws Exception
    {
        final GatewayConfig config = config(stageThreads);
        final Engine engine = new Engine(config);
        // The MT5 venue runs inside engine.apply: it notes in the event (resultId) the journal index it saw there.
        engine.registerVenue(VenueKind.MT5, (order, account, instrument, event) ->
        {
            event.resultId = event.journalIndex;
            order.status = OrderStatus.ROUTED;
            return null;
        });
        final int total = 2 * PER_PUBLISHER + 2;
        final List<Seen> seen = new ArrayList<>();
        final CountDownLatch done = new CountDownLatch(total);
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) ->
            {
                seen.add(new Seen(sequence, event.type, event.correlationId(), event.journalIndex, event.result,
                    event.type == CommandType.NEW_ORDER ? event.resultId : Long.MIN_VALUE));
                done.countDown();
            }))
        {
            publish(pipeline, new BodyWriter(), 0, CommandType.CREATE_ACCOUNT);
            publish(pipeline, new BodyWriter(), 1, CommandType.QUOTES);
            final Thread[] publishers = new Thread[2];
            for (int p = 0; p < publishers.length; p++)
            {
                final int base = (p + 1) * 1_000_000;
                publishers[p] = new Thread(() ->
                {
                    final BodyWriter writer = new BodyWriter();
                    for (int i = 0; i < PER_PUBLISHER; i++)
                    {
                        publish(pipeline, writer, base + i, i % 3 == 0 ? CommandType.GET_QUOTE : i % 3 == 1 ? CommandType.NEW_ORDER : CommandType.QUOTES);
                    }
                }, "publisher-" + p);
                publishers[p].start();
            }
            for (final Thread publisher : publishers)
            {
                publisher.join(10_000);
            }
            assertTrue(done.await(10, TimeUnit.SECONDS), "every command came back: " + done.getCount() + " missing");

            final List<Long> correlations = new ArrayList<>();
            long lastSequence = -1;
            long lastJournalIndex = -1;
            int journaled = 0;
            for (final Seen s : seen)
            {
                assertEquals(lastSequence + 1, s.sequence(), "ring order");
                lastSequence = s.sequence();
                correlations.add(s.correlationId());
                assertTrue(s.result() != null && s.result().isSuccess(), s.toString());
                if (s.type().journaled())
                {
                    assertTrue(s.journalIndex() > lastJournalIndex, "journal indexes grow in ring order: " + s);
                    lastJournalIndex = s.journalIndex();
                    journaled++;
                }
                else
                {
                    assertEquals(-1, s.journalIndex(), "queries are not journaled: " + s);
                }
                if (s.type() == CommandType.NEW_ORDER)
                {
                    assertEquals(s.journalIndex(), s.journalIndexSeenByVenue(), "the engine ran after the journal: " + s);
                }
            }
            for (int p = 1; p <= 2; p++)
            {
                long last = -1;
                for (final long correlation : correlations)
                {
                    if (correlation / 1_000_000 == p)
                    {
                        assertTrue(correlation > last, "each publisher's commands keep their order");
                        last = correlation;
                    }
                }
                assertEquals(p * 1_000_000 + PER_PUBLISHER - 1, last);
            }
            assertEquals(total, correlations.stream().distinct().count());
            assertEquals(journaled, pipeline.counters().journaledCount());
            pipeline.close();
            assertEquals(journaled, journal.replay((buffer, offset, length, index) -> { }));
        }
    }

    @ParameterizedTest(name = "stage threads: {0}")
    @ValueSource(ints = {1, 3})
    void aFullRingAnswersRingFullAndDrainsAfterRelease(final int stageThreads) throws Exception
    {
        final GatewayConfig config = config(stageThreads);
        final Engine engine = new Engine(config);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch firstReplyStarted = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(64 + 1);
        try (Journal journal = Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, (event, sequence, endOfBatch) ->
            {
                firstReplyStarted.countDown();
                try
                {
                    release.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            }))
        {
            assertEquals(64, pipeline.capacity());
            final BodyWriter writer = new BodyWriter();
            for (int i = 0; i < 64; i++)
            {
                assertNotEquals(Pipeline.RING_FULL, publish(pipeline, writer, i, CommandType.GET_QUOTE), "slot " + i);
            }
            assertTrue(firstReplyStarted.await(5, TimeUnit.SECONDS));
            assertEquals(Pipeline.RING_FULL, pipeline.tryClaim(), "the reply stage holds the ring");
            assertEquals(64, pipeline.occupancy());
            assertEquals(1, pipeline.counters().overloadedCount());
            release.countDown();
            long sequence = Pipeline.RING_FULL;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sequence == Pipeline.RING_FULL && System.nanoTime() < deadline)
            {
                sequence = pipeline.tryClaim();
                Thread.onSpinWait();
            }
            assertNotEquals(Pipeline.RING_FULL, sequence);
            fill(pipeline.event(sequence), writer, 64, CommandType.GET_QUOTE);
            pipeline.publish(sequence);
            assertTrue(done.await(5, TimeUnit.SECONDS), "everything completes after release: " + done.getCount() + " left");
        }
    }

    /** Claims (spinning while the ring is full), fills and publishes one command; answers its sequence. */
    private static long publish(final Pipeline pipeline, final BodyWriter writer, final long correlationId, final CommandType type)
    {
        long sequence;
        while ((sequence = pipeline.tryClaim()) == Pipeline.RING_FULL)
        {
            Thread.onSpinWait();
        }
        try
        {
            fill(pipeline.event(sequence), writer, correlationId, type);
        }
        finally
        {
            pipeline.publish(sequence);
        }
        return sequence;
    }

    private static void fill(final CommandEvent event, final BodyWriter writer, final long correlationId, final CommandType type)
    {
        event.reset(type);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1_795_341_600_000_000L + correlationId, correlationId, CommandFrame.SOURCE_HTTP);
        writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
        switch (type)
        {
            case CREATE_ACCOUNT:
                CommandBodies.createAccount(writer, "mt5-1", CommandBodies.VENUE_MT5, "USD", FixedPoint.pow10(8) * 100_000, 100);
                break;
            case QUOTES:
                CommandBodies.quotesHeader(writer, 1);
                CommandBodies.quote(writer, "EURUSD", 108_420_000L, 108_428_000L);
                break;
            case NEW_ORDER:
                NewOrderBody.encode(writer, "mt5-1", "EURUSD", Side.BUY, OrderType.MARKET, null, 0, 1_000_000L, 0, 0, 0, 0, 0, "");
                break;
            case GET_QUOTE:
            default:
                CommandBodies.symbol(writer, "EURUSD");
        }
        event.bodyLength(writer.length());
    }
}
