package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Seed 003's {@code target_monthly_roi} of 0 (to break even) is a target: the group and its performance show 0, and
 * {@code target_met} is judged against it. It used to be stored as 0 meaning "none" and shown as null. A group made
 * without one shows null, and null in a PATCH removes one.
 */
class GroupMonthlyTargetHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void aTargetOfZeroIsShownAndJudgedAndNullRemovesIt()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.createAccount("roi-a", "10000").status());
            final Reply made = gateway.post("/api/v1/groups/", "{\"name\": \"breakeven\", \"accounts\": [\"roi-a\"], \"target_monthly_roi\": 0}");
            assertEquals(201, made.status(), made::toString);
            final String groupId = made.json().path("data").path("group").path("id").asText();
            assertEquals("0", target(made), made::toString);

            final JsonNode performance = performance(gateway, groupId);
            assertTrue(performance.path("target_monthly_roi").isNumber(), performance::toString);
            assertEquals(0, performance.path("target_monthly_roi").decimalValue().signum(), performance::toString);
            assertEquals(0, performance.path("actual_monthly_roi").decimalValue().signum(), performance::toString);
            assertEquals(true, performance.path("target_met").asBoolean(false), "no loss meets a target of 0: " + performance);

            final Reply removed = gateway.send("PATCH", "/api/v1/groups/" + groupId, "{\"target_monthly_roi\": null}", TestGateway.ADMIN);
            assertEquals(200, removed.status(), removed::toString);
            assertEquals("null", target(removed), removed::toString);
            final JsonNode without = performance(gateway, groupId);
            assertTrue(without.path("target_monthly_roi").isNull() && without.path("target_met").isNull(), without::toString);

            final Reply none = gateway.post("/api/v1/groups/", "{\"name\": \"aimless\", \"accounts\": [\"roi-a\"]}");
            assertEquals(201, none.status(), none::toString);
            assertEquals("null", target(none), none::toString);
        }
    }

    /** The group's target as its JSON text, from seed 003's envelope or the native shape. */
    private static String target(final Reply reply)
    {
        final JsonNode group = reply.json().path("data").path("group");
        final JsonNode target = (group.isObject() ? group : reply.json()).path("target_monthly_roi");
        return target.isNumber() ? target.decimalValue().toPlainString() : target.isNull() ? "null" : target.toString();
    }

    private static JsonNode performance(final TestGateway gateway, final String groupId)
    {
        final Reply reply = gateway.get("/api/v1/groups/" + groupId + "/performance");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("data").path("performance");
    }
}
