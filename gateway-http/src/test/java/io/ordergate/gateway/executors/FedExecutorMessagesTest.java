package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * An executor socket's reader feeds every message to one parser and refuses a field given twice itself; the HTTP
 * routes read each body with a parser of its own and jackson's detector. The same messages through both must come out
 * the same (the command body, byte for byte, or the same refusal in the same words), message after message on one fed
 * reader: results, trades and heartbeats with the raw JSON they keep (offsets), duplicates at every depth and inside
 * values that are ignored, names repeated in sibling objects (no duplicate), objects of more fields than the reader
 * keeps in its array, and broken bodies between good ones.
 */
class FedExecutorMessagesTest
{
    static final String RESULT = "{\"type\":\"command_result\",\"commandId\":\"ord_7\",\"status\":\"executed\",\"result\":"
        + "{\"success\":true,\"message\":\"done\",\"details\":{\"ticket\":123456,\"price\":1.08421,\"lots\":0.10,\"profit\":-1.5,"
        + "\"accountInfo\":{\"login\":5001,\"balance\":10000.5,\"equity\":9990,\"server\":\"Demo\"},\"extra\":{\"a\":1,\"b\":[1,{\"c\":2}]}}}}";
    static final String TRADE = "{\"type\":\"trade\",\"executorId\":\"exe_1\",\"ticket\":555,\"symbol\":\"EURUSD\",\"side\":\"buy\","
        + "\"lots\":0.1,\"openPrice\":1.0842,\"stopLoss\":null,\"magic\":7,\"comment\":\"x\",\"unknown\":{\"k\":[{\"k\":1},{\"k\":2}]}}";
    static final String HEARTBEAT = "{\"type\":\"heartbeat\",\"status\":\"online\",\"metadata\":{\"version\":\"1.0.0\",\"platform\":\"MT5\","
        + "\"nested\":{\"platform\":\"x\"}},\"balance\":100.25}";

    @Test
    void shouldReadEveryMessageAsABlockingParserDoesMessageAfterMessage() throws Exception
    {
        final List<String> messages = corpus();
        final RequestReader fed = RequestReader.feedingEveryBody();
        int accepted = 0;
        for (int round = 0; round < 2; round++)
        {
            for (final String message : messages)
            {
                for (final Kind kind : Kind.values())
                {
                    final String blocking = outcome(kind, new RequestReader(), message);
                    assertEquals(blocking, outcome(kind, fed, message), () -> kind + " of " + message);
                    accepted += blocking.startsWith("ok ") ? 1 : 0;
                }
            }
        }
        assertTrue(accepted >= 2 * 3, "the good messages were read, not refused: " + accepted);
    }

    @Test
    void shouldRefuseAFieldGivenTwiceAtAnyDepthInJacksonsWords() throws Exception
    {
        final RequestReader fed = RequestReader.feedingEveryBody();
        for (final String twice : List.of(
            "{\"type\":\"command_result\",\"commandId\":\"a\",\"commandId\":\"b\",\"status\":\"executed\"}",
            RESULT.replace("\"lots\":0.10,", "\"lots\":0.10,\"lots\":0.2,"),
            RESULT.replace("\"b\":[1,{\"c\":2}]", "\"b\":[1,{\"c\":2,\"c\":3}]"),
            TRADE.replace("{\"k\":2}", "{\"k\":2,\"k\":2}"),
            HEARTBEAT.replace("\"platform\":\"x\"", "\"platform\":\"x\",\"platform\":\"y\"")))
        {
            final String answer = outcome(Kind.RESULT, fed, twice);
            assertTrue(answer.startsWith("INVALID_JSON request body is not valid JSON: Duplicate field"), answer);
            assertTrue(outcome(Kind.RESULT, fed, RESULT).startsWith("ok "), "the next message after " + twice);
        }
    }

    static List<String> corpus()
    {
        final List<String> messages = new ArrayList<>(List.of(RESULT, TRADE, HEARTBEAT,
            "  " + RESULT + " \r\n",
            "{\"status\":\"failed\",\"result\":{\"success\":false,\"message\":\"no money\"},\"commandId\":\"cmd_9\",\"type\":\"command_result\"}",
            "{\"a\":{\"k\":1},\"b\":{\"k\":1},\"k\":2,\"type\":\"heartbeat\",\"status\":\"online\"}",
            RESULT.replace("\"commandId\":\"ord_7\"", "\"commandId\":\"ord_7\",\"commandId\":\"ord_8\""),
            RESULT.replace("\"message\":\"done\"", "\"message\":\"done\",\"message\":\"again\""),
            RESULT.replace("\"server\":\"Demo\"", "\"server\":\"Demo\",\"login\":1"),
            TRADE.replace("[{\"k\":1},{\"k\":2}]", "[{\"k\":1},{\"k\":2,\"k\":3}]"),
            HEARTBEAT.replace("\"nested\":{\"platform\":\"x\"}", "\"nested\":{\"platform\":\"x\",\"platform\":\"x\"}"),
            RESULT.substring(0, RESULT.length() - 3),
            RESULT + "{}",
            RESULT + " x",
            "[" + RESULT + "]",
            "\"text\"",
            "",
            "   ",
            "{\"type\":\"heartbeat\",\"status\":\"online\"",
            "{\"type\":\"heartbeat\",\"status\":online}",
            "{\"type\":\"heartbeat\",\"status\":\"online\",}",
            "{\"type\":\"command_result\",\"commandId\":\"ord_1\",\"status\":\"executed\",\"result\":{\"success\":\"yes\"}}",
            "{\"type\":\"command_result\",\"commandId\":\"ord_1\",\"status\":\"sideways\"}",
            RESULT.replace("1.08421", "1.084211234567"),
            RESULT.replace("1.08421", "1e-3").replace("-1.5", "-15E-1"),
            RESULT.replace("1.08421", "\"1.08421\"").replace("0.10", "123456789012345678901234567890"),
            RESULT.replace("1.08421", "NaN").replace("-1.5", "-Infinity").replace("10000.5", "Infinity"),
            RESULT.replace("\"status\":\"executed\"", "\"status\":\"failed\"").replace("1.08421", "NaN"),
            RESULT.replace("1.08421", "NaN").substring(0, RESULT.length() - 8),
            RESULT.replace("1.08421", "NaN").replace("\"b\":[1,", "\"b\":[1,,"),
            TRADE.replace("0.1,", "NaN,"),
            TRADE.replace("\"magic\":7", "\"magic\":-Infinity"),
            HEARTBEAT.replace("100.25", "NaN")));
        messages.add(wide(40, -1));
        messages.add(wide(40, 35));
        messages.add(wide(17, 16));
        return messages;
    }

    /** A heartbeat with {@code fields} extra fields; the one at {@code repeatAt} repeats the first extra field's name. */
    private static String wide(final int fields, final int repeatAt)
    {
        final StringBuilder json = new StringBuilder("{\"type\":\"heartbeat\",\"status\":\"online\"");
        for (int i = 0; i < fields; i++)
        {
            json.append(",\"f").append(i == repeatAt ? 0 : i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    private enum Kind
    {
        RESULT, TRADE, HEARTBEAT
    }

    private static String outcome(final Kind kind, final RequestReader in, final String message)
    {
        final byte[] body = message.getBytes(StandardCharsets.UTF_8);
        try
        {
            final RequestBody read = switch (kind)
            {
                case RESULT -> new CommandResult().parse("exe_1", in, body, body.length);
                case TRADE -> new TradeReport().parse(in, body, body.length);
                case HEARTBEAT -> Heartbeat.parse("exe_1", in, body, body.length);
            };
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[8192]);
            final BodyWriter writer = new BodyWriter().wrap(frame, 0);
            read.encode(writer);
            final byte[] bytes = new byte[writer.length()];
            frame.getBytes(0, bytes);
            return "ok " + HexFormat.of().formatHex(bytes);
        }
        catch (final BadRequest refused)
        {
            return refused.code() + " " + refused.getMessage() + " field=" + refused.field();
        }
    }
}
