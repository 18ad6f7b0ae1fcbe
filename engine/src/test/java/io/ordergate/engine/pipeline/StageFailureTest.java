package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.journal.Journal;
import io.ordergate.journal.JournalAppender;

/**
 * A stage that throws: the command is never applied after a journal append that failed, even with an {@link Error}
 * (a full disk under the mapped file), in either stage layout; and replay goes past a command that threw, as the live
 * stages did, instead of leaving a gateway that cannot start.
 */
class StageFailureTest
{
    private static final GatewayConfig CONFIG = ConfigLoader.parse(String.join("\n",
        "pipeline: { ring_size: 64 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        ""), "stage-failure");

    @TempDir
    Path directory;

    private final BodyWriter writer = new BodyWriter();

    @Test
    void anErrorFromTheJournalAppendLeavesTheCommandUnappliedWithAStagePerThread() throws Exception
    {
        final Engine engine = new Engine(CONFIG);
        final StageExceptionHandler failures = new StageExceptionHandler();
        final ProgressSignallingHandler journaling = new ProgressSignallingHandler(failingJournal(), () -> { }, failures);
        final EngineStage applying = new EngineStage(engine);
        final CommandEvent event = createAccount(new CommandEvent(), "mt5-1", 1);

        journaling.onEvent(event, 0, false);
        applying.onEvent(event, 0, false);

        assertEquals(ResultCode.JOURNAL_FAILED, event.result, "the failure the journal stage gave is kept");
        assertTrue(event.stageFailed);
        assertFalse(engine.hasAccount("mt5-1"), "a command that was never journaled was applied");
        assertEquals(1, failures.failures(), "the Error was handed to the stage handler to be logged");
    }

    @Test
    void anErrorFromTheJournalAppendLeavesTheCommandUnappliedAndAnsweredOnOneThread() throws Exception
    {
        final Engine engine = new Engine(CONFIG);
        final List<ResultCode> answered = new ArrayList<>();
        final SingleThreadStages stages = new SingleThreadStages(failingJournal(), new EngineStage(engine),
            (event, sequence, endOfBatch) -> answered.add(event.result), new StageExceptionHandler());

        stages.onEvent(createAccount(new CommandEvent(), "mt5-1", 1), 0, true);

        assertEquals(List.of(ResultCode.JOURNAL_FAILED), answered, "the client hears the failure, not nothing");
        assertFalse(engine.hasAccount("mt5-1"));
    }

    @Test
    void replayGoesPastACommandThatThrowsAsTheLiveStagesDid() throws Exception
    {
        try (Journal journal = Journal.open(directory))
        {
            final JournalAppender appender = journal.appender();
            final CommandEvent event = new CommandEvent();
            append(appender, createAccount(event, "mt5-1", 1));
            event.reset(CommandType.CREATE_USER);
            event.header(CommandFrame.PRINCIPAL_SYSTEM, 1_795_341_600_000_002L, 2, CommandFrame.SOURCE_HTTP);
            event.bodyLength(0);
            append(appender, event);
            append(appender, createAccount(event, "mt5-2", 3));

            final Engine replayed = new Engine(CONFIG);
            replayed.handle(CommandType.CREATE_USER, command ->
            {
                throw new IllegalStateException("a bug in a handler, as it was when the command first ran");
            });
            final List<ResultCode> seen = new ArrayList<>();
            final Replayer.Result result = Replayer.replay(journal, replayed, new ResultHandler()
            {
                @Override
                public void onResult(final CommandEvent command, final long sequence, final boolean endOfBatch)
                {
                }

                @Override
                public void onReplayed(final CommandEvent command)
                {
                    seen.add(command.result);
                }
            });

            assertEquals(3, result.records());
            assertEquals(1, result.failed());
            assertTrue(replayed.hasAccount("mt5-1") && replayed.hasAccount("mt5-2"), "the commands after the failure were replayed");
            assertEquals(ResultCode.CREATED, seen.get(2));
            assertEquals(null, seen.get(1), "the failed command has no result, as live");
        }
    }

    private static JournalStage failingJournal()
    {
        return new JournalStage((buffer, offset, length) ->
        {
            throw new InternalError("a fault occurred in an unsafe memory access operation");
        }, new PipelineCounters());
    }

    private CommandEvent createAccount(final CommandEvent event, final String accountId, final long correlationId)
    {
        event.reset(CommandType.CREATE_ACCOUNT);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1_795_341_600_000_000L + correlationId, correlationId, CommandFrame.SOURCE_HTTP);
        writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
        CommandBodies.createAccount(writer, accountId, CommandBodies.VENUE_MT5, "USD", FixedPoint.pow10(8) * 100_000, 100);
        event.bodyLength(writer.length());
        return event;
    }

    private static void append(final JournalAppender appender, final CommandEvent event)
    {
        appender.append(event.frame, 0, event.frameLength());
    }
}
