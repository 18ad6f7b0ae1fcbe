package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An executor in Python sends its results on the WebSocket with {@code json.dumps} as it posts them, and a float MT5 did
 * not have is {@code NaN}, {@code Infinity} or {@code -Infinity} there too. Refused as invalid JSON, the result would
 * leave its command pending, pushed again and executed again (a second position for one open): a result and a trade
 * report take such a number as a value that cannot be read, as their HTTP routes do, wherever their {@code type} stands.
 * The socket's other messages (a heartbeat, a message of no known type) still refuse it as invalid JSON.
 */
class ExecutorSocketNonNumericNumbersTest extends QuotedExecutorTest
{
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void shouldSettleAFailedResultWhoseNumbersAreNotNumbers(final String notANumber)
    {
        try (GatewayHarness.Socket socket = gateway.connect(executor))
        {
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            socket.send(result(socket, "failed", "{\"success\":false,\"message\":\"Off quotes\",\"details\":{\"ticket\":" + notANumber
                + ",\"price\":" + notANumber + ",\"lots\":" + notANumber + ",\"profit\":" + notANumber + "}}", true));
            settled(socket.next(), "failed");
            final GatewayHarness.Response after = order(order);
            assertEquals("rejected", after.at("status"), after.body());
            assertEquals("Off quotes", after.at("reject_message"), after.body());
        }
    }

    /** Values nothing books ({@code totalProfit}, an account's margin level) are not read: the result is settled executed. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldSettleAnExecutedResultWhoseUnreadNumbersAreNotNumbersWhereverItsTypeStands(final boolean typeFirst)
    {
        try (GatewayHarness.Socket socket = gateway.connect(executor))
        {
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            socket.send(result(socket, "executed", "{\"success\":true,\"details\":{\"ticket\":\"571\",\"price\":1.08428,\"lots\":0.1,"
                + "\"totalProfit\":NaN,\"marginLevel\":Infinity,\"history\":[-Infinity,{\"swap\":NaN}]},\"retcode\":NaN}", typeFirst));
            settled(socket.next(), "executed");
            assertEquals("filled", order(order).at("status"));
        }
    }

    /** A number the gateway would book is never guessed: refused by name, the command stays pending for a readable result. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldRefuseAnExecutedResultWhoseBookedNumberIsNotANumber(final boolean typeFirst)
    {
        try (GatewayHarness.Socket socket = gateway.connect(executor))
        {
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            socket.send(result(socket, "executed", "{\"success\":true,\"details\":{\"ticket\":\"572\",\"price\":NaN,\"lots\":0.1}}", typeFirst));
            final Map<String, Object> refused = socket.next();
            assertEquals("VALIDATION_ERROR", refused.get("code"), refused.toString());
            assertEquals("price must be a decimal number", refused.get("error"), refused.toString());
            assertEquals("routed", order(order).at("status"), "nothing booked");
            assertEquals(1, ((List<?>)gateway.heartbeat(executor).at("pendingCommands")).size(), "still pending");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldTakeATradeReportWhoseUnreadNumberIsNotANumberAndRefuseOneWhoseBookedNumberIs(final boolean typeFirst)
    {
        try (GatewayHarness.Socket socket = gateway.connect(executor))
        {
            socket.send(typed("trade", "\"executorId\":\"" + executor.id() + "\",\"ticket\":\"6001\",\"symbol\":\"EURUSD\",\"side\":\"BUY\","
                + "\"lots\":0.1,\"openPrice\":1.08428,\"pips\":NaN", typeFirst));
            final Map<String, Object> opened = socket.next();
            assertEquals(null, opened.get("code"), "no error: " + opened);
            assertEquals("open", GatewayHarness.at(opened, "trade", "status"), opened.toString());
            socket.send(typed("trade", "\"executorId\":\"" + executor.id() + "\",\"ticket\":\"6001\",\"closePrice\":1.0851,\"profit\":-Infinity",
                typeFirst));
            final Map<String, Object> refused = socket.next();
            assertEquals("VALIDATION_ERROR", refused.get("code"), refused.toString());
            assertEquals("profit must be a decimal number", refused.get("error"), refused.toString());
            assertEquals(1, ((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).size(), "still open");
        }
    }

    /** Only results and trade reports take them: a heartbeat, or a message whose type is none the socket knows, is not JSON. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldStillRefuseNonNumericNumbersInEveryOtherMessage(final boolean typeFirst)
    {
        try (GatewayHarness.Socket socket = gateway.connect(executor))
        {
            for (final String type : List.of("heartbeat", "nonsense"))
            {
                socket.send(typed(type, "\"status\":\"online\",\"metadata\":{\"accountEquity\":NaN}", typeFirst));
                final Map<String, Object> refused = socket.next();
                assertEquals("INVALID_JSON", refused.get("code"), type + ": " + refused);
            }
            socket.send("{\"type\":NaN,\"commandId\":\"x\",\"status\":\"failed\"}");
            assertEquals("INVALID_JSON", socket.next().get("code"), "a type that is no string is no result");
        }
    }

    /** The result for the command just pushed to {@code socket}, its {@code type} first or last. */
    private static String result(final GatewayHarness.Socket socket, final String status, final String result, final boolean typeFirst)
    {
        final String commandId = (String)socket.nextCommand().get("id");
        return typed("command_result", "\"commandId\":\"" + commandId + "\",\"status\":\"" + status + "\",\"result\":" + result, typeFirst);
    }

    private static String typed(final String type, final String fields, final boolean typeFirst)
    {
        final String named = "\"type\":\"" + type + "\"";
        return typeFirst ? "{" + named + "," + fields + "}" : "{" + fields + "," + named + "}";
    }

    private void settled(final Map<String, Object> answer, final String status)
    {
        assertEquals(null, answer.get("code"), "no error: " + answer);
        assertEquals(status, GatewayHarness.at(answer, "command", "status"), answer.toString());
        assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again to be executed twice");
    }
}
