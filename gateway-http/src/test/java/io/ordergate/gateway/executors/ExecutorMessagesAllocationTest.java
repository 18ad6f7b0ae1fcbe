package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.testing.ThreadAllocation;

/**
 * An executor socket's steady state: reading a trade report (type first, as executors send them) and encoding its
 * command body allocates nothing per message, whatever its ids, tickets, prices and texts; a command result neither: its
 * raw result object's ends are found without jackson's {@code JsonLocation}s (two per result, 97 bytes, before).
 */
class ExecutorMessagesAllocationTest
{
    private static final int MESSAGES = 20_000;
    private static final int ROUNDS = 50;
    /** Bytes per message: a String, a record or a copy per message would be at least 16. */
    private static final long BOUND = 4;

    @Test
    void shouldReadTradesAndResultsWithoutAllocatingOnceWarm() throws Exception
    {
        final long trades = bytesPerMessage(1);
        final long results = bytesPerMessage(0);
        System.out.println("executor messages: " + trades + " bytes per trade report, " + results + " per command result");
        // what may come besides: a new fed parser every 4,096 bodies (its symbol table), and the JIT's rare bytes
        assertTrue(trades < BOUND, trades + " bytes per trade report");
        assertTrue(results < BOUND, results + " bytes per command result");
    }

    /** Bytes allocated per message over {@link #MESSAGES} messages of one kind (0: results, 1: trades), once warm. */
    private static long bytesPerMessage(final int kind) throws Exception
    {
        final byte[][] bodies = new byte[32][];
        for (int i = 0; i < bodies.length; i++)
        {
            bodies[i] = message(2 * i + kind).getBytes(StandardCharsets.UTF_8);
        }
        final ExecutorMessages reader = new ExecutorMessages("exe_1");
        final BodyWriter writer = new BodyWriter();
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[4096]);
        final CommandType expected = kind == 0 ? CommandType.COMMAND_RESULT : CommandType.TRADE_REPORT;
        read(reader, bodies, writer, frame, expected);  // warm: the parser, the readers' buffers, the JIT

        final long fewest = ThreadAllocation.fewestBytes(ROUNDS, BOUND * MESSAGES, () ->
        {
            final long written = read(reader, bodies, writer, frame, expected);
            assertTrue(written > MESSAGES * 60L, "every message was encoded: " + written + " bytes");
        });
        return fewest / MESSAGES;
    }

    private static long read(final ExecutorMessages reader, final byte[][] bodies, final BodyWriter writer, final UnsafeBuffer frame,
        final CommandType expected) throws BadRequest
    {
        long written = 0;
        for (int i = 0; i < MESSAGES; i++)
        {
            final byte[] body = bodies[i % bodies.length];
            final CommandType command = reader.read(body, body.length);
            assertEquals(expected, command);
            reader.request().encode(writer.wrap(frame, 0));
            written += writer.length();
        }
        return written;
    }

    private static String message(final int i)
    {
        if (i % 2 == 0)
        {
            return "{\"type\":\"command_result\",\"commandId\":\"ord_" + (1000 + i) + "\",\"status\":\"" + (i % 4 == 0 ? "executed" : "failed")
                + "\",\"result\":{\"success\":" + (i % 4 == 0) + ",\"message\":\"" + (i % 4 == 0 ? "done" : "no money " + i)
                + "\",\"details\":{\"ticket\":\"" + (90_000 + i) + "\",\"price\":1.0" + i + ",\"lots\":0.1,\"profit\":0,\"deal\":" + (70_000 + i) + "}}}";
        }
        return "{\"type\":\"trade\",\"executorId\":\"exe_1\",\"ticket\":" + (90_000 + i) + ",\"symbol\":\"" + (i % 3 == 0 ? "EURUSD" : "GBPJPY.m")
            + "\",\"side\":\"" + (i % 3 == 0 ? "buy" : "SELL") + "\",\"lots\":0." + i + ",\"openPrice\":1.2" + i + ",\"closePrice\":1.3,\"profit\":-"
            + i + ".5,\"commission\":0,\"swap\":0,\"comment\":\"c" + i + "\",\"magicNumber\":20240101,\"openTime\":\"2026-11-22T10:00:00.123Z\","
            + "\"closeTime\":\"2026-11-22T12:" + (10 + i) + ":00.5+02:00\"}";
    }
}
