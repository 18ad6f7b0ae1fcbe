package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import org.junit.jupiter.api.Test;

class ExecutorMessagesTest
{
    /** As the gateway writes it (CommandQueue.writeCommand, Mt5Venue.route). */
    private static final String OPEN_POSITION = "{\"id\":\"ord_42\",\"command\":\"OPEN_POSITION\",\"parameters\":{\"symbol\":\"EURUSD\"," +
        "\"type\":\"BUY\",\"lots\":0.01,\"sl\":0,\"tp\":0,\"orderId\":\"42\",\"magicNumber\":20240101},\"priority\":\"HIGH\"," +
        "\"createdAt\":\"2026-11-22T10:00:00.123Z\"}";

    private static ByteBuf buf(final String text)
    {
        // A reader index past 0, as in a frame sliced out of a larger read.
        final ByteBuf b = Unpooled.buffer();
        b.writeBytes("xyz".getBytes(StandardCharsets.US_ASCII)).readerIndex(3);
        b.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    @Test
    void shouldReadTheIdOrderIdAndLotsOfAnOpenPositionFrame()
    {
        final ByteBuf frame = buf(OPEN_POSITION);
        final ExecutorMessages.Command command = new ExecutorMessages.Command();

        assertTrue(ExecutorMessages.parseCommand(frame, command));
        assertTrue(command.openPosition);
        assertEquals(42, command.orderId);
        assertEquals("ord_42", frame.toString(command.idStart, command.idEnd - command.idStart, StandardCharsets.US_ASCII));
        assertEquals("0.01", frame.toString(command.lotsStart, command.lotsEnd - command.lotsStart, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldTellCommandsFromAnswersAndErrors()
    {
        final ExecutorMessages.Command command = new ExecutorMessages.Command();
        assertFalse(ExecutorMessages.parseCommand(buf("{\"success\":true,\"command\":{\"id\":\"ord_42\",\"status\":\"executed\"}}"), command));
        assertFalse(ExecutorMessages.parseCommand(buf("{\"type\":\"error\",\"error\":\"Rate limit exceeded\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"retryAfter\":3}"), command));
        assertTrue(ExecutorMessages.isError(buf("{\"type\":\"error\",\"error\":\"x\",\"code\":\"y\"}")));
        assertTrue(ExecutorMessages.parseCommand(buf("{\"id\":\"cmd_7\",\"command\":\"PAUSE\",\"parameters\":{},\"priority\":\"HIGH\",\"createdAt\":\"t\"}"), command));
        assertFalse(command.openPosition);
        assertEquals(0, command.orderId);
        assertEquals(-1, command.lotsStart);
    }

    @Test
    void shouldWriteACommandResultOfTheShapeTheGatewayReads() throws Exception
    {
        final ByteBuf frame = buf(OPEN_POSITION);
        final ExecutorMessages.Command command = new ExecutorMessages.Command();
        ExecutorMessages.parseCommand(frame, command);
        final ByteBuf out = Unpooled.buffer();

        ExecutorMessages.writeResult(out, frame, command, 170_000_000_000_001L, ExecutorMessages.ascii("1.08428"));

        final String json = out.toString(StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"command_result\",\"commandId\":\"ord_42\",\"status\":\"executed\",\"result\":{\"success\":true," +
            "\"message\":\"executed by the ordergate load generator\",\"details\":{\"ticket\":170000000000001,\"price\":1.08428,\"lots\":0.01}}}", json);
        // Valid JSON, every token where docs/executors.md puts it.
        final List<String> tokens = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json))
        {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken())
            {
                tokens.add(t == JsonToken.FIELD_NAME ? parser.currentName() : t.name());
            }
        }
        assertEquals(List.of("START_OBJECT", "type", "VALUE_STRING", "commandId", "VALUE_STRING", "status", "VALUE_STRING",
            "result", "START_OBJECT", "success", "VALUE_TRUE", "message", "VALUE_STRING", "details", "START_OBJECT",
            "ticket", "VALUE_NUMBER_INT", "price", "VALUE_NUMBER_FLOAT", "lots", "VALUE_NUMBER_FLOAT",
            "END_OBJECT", "END_OBJECT", "END_OBJECT"), tokens);
    }

    @Test
    void shouldWriteTheTradeReportThatClosesTheTicket()
    {
        final ByteBuf out = Unpooled.buffer();
        ExecutorMessages.writeClose(out, ExecutorMessages.ascii("exe_1"), 9, ExecutorMessages.ascii("1.08428"));
        assertEquals("{\"type\":\"trade\",\"executorId\":\"exe_1\",\"ticket\":9,\"closePrice\":1.08428,\"commission\":0,\"swap\":0,\"profit\":0}",
            out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheOrderIdOfAnHttpAnswer()
    {
        assertEquals(1234, ExecutorMessages.orderIdOfAnswer(buf("{\"order_id\":\"1234\",\"client_order_id\":null,\"status\":\"routed\"}")));
        assertEquals(77, ExecutorMessages.orderIdOfAnswer(buf("{\"error\":{\"code\":\"NO_PRICE\"},\"order_id\": \"77\"}")));
        assertEquals(0, ExecutorMessages.orderIdOfAnswer(buf("{\"error\":{\"code\":\"INVALID_JSON\"}}")));
    }

    @Test
    void shouldFindTheFieldsOfTheSetUpAnswers()
    {
        final String created = "{\"executor_id\":\"exe_ab12\",\"name\":\"n\",\"api_key\":\"k-1\",\"api_secret\":\"s\\\"2\",\"status\":\"offline\"}";
        assertEquals("exe_ab12", ExecutorSetup.field(created, "executor_id"));
        assertEquals("k-1", ExecutorSetup.field(created, "api_key"));
        assertEquals("s\"2", ExecutorSetup.field(created, "api_secret"), "unescaped, as a JSON reader reads it");
        assertEquals("1.08428", ExecutorSetup.number("{\"symbol\":\"EURUSD\",\"bid\":1.0842,\"ask\":1.08428}", "ask"));
        assertEquals("bench-mt5-3", ExecutorSetup.accountId(null, 3));
        assertEquals("bench-mt5-r1-3", ExecutorSetup.accountId("r1", 3));
    }
}
