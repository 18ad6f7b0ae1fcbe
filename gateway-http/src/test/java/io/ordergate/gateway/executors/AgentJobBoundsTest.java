package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static io.ordergate.gateway.executors.EaAgents.agent;
import static io.ordergate.gateway.executors.EaAgents.generate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's bounds over real HTTP, agents played by hand: a recompile replaces its version's EX5 instead of taking a
 * new place of the artifact table, and an agent that never polls holds at most {@code ea.max_jobs_per_agent} places of
 * the job table, never the slot the ring comes back to, so every other agent keeps getting jobs.
 */
class AgentJobBoundsTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldReplaceTheEx5OfARecompiledVersionSoRecompilesNeverFillTheArtifactTable() throws Exception
    {
        // two versions: the artifact table holds 4 (an MQ5 and an EX5 each); three compiles of the first used to take all 4
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, with("max_versions: 2")))
        {
            final EaAgents.Paired paired = EaAgents.paired(gateway, "ann@example.com");
            final String ann = paired.token();
            final String agentId = paired.agentId();
            final String key = paired.key();
            final String versionId = paired.versionId();

            String firstEx5Id = null;
            byte[] build = null;
            for (int i = 1; i <= 3; i++)
            {
                build = ("EX5 build " + i).getBytes(StandardCharsets.UTF_8);
                assertEquals("completed", compile(gateway, versionId, agentId, key, ann, build).at("status"));
                final Map<?, ?> ex5 = ex5(gateway, versionId, ann);
                firstEx5Id = firstEx5Id == null ? (String)ex5.get("artifact_id") : firstEx5Id;
                assertEquals(firstEx5Id, ex5.get("artifact_id"), "compile " + i + " replaced the EX5 in its place");
                assertEquals(AgentsAndEasHttpTest.sha(build), ex5.get("sha256"));
                assertEquals(2, AgentsAndEasHttpTest.artifacts(gateway, versionId, ann).size(), "one MQ5 and one EX5 after compile " + i);
            }
            assertArrayEquals(build, AgentsAndEasHttpTest.download(gateway, (String)ex5(gateway, versionId, ann).get("download_url"),
                "Bearer " + ann), "the download is the last build");
            assertEquals("compiled", gateway.bearer("GET", "/api/v1/ea/versions/" + versionId + "/artifacts", null, ann).at("status"));
            generate(gateway, paired.project(), ann);  // 201: the recompiles left the second version's places free

            final Object digest = gateway.admin("GET", "/api/v1/state/digest", null).at("digest");
            assertEquals(digest, gateway.closeAndCheckSnapshot(), "the replaced EX5 replays the same");
        }
    }

    @Test
    void shouldKeepGivingJobsToEveryAgentWhileOneNeverPolls() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false,
            with("max_jobs: 16, max_jobs_per_agent: 4")))
        {
            final String ann = AgentsAndEasHttpTest.signup(gateway, "ann@example.com");
            final Map<String, Object> pairedSilent = gateway.bearer("POST", "/api/v1/agents/pair", "{}", ann).json();
            final String silent = (String)pairedSilent.get("agent_id");
            final Map<String, Object> paired = gateway.bearer("POST", "/api/v1/agents/pair", "{}", ann).json();
            final String agentId = (String)paired.get("agent_id");
            final String key = (String)paired.get("pairing_key");
            final String project = (String)gateway.bearer("POST", "/api/v1/ea/projects", "{\"name\":\"P\"}", ann).at("project_id");
            final String versionId = generate(gateway, project, ann);

            final String toSilent = "{\"agent_id\":\"" + silent + "\"}";
            for (int i = 1; i <= 4; i++)
            {
                final GatewayHarness.Response queued = gateway.bearer("POST", "/api/v1/ea/versions/" + versionId + "/compile", toSilent, ann);
                assertEquals(202, queued.status(), queued.body());
                assertEquals("job_" + i, queued.at("job_id"));
            }
            final GatewayHarness.Response busy = gateway.bearer("POST", "/api/v1/ea/versions/" + versionId + "/compile", toSilent, ann);
            assertEquals(422, busy.status(), busy.body());
            assertEquals("EXECUTOR_BUSY", busy.at("error", "code"));
            assertTrue(((String)busy.at("error", "message")).contains("ea.max_jobs_per_agent"), busy.body());

            // three laps of the 16-slot ring for the agent that polls: its jobs pass over the 4 slots the silent one holds
            for (int i = 0; i < 48; i++)
            {
                final GatewayHarness.Response done = compile(gateway, versionId, agentId, key, ann, ("EX5 " + i).getBytes(StandardCharsets.UTF_8));
                assertEquals("completed", done.at("status"), "compile " + i + ": " + done.body());
            }
            assertEquals("job_1", agent(gateway, "GET", silent, "/jobs/next", null, (String)pairedSilent.get("pairing_key")).at("job_id"),
                "the silent agent, back at last, gets its oldest job, three laps old");

            final Object digest = gateway.admin("GET", "/api/v1/state/digest", null).at("digest");
            assertEquals(digest, gateway.closeAndCheckSnapshot(), "the passed-over sequences replay the same");
        }
    }

    @Test
    void shouldTakeAnEx5OfExactlyTheMaximumSizeWhateverItsBase64PaddingOrLineBreaks() throws Exception
    {
        // ea.max_artifact_bytes is 16384 here: its base64 is padded (16384 is not a multiple of 3) and its length * 3 / 4 is 16386
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, AgentsAndEasHttpTest.YAML))
        {
            final EaAgents.Paired paired = EaAgents.paired(gateway, "ann@example.com");
            final String ann = paired.token();
            final String agentId = paired.agentId();
            final String key = paired.key();
            final String versionId = paired.versionId();

            final byte[] largest = new byte[16_384];
            java.util.Arrays.fill(largest, (byte)'x');
            assertEquals(200, result(gateway, versionId, agentId, key, ann, Base64.getEncoder().encodeToString(largest)).status(),
                "an EX5 of exactly ea.max_artifact_bytes is taken");
            assertEquals(AgentsAndEasHttpTest.sha(largest), ex5(gateway, versionId, ann).get("sha256"));
            largest[0] = 'y';
            final String wrapped = Base64.getMimeEncoder().encodeToString(largest).replace("\r\n", "\\r\\n");
            assertEquals(200, result(gateway, versionId, agentId, key, ann, wrapped).status(), "its base64 in MIME lines too");
            assertEquals(AgentsAndEasHttpTest.sha(largest), ex5(gateway, versionId, ann).get("sha256"));

            final GatewayHarness.Response tooLarge = result(gateway, versionId, agentId, key, ann,
                Base64.getEncoder().encodeToString(new byte[16_385]));
            assertEquals(413, tooLarge.status(), "one byte more is refused: " + tooLarge.body());
            assertEquals(AgentsAndEasHttpTest.sha(largest), ex5(gateway, versionId, ann).get("sha256"), "the refused build changed nothing");
        }
    }

    /** A compile for the agent, taken by it and answered with this base64 (as JSON string content): the result's answer. */
    private static GatewayHarness.Response result(final GatewayHarness gateway, final String versionId, final String agentId, final String key,
        final String token, final String base64)
    {
        final GatewayHarness.Response queued = gateway.bearer("POST", "/api/v1/ea/versions/" + versionId + "/compile",
            "{\"agent_id\":\"" + agentId + "\"}", token);
        assertEquals(202, queued.status(), queued.body());
        final String job = (String)queued.at("job_id");
        assertEquals(job, agent(gateway, "GET", agentId, "/jobs/next", null, key).at("job_id"));
        return agent(gateway, "POST", agentId, "/jobs/" + job + "/result", "{\"status\":\"completed\",\"result\":"
            + "{\"artifact_base64\":\"" + base64 + "\",\"artifact_name\":\"X.ex5\"}}", key);
    }

    private static String with(final String eaKeys)
    {
        return AgentsAndEasHttpTest.YAML.replace("generations_per_hour: 6", "generations_per_hour: 6, " + eaKeys);
    }

    /** A compile for the agent, taken by it (jobs/next) and answered with this EX5: the result's answer. */
    private static GatewayHarness.Response compile(final GatewayHarness gateway, final String versionId, final String agentId, final String key,
        final String token, final byte[] ex5)
    {
        final GatewayHarness.Response done = result(gateway, versionId, agentId, key, token, Base64.getEncoder().encodeToString(ex5));
        assertEquals(200, done.status(), done.body());
        return done;
    }

    private static Map<?, ?> ex5(final GatewayHarness gateway, final String versionId, final String token)
    {
        return (Map<?, ?>)AgentsAndEasHttpTest.artifacts(gateway, versionId, token).stream().filter(a -> "EX5".equals(((Map<?, ?>)a).get("kind")))
            .findFirst().orElseThrow();
    }
}
