package io.ordergate.gateway.executors;

import static io.ordergate.gateway.executors.EaAgents.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002 over real HTTP, the agent played by hand: a deployment's jobs are handed out in order. Its run is not handed
 * out while its deploy is taken and unanswered (an agent working jobs side by side, or one back from a restart before
 * the deploy's lease ends, ran an EA not deployed yet and failed the deployment); another deployment's jobs still are.
 */
class DeploymentJobOrderHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldHoldADeploymentsRunWhileItsDeployIsTakenAndUnanswered() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, AgentsAndEasHttpTest.YAML))
        {
            final EaAgents.Paired paired = EaAgents.paired(gateway, "ann@example.com");
            final String ann = paired.token();
            final String agentId = paired.agentId();
            final String key = paired.key();
            final String versionId = paired.versionId();
            final String compile = (String)gateway.bearer("POST", "/api/v1/ea/versions/" + versionId + "/compile", "{}", ann).at("job_id");
            assertEquals(compile, agent(gateway, "GET", agentId, "/jobs/next", null, key).at("job_id"));
            assertEquals(200, agent(gateway, "POST", agentId, "/jobs/" + compile + "/result", "{\"status\":\"completed\",\"result\":"
                + "{\"artifact_base64\":\"" + Base64.getEncoder().encodeToString("EX5".getBytes()) + "\"}}", key).status());

            final GatewayHarness.Response first = deploy(gateway, versionId, ann);
            final String deployment = (String)first.at("deployment_id");
            assertEquals(first.at("job_id"), agent(gateway, "GET", agentId, "/jobs/next", null, key).at("job_id"), "the deploy, taken");
            final String run = (String)gateway.bearer("POST", "/api/v1/deployments/" + deployment + "/run", null, ann).at("job_id");
            assertEquals(Map.of("no_jobs", true), agent(gateway, "GET", agentId, "/jobs/next", null, key).json(),
                "the run waits for its deployment's deploy");

            final GatewayHarness.Response second = deploy(gateway, versionId, ann);
            assertEquals(second.at("job_id"), agent(gateway, "GET", agentId, "/jobs/next", null, key).at("job_id"),
                "another deployment's deploy is handed out meanwhile");
            assertEquals(200, agent(gateway, "POST", agentId, "/jobs/" + first.at("job_id") + "/result", "{\"status\":\"completed\"}", key).status());
            assertEquals(run, agent(gateway, "GET", agentId, "/jobs/next", null, key).at("job_id"), "the run, once the deploy is answered");

            final Object digest = gateway.admin("GET", "/api/v1/state/digest", null).at("digest");
            assertEquals(digest, gateway.closeAndCheckSnapshot(), "replays the same");
        }
    }

    private static GatewayHarness.Response deploy(final GatewayHarness gateway, final String versionId, final String token)
    {
        final GatewayHarness.Response deployed = gateway.bearer("POST", "/api/v1/deployments", "{\"version_id\":\"" + versionId
            + "\",\"symbol\":\"EURUSD\"}", token);
        assertEquals(201, deployed.status(), deployed.body());
        return deployed;
    }
}
