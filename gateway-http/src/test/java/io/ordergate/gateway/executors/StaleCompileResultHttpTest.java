package io.ordergate.gateway.executors;

import static io.ordergate.gateway.executors.EaAgents.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002 over real HTTP, the agent played by hand: a version compiled twice whose agent answers the newer compile
 * first keeps the newer compile's outcome; the older job's late result settles that job only.
 */
class StaleCompileResultHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTheNewerCompilesOutcomeWhenTheOlderCompilesResultComesLast() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, AgentsAndEasHttpTest.YAML))
        {
            final EaAgents.Paired paired = EaAgents.paired(gateway, "ann@example.com");
            final String ann = paired.token();
            final String agentId = paired.agentId();
            final String key = paired.key();
            final String versionId = paired.versionId();
            final String older = compile(gateway, versionId, ann);
            final String newer = compile(gateway, versionId, ann);
            assertEquals(older, agent(gateway, "GET", agentId, "/jobs/next", null, key).at("job_id"));
            assertEquals(newer, agent(gateway, "GET", agentId, "/jobs/next", null, key).at("job_id"));

            final byte[] build = "EX5 of the newer compile".getBytes(StandardCharsets.UTF_8);
            assertEquals(200, agent(gateway, "POST", agentId, "/jobs/" + newer + "/result", "{\"status\":\"completed\",\"result\":"
                + "{\"artifact_base64\":\"" + Base64.getEncoder().encodeToString(build) + "\"},\"logs\":\"built\"}", key).status());
            final GatewayHarness.Response late = agent(gateway, "POST", agentId, "/jobs/" + older + "/result",
                "{\"status\":\"failed\",\"logs\":\"the older compile failed\"}", key);
            assertEquals(200, late.status(), late.body());
            assertEquals("failed", late.at("status"), "the older job is settled as its result says");

            final GatewayHarness.Response artifacts = gateway.bearer("GET", "/api/v1/ea/versions/" + versionId + "/artifacts", null, ann);
            assertEquals("compiled", artifacts.at("status"), "the newer compile's outcome stands: " + artifacts.body());
            final Map<?, ?> ex5 = (Map<?, ?>)AgentsAndEasHttpTest.artifacts(gateway, versionId, ann).stream()
                .filter(a -> "EX5".equals(((Map<?, ?>)a).get("kind"))).findFirst().orElseThrow();
            assertEquals(AgentsAndEasHttpTest.sha(build), ex5.get("sha256"));

            final Object digest = gateway.admin("GET", "/api/v1/state/digest", null).at("digest");
            assertEquals(digest, gateway.closeAndCheckSnapshot(), "replays the same");
        }
    }

    private static String compile(final GatewayHarness gateway, final String versionId, final String token)
    {
        final GatewayHarness.Response queued = gateway.bearer("POST", "/api/v1/ea/versions/" + versionId + "/compile", "{}", token);
        assertEquals(202, queued.status(), queued.body());
        return (String)queued.at("job_id");
    }
}
