package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.Map;

/** A trader with a paired MT5 agent and a generated EA version, as the agent-job tests start from; and the agent's calls. */
final class EaAgents
{
    /** The trader's bearer token, the paired agent's id and key, the EA project and its generated version. */
    record Paired(String token, String agentId, String key, String project, String versionId)
    {
    }

    private EaAgents()
    {
    }

    static Paired paired(final GatewayHarness gateway, final String email)
    {
        final String token = AgentsAndEasHttpTest.signup(gateway, email);
        final Map<String, Object> pairing = gateway.bearer("POST", "/api/v1/agents/pair", "{}", token).json();
        final String project = (String)gateway.bearer("POST", "/api/v1/ea/projects", "{\"name\":\"P\"}", token).at("project_id");
        return new Paired(token, (String)pairing.get("agent_id"), (String)pairing.get("pairing_key"), project, generate(gateway, project, token));
    }

    /** A new version of the project, generated from the seed's strategy description. */
    static String generate(final GatewayHarness gateway, final String project, final String token)
    {
        final GatewayHarness.Response version = gateway.bearer("POST", "/api/v1/ea/generate", "{\"project_id\":\"" + project
            + "\",\"strategy_description\":\"" + AgentsAndEasHttpTest.SEED_DESCRIPTION + "\"}", token);
        assertEquals(201, version.status(), version.body());
        return (String)version.at("version_id");
    }

    /** A call of the agent's own routes, under its pairing key. */
    static GatewayHarness.Response agent(final GatewayHarness gateway, final String method, final String agentId, final String path,
        final String body, final String key)
    {
        return gateway.call(method, "/api/v1/agents/" + agentId + path, body, new String[] {"X-Agent-Key", key});
    }

    /** A compile of the paired version queued for the paired agent and taken by it: its job id. */
    static String takenCompile(final GatewayHarness gateway, final Paired paired)
    {
        return takenCompile(gateway, paired, paired.versionId());
    }

    /** A compile of the version queued for the paired agent and taken by it: its job id. */
    static String takenCompile(final GatewayHarness gateway, final Paired paired, final String versionId)
    {
        final GatewayHarness.Response queued = gateway.bearer("POST", "/api/v1/ea/versions/" + versionId + "/compile",
            "{\"agent_id\":\"" + paired.agentId() + "\"}", paired.token());
        assertEquals(202, queued.status(), queued.body());
        final String job = (String)queued.at("job_id");
        assertEquals(job, agent(gateway, "GET", paired.agentId(), "/jobs/next", null, paired.key()).at("job_id"));
        return job;
    }

    /** The agent's result of a compile job, with an EX5. */
    static GatewayHarness.Response compileResult(final GatewayHarness gateway, final Paired paired, final String job, final String status,
        final byte[] ex5)
    {
        return agent(gateway, "POST", paired.agentId(), "/jobs/" + job + "/result", "{\"status\":\"" + status + "\",\"result\":"
            + "{\"artifact_base64\":\"" + Base64.getEncoder().encodeToString(ex5) + "\",\"artifact_name\":\"X.ex5\"}}", paired.key());
    }
}
