package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.CopiedBody;
import io.ordergate.gateway.json.RequestBody;

/**
 * An executor socket reads each message once (type first) into objects it reuses; before, it read each twice and made
 * new ones ({@link PreviousExecutorMessages}). Every message must come out as it did: the same command with the same
 * body byte for byte, or the same refusal in the same words. The messages: the fed-reader corpus, messages of every
 * kind with the type first, later or missing, and every one-byte change of the common ones (each byte replaced by a
 * structural or ordinary character, or left out), one after another through one reader, so that anything a message
 * leaves behind in the reused objects shows in the next.
 */
class ExecutorMessagesTest
{
    private static final String EXECUTOR = "exe_1";
    private static final byte[] REPLACEMENTS = "\"{}[],:0 9.-xa\\\u0001".getBytes(StandardCharsets.ISO_8859_1);
    private static final String CLOSE_RESULT = "{\"type\":\"command_result\",\"commandId\":\"ord_12\",\"status\":\"executed\","
        + "\"result\":{\"success\":true,\"details\":{\"ticket\":\"9001\",\"price\":1.1,\"profit\":2.5,\"deal\":77}}}";
    private static final String FAILED_RESULT = "{\"type\":\"command_result\",\"commandId\":\"cmd_3\",\"status\":\"failed\","
        + "\"result\":{\"success\":false,\"message\":\"Market closed \u00e9\"}}";
    private static final String CLOSE_TRADE = "{\"type\":\"trade\",\"executorId\":\"exe_1\",\"ticket\":\"9001\",\"closeTime\":\"x\","
        + "\"closePrice\":1.2,\"profit\":-3,\"commission\":0,\"swap\":0.5}";
    private static final String PARTIAL_TRADE = "{\"executorId\":\"exe_1\",\"type\":\"trade\",\"ticket\":9001,\"closedLots\":0.05,"
        + "\"deal\":\"88\",\"lots\":0.05,\"closePrice\":1.2,\"profit\":1,\"symbol\":\"EURUSD\",\"side\":\"SELL\"}";

    @Test
    void shouldReadEveryMessageAsTheTwoPassReaderDid()
    {
        final List<String> bases = bases();
        final List<String> messages = new ArrayList<>(bases);
        for (final String base : List.of(FedExecutorMessagesTest.RESULT, FedExecutorMessagesTest.TRADE, CLOSE_RESULT, PARTIAL_TRADE, FAILED_RESULT))
        {
            messages.addAll(changed(base));
            messages.addAll(bases);
        }
        final ExecutorMessages reader = new ExecutorMessages(EXECUTOR);
        int accepted = 0;
        int refused = 0;
        for (final String message : messages)
        {
            final byte[] body = message.getBytes(StandardCharsets.UTF_8);
            final String before = previous(body);
            assertEquals(before, now(reader, body), () -> "message: " + message);
            accepted += before.startsWith("ok ") ? 1 : 0;
            refused += before.startsWith("ok ") ? 0 : 1;
        }
        assertTrue(accepted > 500 && refused > 5_000, accepted + " accepted, " + refused + " refused: both kinds of outcome were compared");
    }

    @Test
    void shouldKeepAWaitingMessagesBodyWhenTheReaderGoesOn() throws BadRequest
    {
        final ExecutorMessages reader = new ExecutorMessages(EXECUTOR);
        final byte[] body = new byte[1024];
        final byte[] first = CLOSE_RESULT.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(first, 0, body, 0, first.length);
        assertEquals(CommandType.COMMAND_RESULT, reader.read(body, first.length));
        final String expected = encoded(reader.request());
        final RequestBody copy = CopiedBody.of(reader.request());

        final byte[] second = FAILED_RESULT.getBytes(StandardCharsets.UTF_8);  // the socket's buffer reused for the next message
        System.arraycopy(second, 0, body, 0, second.length);
        assertEquals(CommandType.COMMAND_RESULT, reader.read(body, second.length));
        assertEquals(expected, encoded(copy));
        assertTrue(!expected.equals(encoded(reader.request())), "the reader holds the second message now");
    }

    private static List<String> bases()
    {
        final List<String> bases = new ArrayList<>(FedExecutorMessagesTest.corpus());
        bases.addAll(List.of(CLOSE_RESULT, FAILED_RESULT, CLOSE_TRADE, PARTIAL_TRADE,
            "{\"type\":\"command_result\",\"commandId\":\"syn_4\",\"status\":\"executed\",\"result\":{\"success\":true,\"details\":"
                + "{\"deals\":[{\"ticket\":\"5\"}],\"truncated\":false,\"login\":5001,\"status\":\"ok\"}}}",
            "{\"commandId\":\"ord_2\",\"status\":\"failed\",\"result\":{\"success\":false,\"details\":{\"price\":NaN}},\"type\":\"command_result\"}",
            "{\"status\":\"online\",\"balance\":NaN,\"type\":\"heartbeat\"}", "{\"x\":-Infinity,\"type\":\"nonsense\"}",
            "{\"type\":{\"a\":NaN}}", "{\"type\":\"heartbeat\",\"x\":Infinity}", "{\"x\":NaN}",
            "{}", "{\"type\":null}", "{\"type\":5}", "{\"type\":{\"a\":1}}", "{\"type\":\"TRADE\"}", "{\"type\":\"heartbeat\"}",
            "{\"status\":\"executed\",\"type\":\"command_result\",\"type\":\"trade\"}",
            "{\"type\":\"command_result\",\"commandId\":\"ord_1\",\"status\":\"executed\"} {",
            "{\"type\":\"trade\",\"executorId\":\"exe_2\",\"ticket\":1,\"closeTime\":1}",
            "{\"type\":\"command_result\",\"commandId\":\"" + "c".repeat(65) + "\",\"status\":\"executed\"}",
            "{\"type\":\"command_result\",\"commandId\":\"ord_1\",\"status\":\"executed\",\"result\":{\"message\":\"" + "m".repeat(257) + "\"}}",
            "{\"type\":\"command_result\",\"commandId\":\"ord_1\",\"status\":\"executed\",\"result\":{\"details\":{\"ticket\":1234567890123456789}}}",
            "{\"type\":\"command_result\",\"commandId\":\"ord_1\",\"status\":\"executed\",\"result\":{\"details\":{\"ticket\":0,\"deal\":[1]}}}",
            "{\"type\":\"command_result\",\"commandId\":\"ord_1\",\"status\":\"executed\",\"result\":{\"pad\":\"" + "p".repeat(4100) + "\"}}"));
        return bases;
    }

    /** Every one-byte change of a message: each byte replaced by each of {@link #REPLACEMENTS}, or left out. */
    private static List<String> changed(final String base)
    {
        final byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
        final List<String> changed = new ArrayList<>();
        for (int at = 0; at < bytes.length; at++)
        {
            for (final byte replacement : REPLACEMENTS)
            {
                if (bytes[at] != replacement)
                {
                    final byte[] copy = bytes.clone();
                    copy[at] = replacement;
                    changed.add(new String(copy, StandardCharsets.ISO_8859_1));
                }
            }
            changed.add(new String(bytes, 0, at, StandardCharsets.ISO_8859_1) + new String(bytes, at + 1, bytes.length - at - 1, StandardCharsets.ISO_8859_1));
        }
        return changed;
    }

    private static String previous(final byte[] body)
    {
        try
        {
            final PreviousExecutorMessages.Read read = PreviousExecutorMessages.read(EXECUTOR, body, body.length);
            return "ok " + read.command() + " " + encoded(read.body());
        }
        catch (final BadRequest refused)
        {
            return refused.code() + " " + refused.getMessage() + " field=" + refused.field();
        }
    }

    private static String now(final ExecutorMessages reader, final byte[] body)
    {
        try
        {
            final CommandType command = reader.read(body, body.length);
            return "ok " + command + " " + encoded(reader.request());
        }
        catch (final BadRequest refused)
        {
            return refused.code() + " " + refused.getMessage() + " field=" + refused.field();
        }
    }

    private static String encoded(final RequestBody body)
    {
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(256);
        final BodyWriter writer = new BodyWriter().wrap(frame, 0);
        body.encode(writer);
        final byte[] bytes = new byte[writer.length()];
        frame.getBytes(0, bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
