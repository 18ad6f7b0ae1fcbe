package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a result's {@code details} says beyond seed 000's numbers (a close's deal, seed 004's status, account and
 * history page), sent mistyped: a FAILED result books none of it, so none of it refuses the result (refused, the
 * command would stay pending and be executed again); an executed result is refused only for a value it would book
 * that cannot be read exactly. One case per field.
 */
class ExecutorResultMistypedDetailsTest extends QuotedExecutorTest
{

    @ParameterizedTest
    @ValueSource(strings = {
        "\"deal\":\"n/a\"",
        "\"status\":5",
        "\"errorMessage\":{\"code\":1}",
        "\"accountInfo\":\"None\"",
        "\"accountInfo\":[1]",
        "\"accountInfo\":{\"login\":\"None\",\"balance\":\"n/a\",\"equity\":100.123}",
        "\"deals\":\"None\"",
        "\"truncated\":\"maybe\"",
        "\"nextFrom\":\"yesterday\"",
        "\"login\":\"x\"",
    })
    void shouldRejectTheOrderOfAFailedResultWithAMistypedDetail(final String detail)
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        final GatewayHarness.Response answer = answer("failed", "{\"success\":false,\"message\":\"No money\",\"details\":{" + detail + "}}");
        assertEquals(200, answer.status(), detail + ": " + answer.body());
        assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), detail + ": not delivered again");
        final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
        assertEquals("rejected", after.at("status"), after.body());
        assertEquals("No money", after.at("reject_message"), after.body());
    }

    /** Read as sent without guessing: 1 is true, "None" and "" no value, a status that is a number its text. */
    @Test
    void shouldFillAnOrderWhoseExecutedResultCarriesDetailsReadableWithoutGuessing()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        final GatewayHarness.Response answer = answer("executed", "{\"success\":true,\"details\":{\"ticket\":\"560\",\"price\":1.08428,"
            + "\"deal\":null,\"status\":5,\"errorMessage\":{\"code\":1},\"accountInfo\":\"None\",\"truncated\":1,\"nextFrom\":\"\",\"login\":\"None\"}}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again");
        assertEquals("filled", gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null).at("status"));
    }

    /** A deal or an account's balance the gateway would book, unreadable: never guessed, the result refused by its field. */
    @ParameterizedTest
    @ValueSource(strings = {"deal:\"deal\":\"n/a\"", "balance:\"accountInfo\":{\"balance\":\"n/a\"}", "accountInfo:\"accountInfo\":[1]"})
    void shouldRefuseAnExecutedResultWhoseBookedDetailIsUnreadable(final String fieldAndDetail)
    {
        gateway.buy("mt5-1", "0.10");
        final int colon = fieldAndDetail.indexOf(':');
        final GatewayHarness.Response answer = answer("executed", "{\"success\":true,\"details\":{\"ticket\":\"561\",\"price\":1.08428,"
            + fieldAndDetail.substring(colon + 1) + "}}");
        assertEquals(400, answer.status(), answer.body());
        assertTrue(((String)answer.at("error")).startsWith(fieldAndDetail.substring(0, colon) + " "), answer.body());
    }
}
