package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A result sent on the WebSocket is settled as the same result posted is: with {@code success: false} and a status that
 * is neither executed nor failed ({@code "error"}, {@code "rejected"}) it failed whichever of the two it meant, so it is
 * settled failed, not refused (pending, pushed again and executed again); with success true such a status is refused.
 */
class ExecutorSocketResultStatusTest extends QuotedExecutorTest
{
    @ParameterizedTest
    @ValueSource(strings = {"error", "Rejected"})
    void shouldSettleAnUnsuccessfulResultWhoseStatusIsUnknownAsFailed(final String status)
    {
        try (GatewayHarness.Socket socket = gateway.connect(executor))
        {
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            socket.send(result(socket, status, "{\"success\":false,\"message\":\"No money\"}"));
            final Map<String, Object> answer = socket.next();
            assertEquals(null, answer.get("code"), "no error: " + answer);
            assertEquals("failed", GatewayHarness.at(answer, "command", "status"), answer.toString());
            assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again to be executed twice");
            final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
            assertEquals("rejected", after.at("status"), after.body());
            assertEquals("No money", after.at("reject_message"), after.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\":true}", "{\"message\":\"done\"}"})
    void shouldStillRefuseAResultWhoseStatusIsUnknownThatIsNotUnsuccessful(final String result)
    {
        try (GatewayHarness.Socket socket = gateway.connect(executor))
        {
            gateway.buy("mt5-1", "0.10");
            socket.send(result(socket, "error", result));
            final Map<String, Object> refused = socket.next();
            assertEquals("VALIDATION_ERROR", refused.get("code"), refused.toString());
            assertEquals("status must be executed or failed", refused.get("error"), refused.toString());
            assertEquals(1, ((List<?>)gateway.heartbeat(executor).at("pendingCommands")).size(), "still pending");
        }
    }

    /** The result for the command just pushed to {@code socket}. */
    private static String result(final GatewayHarness.Socket socket, final String status, final String result)
    {
        return "{\"type\":\"command_result\",\"commandId\":\"" + socket.nextCommand().get("id") + "\",\"status\":\"" + status
            + "\",\"result\":" + result + "}";
    }
}
