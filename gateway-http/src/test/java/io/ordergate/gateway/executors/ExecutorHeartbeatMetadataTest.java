package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway: a heartbeat whose metadata is over the 4 KiB the gateway keeps is refused with seed 000's error
 * (HTTP 400, on the WebSocket an error message) instead of being taken with the previous metadata left standing as its
 * own, and /metrics counts each such refusal for the operator.
 */
class ExecutorHeartbeatMetadataTest
{
    private static final Pattern REFUSED = Pattern.compile("^ordergate_executor_heartbeats_refused_metadata_total (\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseAHeartbeatWhoseMetadataIsOverFourKibibytesOnEitherChannelAndCountIt()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, beat(gateway, executor, "first").status());
            final String big = "x".repeat(4200);

            final GatewayHarness.Response refused = beat(gateway, executor, big);
            assertEquals(400, refused.status(), refused.body());
            assertEquals("VALIDATION_ERROR", refused.at("code"), refused.body());
            assertTrue(((String)refused.at("error")).contains("more than the 4096 kept: the heartbeat is refused"), refused.body());
            assertEquals("first", metadataNote(gateway, executor), "the kept metadata is the last heartbeat taken");
            assertEquals(1, refusedCount(gateway));

            try (GatewayHarness.Socket socket = gateway.connect(executor))
            {
                socket.send("{\"type\":\"heartbeat\",\"status\":\"online\",\"metadata\":{\"note\":\"" + big + "\"}}");
                final Map<String, Object> error = socket.next();
                assertEquals("error", error.get("type"), error::toString);
                assertEquals("VALIDATION_ERROR", error.get("code"));
                assertTrue(((String)error.get("error")).contains("more than the 4096 kept"), error::toString);
            }
            assertEquals(2, refusedCount(gateway));
            assertEquals(200, beat(gateway, executor, "second").status());
            assertEquals("second", metadataNote(gateway, executor));
            gateway.closeAndCheckSnapshot();
        }
    }

    private static GatewayHarness.Response beat(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String note)
    {
        return gateway.call("POST", "/api/executor/" + executor.id() + "/heartbeat", "{\"status\":\"online\",\"metadata\":{\"note\":\"" + note + "\"}}",
            executor.key(), executor.secret());
    }

    private static Object metadataNote(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        return gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("metadata", "note");
    }

    private static long refusedCount(final GatewayHarness gateway)
    {
        final Matcher matcher = REFUSED.matcher(gateway.admin("GET", "/metrics", null).body());
        assertTrue(matcher.find(), "the counter is exported");
        return Long.parseLong(matcher.group(1));
    }
}
