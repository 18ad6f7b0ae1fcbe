package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

/**
 * {@link Pipeline#tryPublish}: the translator fills the claimed slot and the slot is published; a full ring claims
 * nothing and is counted; the attachment travels with the event to the reply stage and is dropped after it.
 */
class PipelinePublishTest
{
    private static final String CONFIG = String.join("\n",
        "pipeline: { ring_size: 64, stage_threads: 1 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");

    /** A stateless translator as production code writes one: a state digest read, correlated by its sequence. */
    private static final EventTranslatorTwoArg<CommandEvent, Object, Object> STATE_DIGEST = (event, sequence, replyTo, attachment) ->
    {
        event.reset(CommandType.STATE_DIGEST);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1L, sequence, CommandFrame.SOURCE_SYSTEM);
        event.bodyLength(0);
        event.replyTo = replyTo;
        event.attachment = attachment;
    };

    @TempDir
    Path directory;

    private record Seen(long correlationId, Object replyTo, Object attachment, ResultCode result)
    {
    }

    @Test
    void shouldPublishWhatTheTranslatorFilledWithItsAttachmentAndForgetItAfterTheReplyStage() throws Exception
    {
        final GatewayConfig config = ConfigLoader.parse(CONFIG, "publish");
        final BlockingQueue<Seen> seen = new ArrayBlockingQueue<>(16);
        final BlockingQueue<CommandEvent> events = new ArrayBlockingQueue<>(16);
        try (io.ordergate.journal.Journal journal = io.ordergate.journal.Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, new Engine(config), (event, sequence, endOfBatch) ->
            {
                seen.add(new Seen(event.correlationId(), event.replyTo, event.attachment, event.result));
                events.add(event);
            }))
        {
            final Object replyTo = new Object();
            final Object attachment = new Object();
            assertTrue(pipeline.tryPublish(STATE_DIGEST, replyTo, attachment));
            final Seen first = seen.poll(5, TimeUnit.SECONDS);
            assertEquals(0, first.correlationId(), "the correlation id is the ring sequence");
            assertSame(replyTo, first.replyTo());
            assertSame(attachment, first.attachment());
            assertEquals(ResultCode.OK, first.result(), "the engine applied it");
            final CommandEvent slot = events.poll(5, TimeUnit.SECONDS);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((slot.replyTo != null || slot.attachment != null) && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            assertNull(slot.replyTo, "the reply stage drops the reference");
            assertNull(slot.attachment, "the reply stage drops the reference");
        }
    }

    @Test
    void shouldClaimNothingAndCountOverloadedWhenTheRingIsFull() throws Exception
    {
        final GatewayConfig config = ConfigLoader.parse(CONFIG, "publish");
        final CountDownLatch release = new CountDownLatch(1);
        try (io.ordergate.journal.Journal journal = io.ordergate.journal.Journal.open(directory);
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, new Engine(config), (event, sequence, endOfBatch) ->
            {
                try
                {
                    release.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }))
        {
            for (int i = 0; i < pipeline.capacity(); i++)
            {
                assertTrue(pipeline.tryPublish(STATE_DIGEST, null, null), "slot " + i);
            }
            assertFalse(pipeline.tryPublish(STATE_DIGEST, null, null));
            assertEquals(1, pipeline.counters().overloadedCount());
            release.countDown();
        }
        finally
        {
            release.countDown();
        }
    }
}
