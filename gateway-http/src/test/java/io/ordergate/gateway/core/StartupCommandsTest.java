package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.journal.Journal;

/**
 * The gateway's own start-up commands on a real pipeline and journal: it opens only once each is answered, and a
 * refusal or a missing answer stops it with the command named.
 */
class StartupCommandsTest
{
    private static final long WAIT_MILLIS = 10_000;
    private static final RequestBody QUOTE = writer ->
    {
        CommandBodies.quotesHeader(writer, 1);
        CommandBodies.quote(writer, "EURUSD", 108_420_000L, 108_428_000L);
    };
    /** Skipped by the publisher (the fill throws), so answered JOURNAL_FAILED: a command that fails for sure. */
    private static final RequestBody UNENCODABLE = writer ->
    {
        throw new IllegalStateException("cannot be encoded");
    };

    @TempDir
    Path directory;

    @Test
    void shouldReturnOnceEveryCommandIsAnswered() throws Exception
    {
        try (Journal journal = Journal.open(directory.resolve("journal")); Pipeline pipeline = start(journal, true))
        {
            final StartupCommands commands = new StartupCommands("test start-up commands");
            commands.publish(publisher(pipeline), CommandType.QUOTES, QUOTE);
            commands.publish(publisher(pipeline), CommandType.QUOTES, QUOTE);
            commands.await(WAIT_MILLIS);
            commands.await(1);  // nothing published since: nothing to wait for
        }
        try (Journal journal = Journal.open(directory.resolve("journal")))
        {
            assertEquals(2, journal.replay((frame, offset, length, index) -> { }), "both were journaled before the wait returned");
        }
    }

    @Test
    void shouldNameEveryCommandThatFailed() throws Exception
    {
        try (Journal journal = Journal.open(directory.resolve("journal")); Pipeline pipeline = start(journal, true))
        {
            final StartupCommands commands = new StartupCommands("test start-up commands");
            final CommandPublisher publisher = publisher(pipeline);
            commands.publish(publisher, CommandType.QUOTES, QUOTE, "the quote", StartupCommands.EVERY_REFUSAL_FAILS);
            commands.publish(publisher, CommandType.QUOTES, UNENCODABLE, "the broken one", StartupCommands.EVERY_REFUSAL_FAILS);
            commands.publish(publisher, CommandType.QUOTES, UNENCODABLE);
            final IllegalStateException failed = assertThrows(IllegalStateException.class, () -> commands.await(WAIT_MILLIS));
            assertEquals("test start-up commands failed: the broken one: JOURNAL_FAILED (the command could not be encoded); "
                + "QUOTES: JOURNAL_FAILED (the command could not be encoded)", failed.getMessage());
        }
    }

    @Test
    void shouldAcceptARefusalThatMeansItWasDoneAlready() throws Exception
    {
        try (Journal journal = Journal.open(directory.resolve("journal")); Pipeline pipeline = start(journal, true))
        {
            final StartupCommands commands = new StartupCommands("test start-up commands");
            commands.publish(publisher(pipeline), CommandType.QUOTES, UNENCODABLE, "made by another member",
                event -> event.result == ResultCode.JOURNAL_FAILED);
            commands.await(WAIT_MILLIS);
        }
    }

    @Test
    void shouldStopWhenAnAnswerDoesNotCome() throws Exception
    {
        try (Journal journal = Journal.open(directory.resolve("journal")); Pipeline pipeline = start(journal, false))
        {
            final StartupCommands commands = new StartupCommands("test start-up commands");
            commands.publish(publisher(pipeline), CommandType.QUOTES, QUOTE);
            final IllegalStateException late = assertThrows(IllegalStateException.class, () -> commands.await(200));
            assertEquals("test start-up commands did not complete within 200 ms", late.getMessage());
        }
    }

    @Test
    void shouldRefuseToPublishWhenTheRingTakesNothing()
    {
        final StartupCommands commands = new StartupCommands("test start-up commands");
        final IllegalStateException full = assertThrows(IllegalStateException.class,
            () -> commands.publish(new CommandPublisher(), CommandType.QUOTES, QUOTE));
        assertEquals("the ring is full at start-up", full.getMessage());
    }

    /** A pipeline whose reply stage hands each answer to its target, or (answering false) drops every answer. */
    private static Pipeline start(final Journal journal, final boolean answering) throws Exception
    {
        final GatewayConfig config = ConfigLoader.parse(CommandPublisherTest.CONFIG, "startup-commands");
        return Pipeline.start(config.pipeline(), journal, new Engine(config), (event, sequence, endOfBatch) ->
        {
            if (answering)
            {
                ((ReplyTarget)event.replyTo).onReply(event, null);
            }
        });
    }

    private static CommandPublisher publisher(final Pipeline pipeline)
    {
        final CommandPublisher publisher = new CommandPublisher();
        publisher.pipeline(pipeline);
        return publisher;
    }
}
