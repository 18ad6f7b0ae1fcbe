package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Every route that takes a leverage refuses one a venue would not take (zero, negative, fractional, above 1000: the most an
 * account takes) with 400 {@code VALIDATION_ERROR} on the field, and changes nothing: an expert's strategy on a paper
 * account (create and {@code PUT .../strategy}) and seed 003's group execute. (Accounts and futures settings were already
 * checked; a futures account's expert is held to 125 by the engine: ExchangeExpertsHttpTest.)
 */
class ExpertLeverageHttpTest
{
    private static final List<String> REFUSED = List.of("0", "-1", "2.5", "0.5", "1001", "\"7.25\"");

    @TempDir
    static Path dataDir;
    static TestGateway gateway;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
        assertEquals(201, gateway.createAccount("lev-a", "100000").status());
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
        assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"lev-g\", \"accounts\": [\"lev-a\"]}").status());
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void anExpertsLeverageMustBeAWholeNumberFromOneToAThousand()
    {
        final int expertsBefore = gateway.get("/api/v1/experts/exp_1").status();
        for (final String leverage : REFUSED)
        {
            final Reply refused = gateway.post("/api/v1/experts",
                "{\"account_id\": \"lev-a\", \"strategy_config\": {\"symbol\": \"EURUSD\", \"leverage\": " + leverage + "}}");
            assertRefused(refused, "strategy_config.leverage", leverage);
        }
        assertEquals(expertsBefore, gateway.get("/api/v1/experts/exp_1").status(), "no expert was made");

        final Reply created = gateway.post("/api/v1/experts", "{\"account_id\": \"lev-a\", \"strategy_config\": {\"symbol\": \"EURUSD\", \"leverage\": 1000}}");
        assertEquals(201, created.status(), created::toString);
        final String expertId = created.text("expert_id");
        for (final String leverage : REFUSED)
        {
            final Reply refused = gateway.send("PUT", "/api/v1/experts/" + expertId + "/strategy", "{\"leverage\": " + leverage + "}", TestGateway.ADMIN);
            assertRefused(refused, "leverage", leverage);
        }
        final BigDecimal kept = gateway.get("/api/v1/experts/" + expertId).json().path("strategy_config").path("leverage").decimalValue();
        assertEquals(0, new BigDecimal("1000").compareTo(kept), "the leverage is unchanged: " + kept);
        assertEquals(200, gateway.send("PUT", "/api/v1/experts/" + expertId + "/strategy", "{\"leverage\": \"20\"}", TestGateway.ADMIN).status());
    }

    @Test
    void aGroupExecutesLeverageMustBeAWholeNumberFromOneToAThousand()
    {
        for (final String leverage : REFUSED)
        {
            final Reply refused = gateway.post("/api/v1/trading/group/lev-g/execute",
                "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"order_type\": \"market\", \"risk_percentage\": 1, \"leverage\": " + leverage + "}");
            assertRefused(refused, "leverage", leverage);
        }
        assertEquals(0, gateway.get("/api/v1/orders?account_id=lev-a").json().path("orders").size(), "no order was placed");
    }

    private static void assertRefused(final Reply refused, final String field, final String leverage)
    {
        assertEquals(400, refused.status(), () -> leverage + ": " + refused);
        assertEquals("VALIDATION_ERROR", refused.json().path("error").path("code").asText(), () -> leverage + ": " + refused);
        assertEquals(field, refused.json().path("error").path("field").asText(), () -> leverage + ": " + refused);
    }
}
