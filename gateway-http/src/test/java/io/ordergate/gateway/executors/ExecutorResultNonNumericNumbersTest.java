package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 000's executors post their results with Python's {@code json.dumps}, which writes a float MT5 did not have as
 * {@code NaN}, {@code Infinity} or {@code -Infinity}. Refused as invalid JSON, the result would leave its command pending,
 * handed out and executed again (a second position for one open): on the result and trade report routes such a number
 * is a value that cannot be read, as {@code "n/a"} is. Every other route still refuses it as invalid JSON.
 */
class ExecutorResultNonNumericNumbersTest extends QuotedExecutorTest
{
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void shouldSettleAFailedResultWhoseNumbersAreNotNumbers(final String notANumber)
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        final GatewayHarness.Response answer = answer("failed", "{\"success\":false,\"message\":\"Off quotes\",\"details\":{\"ticket\":"
            + notANumber + ",\"price\":" + notANumber + ",\"lots\":" + notANumber + ",\"profit\":" + notANumber + "}}");
        settled(answer, "failed");
        final GatewayHarness.Response after = order(order);
        assertEquals("rejected", after.at("status"), after.body());
        assertEquals("Off quotes", after.at("reject_message"), after.body());
    }

    /** A number the gateway would book: never guessed. The command stays pending for a result that can be read. */
    @ParameterizedTest
    @ValueSource(strings = {"price:NaN", "lots:Infinity", "price:-Infinity", "ticket:NaN"})
    void shouldRefuseAnExecutedResultWhoseBookedNumberIsNotANumber(final String fieldAndValue)
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        final String field = fieldAndValue.substring(0, fieldAndValue.indexOf(':'));
        final String value = fieldAndValue.substring(field.length() + 1);
        final String details = "{\"ticket\":\"570\",\"price\":1.08428,\"lots\":0.1}".replaceFirst("\"" + field + "\":[^,}]+", "\"" + field + "\":" + value);
        final GatewayHarness.Response refused = answer("executed", "{\"success\":true,\"details\":" + details + "}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("VALIDATION_ERROR", refused.at("code"), refused.body());
        assertEquals(field + (field.equals("ticket") ? " must be an MT5 ticket number" : " must be a decimal number"), refused.at("error"));
        assertEquals("routed", order(order).at("status"), "nothing booked");

        settled(answer("executed", "{\"success\":true,\"details\":{\"ticket\":\"570\",\"price\":1.08428,\"lots\":0.1}}"), "executed");
        assertEquals("filled", order(order).at("status"));
    }

    /** CLOSE_ALL_POSITIONS' totalProfit, an account's margin level: values nothing books are not read, so not refused. */
    @Test
    void shouldSettleAnExecutedResultWhoseUnreadNumbersAreNotNumbers()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        settled(answer("executed", "{\"success\":true,\"details\":{\"ticket\":\"571\",\"price\":1.08428,\"lots\":0.1,\"totalProfit\":NaN,"
            + "\"marginLevel\":Infinity,\"history\":[-Infinity,{\"swap\":NaN}]},\"retcode\":NaN}"), "executed");
        assertEquals("filled", order(order).at("status"));
    }

    @Test
    void shouldTakeATradeReportWhoseUnreadNumberIsNotANumberAndRefuseOneWhoseBookedNumberIs()
    {
        final String open = "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"6001\",\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"lots\":0.1,"
            + "\"openPrice\":1.08428,\"pips\":NaN}";
        assertEquals(200, gateway.call("POST", "/api/trade", open, executor.key(), executor.secret()).status());
        final GatewayHarness.Response close = gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"6001\","
            + "\"closePrice\":1.0851,\"profit\":NaN}", executor.key(), executor.secret());
        assertEquals(400, close.status(), close.body());
        assertEquals("profit must be a decimal number", close.at("error"), close.body());
        assertEquals(1, ((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).size(), "still open");
    }

    @Test
    void shouldStillRefuseNonNumericNumbersOnEveryOtherRoute()
    {
        final GatewayHarness.Response heartbeat = gateway.call("POST", "/api/executor/" + executor.id() + "/heartbeat",
            "{\"status\":\"online\",\"metadata\":{\"equity\":NaN}}", executor.key(), executor.secret());
        assertEquals(400, heartbeat.status(), heartbeat.body());
        assertEquals("INVALID_JSON", heartbeat.at("code"), heartbeat.body());
        final GatewayHarness.Response order = gateway.admin("POST", "/api/v1/orders",
            "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"limit\",\"price\":NaN,\"quantity\":0.1}");
        assertEquals(400, order.status(), order.body());
        assertEquals("INVALID_JSON", order.at("error", "code"), order.body());
    }

    /** A connection test's accountInfo is answered as the terminal sent it: a number Python had no value for as null, valid JSON. */
    @Test
    void shouldAnswerAnAccountInfosNonNumericNumbersAsNull()
    {
        final CompletableFuture<GatewayHarness.Response> tested = CompletableFuture.supplyAsync(() -> gateway.admin("POST", "/api/mt5/test-connection",
            "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":777,\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}"));
        GatewayHarness.await("the test command", () -> !((List<?>)gateway.heartbeat(executor).at("pendingCommands")).isEmpty());
        settled(answer("executed", "{\"success\":true,\"message\":\"Connection successful\",\"details\":{\"accountInfo\":{\"login\":777,"
            + "\"margin_level\":NaN,\"margin_free\":-Infinity,\"limits\":[Infinity,1e5],\"name\":\"NaN \\\"Infinity\\\"\"}}}"), "executed");
        final GatewayHarness.Response answer = tested.join();
        assertEquals(200, answer.status(), answer.body());
        final Map<?, ?> info = (Map<?, ?>)answer.at("accountInfo");
        assertEquals(new BigDecimal("777"), info.get("login"), answer.body());
        assertTrue(info.containsKey("margin_level") && info.get("margin_level") == null, answer.body());
        assertTrue(info.containsKey("margin_free") && info.get("margin_free") == null, answer.body());
        final List<?> limits = (List<?>)info.get("limits");
        assertEquals(Arrays.asList(null, 100_000), Arrays.asList(limits.get(0), ((BigDecimal)limits.get(1)).intValueExact()), answer.body());
        assertEquals("NaN \"Infinity\"", info.get("name"), "a string is kept as sent");
    }
}
