package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 000's sample executor never reads the answer to its result: a refused result leaves the command pending, handed
 * out again and executed again (a second position for one open). What can be read without guessing is read: 1 and 0
 * are booleans, Python's {@code str(None)}, a null and an empty string are no value, free text that is no string is no
 * reason to refuse, and a FAILED result's numbers, which nothing books, are never a reason to refuse it.
 */
class ExecutorResultLooseValuesTest extends QuotedExecutorTest
{
    @Test
    void shouldReadSuccessOneAsTrue()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer("executed", "{\"success\":1,\"details\":{\"ticket\":\"555\",\"price\":1.08428,\"lots\":0.1}}"), "executed");
        final GatewayHarness.Response after = order(order);
        assertEquals("filled", after.at("status"), after.body());
        assertEquals("555", gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions", 0, "ticket"));
    }

    @Test
    void shouldReadSuccessZeroAsFalse()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer("executed", "{\"success\":0,\"message\":\"Market closed\"}"), "failed");
        final GatewayHarness.Response after = order(order);
        assertEquals("rejected", after.at("status"), after.body());
        assertEquals("Market closed", after.at("reject_message"), after.body());
    }

    /** A close's deal Python did not have: {@code str(None)}; the open is booked as if no deal were sent. */
    @Test
    void shouldTakeDealNoneAsNoDeal()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer("executed", "{\"success\":true,\"details\":{\"ticket\":\"556\",\"price\":1.08428,\"lots\":0.1,\"deal\":\"None\"}}"), "executed");
        assertEquals("filled", order(order).at("status"));
    }

    @Test
    void shouldTakeNoneAsNoValueInAnExecutedResult()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer("executed", "{\"success\":true,\"details\":{\"ticket\":\"557\",\"price\":\"None\",\"lots\":\"none\",\"profit\":\"None\"}}"),
            "executed");
        final GatewayHarness.Response after = order(order);
        assertEquals("filled", after.at("status"), after.body());
        assertEquals(0, new BigDecimal("0.1").compareTo((BigDecimal)after.at("filled_quantity")), "no lots sent: the order's quantity");
    }

    @Test
    void shouldReadStatusInAnyLetterCase()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer("Failed", "{\"success\":false,\"message\":\"Requote\"}"), "failed");
        assertEquals("rejected", order(order).at("status"));
    }

    /** A message that is a number (MT5's retcode) or an object: free text nothing decides on, never a reason to refuse. */
    @Test
    void shouldSettleAResultWhoseMessageIsNoString()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer("failed", "{\"success\":false,\"message\":10016}"), "failed");
        final GatewayHarness.Response after = order(order);
        assertEquals("rejected", after.at("status"), after.body());
        assertEquals("10016", after.at("reject_message"), after.body());

        final GatewayHarness.Response next = gateway.buy("mt5-1", "0.10");
        settled(answer("executed", "{\"success\":true,\"message\":{\"retcode\":10009},\"details\":{\"ticket\":\"558\",\"price\":1.08428}}"), "executed");
        assertEquals("filled", order(next).at("status"));
    }

    /** A failed result books nothing: a number in it finer than the wire holds is not read, not refused. */
    @Test
    void shouldIgnoreAFailedResultsNumberFinerThanTheWire()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer("failed", "{\"success\":false,\"message\":\"Off quotes\",\"details\":{\"price\":1.084281234567,\"profit\":1e400}}"), "failed");
        assertEquals("rejected", order(order).at("status"));
    }

    /**
     * Without a status, {@code success: false} settles the result as failed: the status is executed or failed, and
     * executed with success false is taken as failed already, so either one means the order failed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "\"status\":1,", "\"status\":false,", "\"status\":NaN,", "\"status\":[\"executed\"],"})
    void shouldSettleAnUnsuccessfulResultWithoutAStatusAsFailed(final String status)
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");
        settled(gateway.call("PATCH", "/api/executor/" + executor.id() + "/command", "{\"commandId\":\"" + commandId + "\"," + status
            + "\"result\":{\"success\":false,\"message\":\"No money\"}}", executor.key(), executor.secret()), "failed");
        final GatewayHarness.Response after = order(order);
        assertEquals("rejected", after.at("status"), after.body());
        assertEquals("No money", after.at("reject_message"), after.body());
    }

    /** Without success false, a result without a status says nothing of its outcome that could be read without guessing. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"success\":true}", "{\"success\":\"n/a\"}", "{\"message\":\"done\"}"})
    void shouldStillRefuseAResultWithoutAStatusThatIsNotUnsuccessful(final String result)
    {
        gateway.buy("mt5-1", "0.10");
        final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");
        final GatewayHarness.Response refused = gateway.call("PATCH", "/api/executor/" + executor.id() + "/command",
            "{\"commandId\":\"" + commandId + "\",\"result\":" + result + "}", executor.key(), executor.secret());
        assertEquals(400, refused.status(), refused.body());
        assertEquals("status is required (executed or failed)", refused.at("error"), refused.body());
    }

    /**
     * {@code success: false} with a status that is neither executed nor failed ({@code "error"}, {@code "rejected"}): the
     * result failed whichever of the two it meant, so it is settled failed, not refused to be executed again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"error", "rejected", "ERROR", "cancelled", ""})
    void shouldSettleAnUnsuccessfulResultWhoseStatusIsUnknownAsFailed(final String status)
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer(status, "{\"success\":false,\"message\":\"No money\"}"), "failed");
        final GatewayHarness.Response after = order(order);
        assertEquals("rejected", after.at("status"), after.body());
        assertEquals("No money", after.at("reject_message"), after.body());
    }

    /** Without success false, an unknown status says nothing of the outcome that could be read without guessing. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"success\":true}", "{\"success\":\"n/a\"}", "{\"message\":\"done\"}", "\"paused\""})
    void shouldStillRefuseAResultWhoseStatusIsUnknownThatIsNotUnsuccessful(final String result)
    {
        gateway.buy("mt5-1", "0.10");
        final GatewayHarness.Response refused = answer("error", result);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("status must be executed or failed", refused.at("error"), refused.body());
        assertEquals(1, ((List<?>)gateway.heartbeat(executor).at("pendingCommands")).size(), "still pending");
    }
}
