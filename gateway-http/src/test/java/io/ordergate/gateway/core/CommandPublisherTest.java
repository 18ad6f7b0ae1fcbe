package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.journal.Journal;

/**
 * The one publisher on a real pipeline and journal: a body whose encoding throws half-way is published skipped, so
 * the journal and the engine pass it by and whoever waits gets a clean 500; the next command is whole.
 *
 * <pre>
 *   publish(throwing body) ─► ring ─► 1 journal: skip ─► 2 engine: skip ─► 3 reply: type null, JOURNAL_FAILED ─► 500
 *   publish(quote)         ─► ring ─► 1 journal: append ─► 2 engine: apply ─► 3 reply: ACCEPTED
 * </pre>
 */
class CommandPublisherTest
{
    /** One EURUSD instrument and a small ring (StartupCommandsTest runs on it too). */
    static final String CONFIG = String.join("\n",
        "pipeline: { ring_size: 64 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");

    @TempDir
    Path directory;

    /** What the reply stage saw of one event. */
    private record Seen(CommandType type, ResultCode result, String message, long correlationId, Object replyTo, Object attachment, String answer,
        int status)
    {
    }

    @Test
    void shouldPublishASkippedEventWhenTheFillThrowsAndNeverJournalAHalfWrittenFrame() throws Exception
    {
        final GatewayConfig config = ConfigLoader.parse(CONFIG, "publisher");
        final BlockingQueue<Seen> seen = new ArrayBlockingQueue<>(4);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final JsonWriter json = new JsonWriter();
        final CommandPublisher publisher = new CommandPublisher();
        final Object waiting = new Object();
        final Answer answer = (event, out) -> Answers.failure(event, out, ErrorFormat.API);
        try (Journal journal = Journal.open(directory.resolve("journal"));
            Pipeline pipeline = Pipeline.start(config.pipeline(), journal, new Engine(config), (event, sequence, endOfBatch) ->
            {
                final int status = ((Answer)event.attachment).render(event, json.wrap(buffer, 0));
                seen.add(new Seen(event.type, event.result, event.resultMessage, event.correlationId(), event.replyTo, event.attachment,
                    buffer.getStringWithoutLengthUtf8(0, json.length()), status));
            }))
        {
            publisher.pipeline(pipeline);
            assertTrue(publisher.publish(CommandType.QUOTES, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_HTTP, writer ->
            {
                CommandBodies.quotesHeader(writer, 2);
                CommandBodies.quote(writer, "EURUSD", 108_420_000L, 108_428_000L);
                throw new IllegalStateException("the second quote cannot be encoded");
            }, waiting, answer));
            final Seen skipped = seen.poll(10, TimeUnit.SECONDS);
            assertNull(skipped.type(), "skipped: no type, so the journal and the engine pass it by");
            assertEquals(ResultCode.JOURNAL_FAILED, skipped.result());
            assertEquals(0, skipped.correlationId(), "the correlation id is the ring sequence");
            assertSame(waiting, skipped.replyTo());
            assertSame(answer, skipped.attachment());
            assertEquals(500, skipped.status());
            assertEquals("{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"the command could not be encoded\"}}", skipped.answer());

            assertTrue(publisher.publish(CommandType.QUOTES, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_HTTP, writer ->
            {
                CommandBodies.quotesHeader(writer, 1);
                CommandBodies.quote(writer, "EURUSD", 108_420_000L, 108_428_000L);
            }, waiting, answer));
            final Seen whole = seen.poll(10, TimeUnit.SECONDS);
            assertEquals(CommandType.QUOTES, whole.type());
            assertEquals(ResultCode.ACCEPTED, whole.result());
            assertEquals(1, whole.correlationId());
        }
        try (Journal journal = Journal.open(directory.resolve("journal")))
        {
            final List<Integer> quoteCounts = new ArrayList<>();
            final long records = journal.replay((frame, offset, length, index) ->
                quoteCounts.add(frame.getInt(offset + CommandFrame.BODY_OFFSET)));
            assertEquals(1, records, "only the whole command is in the journal");
            assertEquals(List.of(1), quoteCounts);
        }
    }

    @Test
    void shouldClaimNothingBeforeThereIsAPipeline()
    {
        final CommandPublisher publisher = new CommandPublisher();
        assertFalse(publisher.publish(CommandType.QUOTES, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_HTTP, writer -> { }, null, null));
    }
}
