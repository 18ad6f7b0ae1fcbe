package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Stops given in pips or percent so far that the price would leave a long (a pip of 10 at 8 digits is 10^9 price
 * units): over HTTP each is 400 VALIDATION_ERROR on its field, and the engine goes on answering the next order.
 */
class OrderStopRangeHttpTest
{
    private static final String BIG_PIP = String.join("\n",
        "  - { symbol: BIGPIP, digits: 8, pip_size: 10, contract_size: 1, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 10, base_currency: BIG, quote_currency: USD,",
        "      demo_bid: 1.00000000, demo_ask: 1.00000010 }",
        "accounts:");

    @TempDir
    Path dataDir;

    @Test
    void stopsPastALongAreValidationErrorsAndTheEngineGoesOn()
    {
        try (TestGateway gateway = TestGateway.startEdited(dataDir, c -> c.replace("\naccounts:", "\n" + BIG_PIP)))
        {
            assertEquals(202, gateway.quote("BIGPIP", "1.00000000", "1.00000010").status());
            refused(gateway, "stop_loss_pips", "\"side\":\"buy\",\"stop_loss_pips\":92233720368.5");
            refused(gateway, "take_profit_pips", "\"side\":\"buy\",\"take_profit_pips\":\"9223372036.8547758\"");
            refused(gateway, "trailing_stop_pips", "\"side\":\"sell\",\"trailing_stop_pips\":92233720368.5");
            refused(gateway, "take_profit_pct", "\"side\":\"buy\",\"take_profit_pct\":92233720368.5");

            final Reply placed = gateway.order("{\"account_id\":\"paper-1\",\"symbol\":\"BIGPIP\",\"type\":\"market\","
                + "\"quantity\":1,\"side\":\"buy\",\"stop_loss_pips\":\"0.005\",\"take_profit_pips\":\"0.01\"}");
            assertEquals(201, placed.status(), placed::toString);
            assertEquals("0.9500001", placed.json().path("stop_loss").decimalValue().toPlainString(), placed::toString);
            assertEquals("1.1000001", placed.json().path("take_profit").decimalValue().toPlainString(), placed::toString);
        }
    }

    private static void refused(final TestGateway gateway, final String field, final String sideAndStop)
    {
        final Reply reply = gateway.order("{\"account_id\":\"paper-1\",\"symbol\":\"BIGPIP\",\"type\":\"market\",\"quantity\":1,"
            + sideAndStop + "}");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("VALIDATION_ERROR", reply.errorCode(), reply::toString);
        assertEquals(field, reply.errorField(), reply::toString);
    }
}
