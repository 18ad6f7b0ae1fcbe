package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.mt5.CommandQueue;

/**
 * Every kind of command the gateway sends an executor is known as sent, so its result is never counted against the
 * executor's rate limits: orders ({@code ord_}), controls ({@code cmd_}), modifications ({@code mod_}), and seed 004's
 * investor commands ({@code inv_}, sealed) and history pages ({@code syn_}). What the executor makes up is not.
 */
class SentCommandsTest
{
    private static final int EXECUTOR = 3;

    @Test
    void shouldKnowEveryKindOfCommandItSentAndNothingElse()
    {
        final SentCommands sent = new SentCommands(1024);
        final CommandEvent event = new CommandEvent();
        event.reset(CommandType.NEW_ORDER);
        record(event, EXECUTOR, "ord_41");
        record(event, EXECUTOR, "cmd_7");
        record(event, EXECUTOR, "mod_8");
        record(event, EXECUTOR | CommandQueue.SEALED_FLAG, "inv_9");
        record(event, EXECUTOR, "syn_10");
        sent.recordOutbox(event);

        for (final String id : new String[] {"ord_41", "cmd_7", "mod_8", "inv_9", "syn_10"})
        {
            assertTrue(sent.wasSent(EXECUTOR, id), id);
            assertFalse(sent.wasSent(EXECUTOR + 1, id), id + " was sent another executor");
        }
        assertFalse(sent.wasSent(EXECUTOR, "syn_11"), "a page never sent");
        assertFalse(sent.wasSent(EXECUTOR, "abc_9"), "an id of no kind the gateway makes");
    }

    @Test
    void shouldKnowTheIdsOfAStartEpochAsTheGatewaysOwn()
    {
        final SentCommands sent = new SentCommands(1024);
        final CommandEvent event = new CommandEvent();
        event.reset(CommandType.NEW_ORDER);
        record(event, EXECUTOR, "ord_42_3");
        record(event, EXECUTOR, "cmd_7_12");
        sent.recordOutbox(event);

        assertTrue(sent.wasSent(EXECUTOR, "ord_42_3"), "a result for it is the gateway's, never refused by a rate limit");
        assertTrue(sent.wasSent(EXECUTOR, "cmd_7_12"));
        assertFalse(sent.wasSent(EXECUTOR, "ord_43_3"), "a number never sent");
        assertFalse(sent.wasSent(EXECUTOR + 1, "ord_42_3"), "sent another executor");
    }

    private static void record(final CommandEvent event, final int executorIndex, final String id)
    {
        final byte[] json = ("{\"id\":\"" + id + "\",\"command\":\"X\"}").getBytes(StandardCharsets.US_ASCII);
        final int start = event.outboxLength;
        event.outbox.putInt(start, executorIndex);
        event.outbox.putInt(start + Integer.BYTES, json.length);
        event.outbox.putBytes(start + CommandQueue.RECORD_HEADER_LENGTH, json);
        event.outboxLength = start + CommandQueue.RECORD_HEADER_LENGTH + json.length;
        event.outboxCount++;
    }
}
