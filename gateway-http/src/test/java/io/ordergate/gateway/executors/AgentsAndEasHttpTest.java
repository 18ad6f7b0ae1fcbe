package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.simulators.mt5.SimulatedAgent;

/**
 * Seed 002's agents and EAs over real HTTP, as its app and agent call them, with a signed-in user: pair an agent (the
 * simulated one, polling with its X-Agent-Key), a project, an EA generated from a description, compiled by the agent
 * into an EX5 both served back with their SHA-256, a deployment run and stopped with its logs, another user seeing
 * none of it, and a restart keeping all of it.
 */
class AgentsAndEasHttpTest
{
    static final String YAML = "auth: { signup: true, password_hash_memory_kib: 1024, password_hash_iterations: 1 }\n"
        + "ea: { max_artifact_bytes: 16384, generations_per_hour: 6 }\n";
    static final String SEED_DESCRIPTION = "Create a scalping EA that trades EURUSD on M15 timeframe. Use 10 and 20 period moving average "
        + "crossover. Risk 1% per trade with 20 pip stop loss and 40 pip take profit.";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void shouldGoFromADescriptionToARunningDeploymentAndItsLogs() throws Exception
    {
        GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", false, YAML);
        final String ann = signup(gateway, "ann@example.com");
        final String bob = signup(gateway, "bob@example.com");
        final String account = (String)gateway.bearer("PUT", "/api/v1/onboarding/brokers",
            "{\"broker_name\":\"Exness\",\"account_number\":\"1\",\"account_type\":\"demo\",\"label\":\"x\"}", ann).at("broker_connection_id");

        final GatewayHarness.Response paired = gateway.bearer("POST", "/api/v1/agents/pair", "{\"agent_name\":\"My VPS Agent\"}", ann);
        assertEquals(201, paired.status(), paired.body());
        final String agentId = (String)paired.at("agent_id");
        final String key = (String)paired.at("pairing_key");
        assertTrue(key.startsWith("pk_live_"), key);
        try (SimulatedAgent agent = new SimulatedAgent(new SimulatedAgent.Settings(gateway.base, agentId, key, null, null, 100, 1)).start())
        {
            final GatewayHarness g = gateway;
            GatewayHarness.await("the agent online", () -> "online".equals(GatewayHarness.at(g.bearer("GET", "/api/v1/agents", null, ann).json(),
                "items", 0, "status")));
            final String project = (String)gateway.bearer("POST", "/api/v1/ea/projects", "{\"name\":\"My Scalping EA\",\"strategy_id\":null}", ann)
                .at("project_id");
            final GatewayHarness.Response version = gateway.bearer("POST", "/api/v1/ea/generate",
                "{\"project_id\":\"" + project + "\",\"strategy_description\":\"" + SEED_DESCRIPTION + "\"}", ann);
            assertEquals(201, version.status(), version.body());
            assertEquals(new BigDecimal("1"), version.at("version_number"));
            assertEquals("draft", version.at("status"));
            final String source = (String)version.at("source_code");
            assertTrue(source.contains("iMA(Sym(), InpTimeframe, InpFastPeriod") && source.contains("InpFastPeriod     = 10;")
                && source.contains("PERIOD_M15") && source.contains("InpRiskPercent    = 1;") && source.contains("InpStopLossPips   = 20;")
                && source.contains("InpTakeProfitPips = 40;") && source.contains("\"EURUSD\""), source);
            final String versionId = (String)version.at("version_id");

            final Map<?, ?> mq5 = artifact(gateway, versionId, ann, "MQ5");
            assertEquals(sha(source.getBytes(StandardCharsets.UTF_8)), mq5.get("sha256"));
            assertArrayEquals(source.getBytes(StandardCharsets.UTF_8), download(gateway, (String)mq5.get("download_url"), "Bearer " + ann));

            final GatewayHarness.Response compile = gateway.bearer("POST", "/api/v1/ea/versions/" + versionId + "/compile", null, ann);
            assertEquals(202, compile.status(), compile.body());
            assertEquals("pending", compile.at("status"));
            GatewayHarness.await("the agent's EX5", () -> artifacts(g, versionId, ann).size() == 2);
            final Map<?, ?> ex5 = artifact(gateway, versionId, ann, "EX5");
            final byte[] built = SimulatedAgent.compile(source.getBytes(StandardCharsets.UTF_8));
            assertEquals(sha(built), ex5.get("sha256"));
            assertArrayEquals(built, download(gateway, (String)ex5.get("download_url"), "Bearer " + ann));
            final GatewayHarness.Response projects = gateway.bearer("GET", "/api/v1/ea/projects?page=1&page_size=10", null, ann);
            assertEquals("compiled", GatewayHarness.at(projects.json(), "projects", 0, "latest_version", "status"));
            assertEquals(List.of(new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("10"), new BigDecimal("1")),
                List.of(projects.at("total"), projects.at("page"), projects.at("page_size"), projects.at("total_pages")));

            final GatewayHarness.Response deployed = gateway.bearer("POST", "/api/v1/deployments", "{\"version_id\":\"" + versionId
                + "\",\"agent_id\":\"" + agentId + "\",\"broker_connection_id\":\"" + account + "\",\"symbol\":\"EURUSD\"}", ann);
            assertEquals(201, deployed.status(), deployed.body());
            assertEquals("pending", deployed.at("status"));
            final String deployment = (String)deployed.at("deployment_id");
            GatewayHarness.await("deployed", () -> "deployed".equals(g.bearer("GET", "/api/v1/deployments/" + deployment, null, ann).at("status")));
            final GatewayHarness.Response run = gateway.bearer("POST", "/api/v1/deployments/" + deployment + "/run", null, ann);
            assertEquals("running", run.at("status"), run.body());
            GatewayHarness.await("the EA running on the agent", () -> agent.running().contains(deployment));
            GatewayHarness.await("its start in the logs", () -> logs(g, deployment, ann).contains("EA started on EURUSD"));
            assertEquals("stopped", gateway.bearer("POST", "/api/v1/deployments/" + deployment + "/stop", null, ann).at("status"));
            GatewayHarness.await("the EA stopped on the agent", () -> agent.running().isEmpty());
            GatewayHarness.await("its stop in the logs", () -> logs(g, deployment, ann).contains("EA stopped on EURUSD"));

            assertEquals(new BigDecimal("0"), gateway.bearer("GET", "/api/v1/ea/projects", null, bob).at("total"), "bob sees none of ann's");
            assertEquals(404, gateway.bearer("GET", "/api/v1/deployments/" + deployment, null, bob).status());
            assertEquals(404, gateway.bearer("GET", "/api/v1/ea/versions/" + versionId + "/artifacts", null, bob).status());
            assertEquals(404, status(gateway, (String)ex5.get("download_url"), "Bearer " + bob));
            assertEquals(404, gateway.bearer("POST", "/api/v1/ea/generate",
                "{\"project_id\":\"" + project + "\",\"strategy_description\":\"" + SEED_DESCRIPTION + "\"}", bob).status());
            assertEquals(404, gateway.bearer("POST", "/api/v1/deployments/" + deployment + "/run", null, bob).status());

            agent.close();  // first: its polls and heartbeats are journaled commands too
            final Object digest = gateway.admin("GET", "/api/v1/state/digest", null).at("digest");
            final String logsBefore = logs(gateway, deployment, ann);
            assertEquals(digest, gateway.closeAndCheckSnapshot(), "a snapshot carries every agent, job, project, version, artifact and log");
            gateway = GatewayHarness.start(dataDir, 0, "", false, YAML);
            assertEquals(digest, gateway.admin("GET", "/api/v1/state/digest", null).at("digest"));
            final String token = login(gateway, "ann@example.com");
            assertEquals("stopped", gateway.bearer("GET", "/api/v1/deployments/" + deployment, null, token).at("status"));
            assertEquals(logsBefore, logs(gateway, deployment, token));
            assertArrayEquals(built, download(gateway, (String)ex5.get("download_url"), "Bearer " + token));
        }
        finally
        {
            gateway.close();
        }
    }

    static String signup(final GatewayHarness gateway, final String email)
    {
        final GatewayHarness.Response made = gateway.call("POST", "/api/v1/auth/signup",
            "{\"email\":\"" + email + "\",\"password\":\"Correct-Horse-9\",\"name\":\"N\"}", new String[0]);
        assertEquals(201, made.status(), made.body());
        return (String)made.at("access_token");
    }

    private static String login(final GatewayHarness gateway, final String email)
    {
        return (String)gateway.call("POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Correct-Horse-9\"}",
            new String[0]).at("access_token");
    }

    static List<?> artifacts(final GatewayHarness gateway, final String versionId, final String token)
    {
        return (List<?>)gateway.bearer("GET", "/api/v1/ea/versions/" + versionId + "/artifacts", null, token).at("artifacts");
    }

    private static Map<?, ?> artifact(final GatewayHarness gateway, final String versionId, final String token, final String kind)
    {
        return (Map<?, ?>)artifacts(gateway, versionId, token).stream().filter(a -> kind.equals(((Map<?, ?>)a).get("kind"))).findFirst().orElseThrow();
    }

    private static String logs(final GatewayHarness gateway, final String deployment, final String token)
    {
        return String.valueOf(gateway.bearer("GET", "/api/v1/deployments/" + deployment + "/logs?page_size=200", null, token).at("logs"));
    }

    static byte[] download(final GatewayHarness gateway, final String url, final String authorization) throws Exception
    {
        final HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(gateway.base.resolve(url)).header("Authorization", authorization)
            .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    private static int status(final GatewayHarness gateway, final String url, final String authorization) throws Exception
    {
        return CLIENT.send(HttpRequest.newBuilder(gateway.base.resolve(url)).header("Authorization", authorization).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String sha(final byte[] bytes) throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
