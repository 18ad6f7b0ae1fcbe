package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's bad input over real HTTP, an agent played by hand: a wrong or another agent's key, another agent's job, a
 * result for a finished job, an artifact over the bound or with a wrong hash, a description the generator cannot
 * read, the generation limit, bad pages: each a clear error, nothing changed, nothing doubled.
 */
class AgentsInputTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseBadAgentsJobsArtifactsAndDescriptionsChangingNothing() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, AgentsAndEasHttpTest.YAML))
        {
            final String ann = AgentsAndEasHttpTest.signup(gateway, "ann@example.com");
            final Map<String, Object> a = gateway.bearer("POST", "/api/v1/agents/pair", "{\"agent_name\":\"A\"}", ann).json();
            final Map<String, Object> b = gateway.bearer("POST", "/api/v1/agents/pair", "{}", ann).json();
            final String agentA = (String)a.get("agent_id");
            final String keyA = (String)a.get("pairing_key");
            final String keyB = (String)b.get("pairing_key");

            assertEquals(401, agent(gateway, "GET", agentA, "/jobs/next", null, "pk_live_wrong").status());
            assertEquals(401, agent(gateway, "GET", agentA, "/jobs/next", null, keyB).status(), "B's key is not A's");
            assertEquals(401, gateway.call("GET", "/api/v1/agents/" + agentA + "/jobs/next", null, new String[0]).status());
            assertEquals(Map.of("no_jobs", true), agent(gateway, "GET", agentA, "/jobs/next", null, keyA).json());
            assertEquals(Map.of("acknowledged", true), agent(gateway, "POST", agentA, "/heartbeat",
                "{\"status\":\"online\",\"metrics\":{\"cpu_percent\":15.2,\"memory_percent\":42.8,\"active_eas\":3}}", keyA).json());

            final String project = (String)gateway.bearer("POST", "/api/v1/ea/projects", "{\"name\":\"P\"}", ann).at("project_id");
            final GatewayHarness.Response refused = gateway.bearer("POST", "/api/v1/ea/generate", "{\"project_id\":\"" + project
                + "\",\"strategy_description\":\"Use a neural network with martingale on EURUSD H1, RSI below 30\"}", ann);
            assertEquals(400, refused.status(), refused.body());
            assertEquals("strategy_description", refused.at("error", "field"));
            assertTrue(((String)refused.at("error", "message")).contains("\"neural network\"")
                && ((String)refused.at("error", "message")).contains("\"martingale\""), refused.body());
            assertEquals(400, gateway.bearer("POST", "/api/v1/ea/generate", "{\"project_id\":\"" + project
                + "\",\"strategy_description\":\"trade EURUSD on H1 with a 20 pip stop\"}", ann).status(), "no entry rule");
            final String versionId = (String)gateway.bearer("POST", "/api/v1/ea/generate", "{\"project_id\":\"" + project
                + "\",\"strategy_description\":\"" + AgentsAndEasHttpTest.SEED_DESCRIPTION + "\"}", ann).at("version_id");

            final String job = (String)gateway.bearer("POST", "/api/v1/ea/versions/" + versionId + "/compile",
                "{\"agent_id\":\"" + agentA + "\"}", ann).at("job_id");
            assertEquals(job, agent(gateway, "GET", agentA, "/jobs/next", null, keyA).at("job_id"));
            final String agentB = (String)b.get("agent_id");
            assertEquals(404, agent(gateway, "POST", agentB, "/jobs/" + job + "/result", "{\"status\":\"completed\"}", keyB).status(),
                "another agent's job");
            final String huge = Base64.getEncoder().encodeToString(new byte[20_000]);
            assertEquals(413, agent(gateway, "POST", agentA, "/jobs/" + job + "/result",
                "{\"status\":\"completed\",\"result\":{\"artifact_base64\":\"" + huge + "\"}}", keyA).status(), "over ea.max_artifact_bytes");
            final String small = Base64.getEncoder().encodeToString("EX5".getBytes());
            final GatewayHarness.Response badHash = agent(gateway, "POST", agentA, "/jobs/" + job + "/result",
                "{\"status\":\"completed\",\"result\":{\"artifact_base64\":\"" + small + "\",\"artifact_sha256\":\"" + "0".repeat(64) + "\"}}", keyA);
            assertEquals(400, badHash.status(), badHash.body());
            final GatewayHarness.Response empty = agent(gateway, "POST", agentA, "/jobs/" + job + "/result",
                "{\"status\":\"completed\",\"result\":{\"artifact_base64\":\"\"}}", keyA);
            assertEquals(400, empty.status(), "an empty EX5 is no build: " + empty.body());
            assertEquals("result.artifact_base64", empty.at("error", "field"));
            assertEquals(400, agent(gateway, "POST", agentA, "/jobs/" + job + "/result", "{\"status\":\"maybe\"}", keyA).status());
            final GatewayHarness.Response bulky = agent(gateway, "POST", agentA, "/jobs/" + job + "/result",
                "{\"status\":\"completed\",\"result\":{\"notes\":\"" + "x".repeat(5000) + "\"}}", keyA);
            assertEquals(413, bulky.status(), "a result object over 4 KiB is refused, not cut: " + bulky.body());
            assertEquals("result", bulky.at("error", "field"));
            assertEquals(1, AgentsAndEasHttpTest.artifacts(gateway, versionId, ann).size(), "nothing stored from the refused results");

            final GatewayHarness.Response done = agent(gateway, "POST", agentA, "/jobs/" + job + "/result", "{\"status\":\"completed\",\"result\":"
                + "{\"artifact_base64\":\"" + small + "\",\"artifact_name\":\"X.ex5\",\"compilation_time_ms\":3},\"logs\":\"0 errors\"}", keyA);
            assertEquals(Map.of("acknowledged", true, "job_id", job, "status", "completed"), done.json());
            final GatewayHarness.Response again = agent(gateway, "POST", agentA, "/jobs/" + job + "/result",
                "{\"status\":\"completed\",\"result\":{\"artifact_base64\":\"" + small + "\"}}", keyA);
            assertEquals(409, again.status(), "a result for a finished job");
            assertEquals(2, AgentsAndEasHttpTest.artifacts(gateway, versionId, ann).size(), "nothing doubled");
            assertEquals(Map.of("no_jobs", true), agent(gateway, "GET", agentA, "/jobs/next", null, keyA).json());

            assertEquals(400, gateway.bearer("GET", "/api/v1/ea/projects?page_size=0", null, ann).status());
            assertEquals(400, gateway.bearer("GET", "/api/v1/ea/projects?sort=name", null, ann).status());
            assertEquals(400, gateway.bearer("POST", "/api/v1/deployments", "{\"version_id\":\"" + versionId + "\"}", ann).status(), "symbol");
            assertEquals(404, gateway.bearer("POST", "/api/v1/deployments", "{\"version_id\":\"ver_99\",\"symbol\":\"EURUSD\"}", ann).status());

            for (int i = 0; i < 3; i++)
            {
                assertEquals(201, gateway.bearer("POST", "/api/v1/ea/generate", "{\"project_id\":\"" + project
                    + "\",\"strategy_description\":\"RSI below 25, above 75 on GBPUSD\"}", ann).status());
            }
            final GatewayHarness.Response limited = gateway.bearer("POST", "/api/v1/ea/generate", "{\"project_id\":\"" + project
                + "\",\"strategy_description\":\"20-bar breakout on EURUSD\"}", ann);
            assertEquals(429, limited.status(), "6 generations an hour here: 2 refused (counted too) and 4 made");
            assertTrue(Integer.parseInt(limited.raw().headers().firstValue("Retry-After").orElse("0")) > 0);
            assertEquals(new BigDecimal("4"), gateway.bearer("GET", "/api/v1/ea/projects", null, ann).at("projects", 0, "latest_version",
                "version_number"));
        }
    }

    private static GatewayHarness.Response agent(final GatewayHarness gateway, final String method, final String agentId, final String path,
        final String body, final String key)
    {
        return gateway.call(method, "/api/v1/agents/" + agentId + path, body, new String[] {"X-Agent-Key", key});
    }
}
