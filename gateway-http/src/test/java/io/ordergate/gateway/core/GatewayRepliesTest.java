package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.RecordedLog;

/**
 * A listener of the reply stage that throws must not cost the others their view of the command, nor its client the
 * answer: the command is journaled and applied whatever a feature beside the engine made of it. The failure is counted
 * and logged once per listener and kind.
 */
class GatewayRepliesTest
{
    @Test
    void shouldAnswerAndTellTheOtherListenersWhenOneThrows()
    {
        final List<ResultCode> seenAfter = new ArrayList<>();
        final List<ResultCode> answered = new ArrayList<>();
        final ReplyListener throwing = (event, flushes) ->
        {
            throw new IllegalStateException("a feature's bug");
        };
        final ReplyListener after = (event, flushes) -> seenAfter.add(event.result);
        final GatewayReplies replies = new GatewayReplies(List.of(throwing, after));
        final List<LogRecord> logged;
        try (RecordedLog log = new RecordedLog(GatewayReplies.class))
        {
            for (int i = 0; i < 3; i++)
            {
                final CommandEvent event = new CommandEvent();
                event.reset(CommandType.NEW_ORDER);
                event.result = ResultCode.OK;
                event.replyTo = (ReplyTarget)(answeredEvent, flushes) -> answered.add(answeredEvent.result);
                replies.onResult(event, i, true);
                assertSame(ResultCode.OK, event.result, "the engine's result stays in the slot for the fan-out");
            }
            logged = log.records();
        }
        assertEquals(List.of(ResultCode.OK, ResultCode.OK, ResultCode.OK), seenAfter, "the listener after the one that threw saw every command");
        assertEquals(List.of(ResultCode.OK, ResultCode.OK, ResultCode.OK), answered, "every client was answered, from the engine's result");
        assertEquals(3, replies.listenerFailures());
        assertEquals(1, logged.size(), "logged once per listener and kind, not once per command");
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
    }
}
