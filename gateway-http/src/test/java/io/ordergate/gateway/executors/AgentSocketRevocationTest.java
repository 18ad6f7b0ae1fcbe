package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.RawWebSocket;

/**
 * An agent's executor WebSocket, authenticated by its pairing key, lasts only while that key would still be let in,
 * as a stream socket lasts only while its key or session would: disabling the agent's user, a password reset of the
 * user (which ends the pairing key), or revoking the key of no user that paired it closes the open socket with 1008 and
 * a reason saying why, and nothing is pushed to it after. Before, only new authentications were refused: the open socket kept taking the agent's commands. An
 * executor registered by an admin (its own api key) and an agent an admin paired keep their sockets.
 */
class AgentSocketRevocationTest
{
    private static final String YAML = "auth: { signup: true, password_hash_memory_kib: 1024, password_hash_iterations: 1 }\n";
    /** Pings far apart: the frames read are the pushes and the Close. */
    private static final String EXECUTORS = "ping_interval_seconds: 60, socket_idle_timeout_seconds: 180";
    private static final int CLOSE = 8;
    private static final int POLICY_VIOLATION = 1008;

    @TempDir
    Path dataDir;

    @Test
    void disablingTheAgentsUserClosesItsOpenSocketAndLeavesAnExecutorsAndTheAdminsAgentsOpen() throws Exception
    {
        agentSocketClosedBy((gateway, userId) -> assertEquals(200,
            gateway.admin("PATCH", "/api/v1/users/" + userId, "{\"disabled\":true}").status()));
    }

    @Test
    void aPasswordResetOfTheAgentsUserClosesItsOpenSocketAndLeavesAnExecutorsAndTheAdminsAgentsOpen() throws Exception
    {
        agentSocketClosedBy((gateway, userId) ->
        {
            final String token = (String)gateway.admin("POST", "/api/v1/users/" + userId + "/password-reset", null).at("token");
            assertEquals(200, gateway.call("POST", "/api/v1/auth/password/reset/complete",
                "{\"token\":\"" + token + "\",\"new_password\":\"a-different-Horse-8-staple\"}", new String[0]).status());
        });
    }

    private interface Revocation
    {
        void revoke(GatewayHarness gateway, String userId);
    }

    private void agentSocketClosedBy(final Revocation revocation) throws Exception
    {
        final GatewayHarness gateway = GatewayHarness.start(dataDir, 0, EXECUTORS, false, YAML);
        try
        {
            final GatewayHarness.Response signedUp = gateway.call("POST", "/api/v1/auth/signup",
                "{\"email\":\"ann@example.com\",\"password\":\"Correct-Horse-9\",\"name\":\"N\"}", new String[0]);
            assertEquals(201, signedUp.status(), signedUp.body());
            final String userId = (String)signedUp.at("user", "id");
            final GatewayHarness.Executor usersAgent = agent(gateway.bearer("POST", "/api/v1/agents/pair", "{\"agent_name\":\"vps\"}",
                (String)signedUp.at("access_token")));
            final GatewayHarness.Executor adminsAgent = agent(gateway.admin("POST", "/api/v1/agents/pair", "{\"agent_name\":\"ops\"}"));
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (Socket usersSocket = gateway.rawStream(usersAgent, 0); Socket adminsSocket = gateway.rawStream(adminsAgent, 0);
                Socket executorSocket = gateway.rawStream(executor, 0))
            {
                final DataInputStream in = reading(usersSocket);
                final DataInputStream adminsIn = reading(adminsSocket);
                final DataInputStream executorIn = reading(executorSocket);
                command(gateway, usersAgent);
                assertTrue(nextText(in).contains("\"command\""), "the agent's socket takes its commands");

                revocation.revoke(gateway, userId);
                assertClosedForItsPairingKey(gateway, usersAgent, in);

                command(gateway, adminsAgent);
                assertTrue(nextText(adminsIn).contains("\"command\""), "the admin's agent is served");
                command(gateway, executor);
                assertTrue(nextText(executorIn).contains("\"command\""), "and the executor");
            }
            gateway.closeAndCheckSnapshot();
        }
        finally
        {
            gateway.close();
        }
    }

    @Test
    void revokingTheKeyOfNoUserThatPairedAnAgentClosesTheAgentsOpenSocket() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, EXECUTORS, false, YAML))
        {
            final GatewayHarness.Response made = gateway.admin("POST", "/api/v1/keys", "{\"scope\":\"trade\",\"account_ids\":[\"mt5-1\"]}");
            assertEquals(201, made.status(), made.body());
            final String key = (String)made.at("api_key");
            final GatewayHarness.Executor keysAgent = agent(gateway.call("POST", "/api/v1/agents/pair", "{\"agent_name\":\"keyed\"}", key,
                (String)made.at("api_secret")));
            try (Socket socket = gateway.rawStream(keysAgent, 0))
            {
                final DataInputStream in = reading(socket);
                assertEquals(200, gateway.admin("DELETE", "/api/v1/keys/" + key, null).status());
                assertClosedForItsPairingKey(gateway, keysAgent, in);
            }
        }
    }

    /**
     * The agent's socket gets a Close 1008 whose reason names the pairing key (within the socket's read timeout,
     * {@link GatewayHarness#WAIT}), nothing before it nor after it, a command made for the agent meanwhile waits for it,
     * and the agent cannot open another socket.
     */
    private static void assertClosedForItsPairingKey(final GatewayHarness gateway, final GatewayHarness.Executor agent, final DataInputStream in)
        throws IOException
    {
        final RawWebSocket.Frame close = RawWebSocket.readFrame(in);
        assertEquals(CLOSE, close.opcode(), "nothing before the Close: " + close.text());
        assertEquals(POLICY_VIOLATION, ((close.payload()[0] & 0xff) << 8) | (close.payload()[1] & 0xff));
        final String reason = new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8);
        assertTrue(reason.contains("pairing key"), reason);
        assertEquals(201, command(gateway, agent).status(), "a command for the agent waits for it");
        assertThrows(EOFException.class, () -> RawWebSocket.readFrame(in), "no frame after the Close, and the connection ends");
        assertThrows(AssertionError.class, () -> gateway.rawStream(agent, 0).close(), "nor may it open another");
    }

    private static GatewayHarness.Executor agent(final GatewayHarness.Response paired)
    {
        assertEquals(201, paired.status(), paired.body());
        final String agentId = (String)paired.at("agent_id");
        return new GatewayHarness.Executor(agentId, agentId, (String)paired.at("pairing_key"));
    }

    private static GatewayHarness.Response command(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        final GatewayHarness.Response made = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
            "{\"command\":\"PAUSE\",\"parameters\":{},\"priority\":\"NORMAL\"}");
        assertEquals(201, made.status(), made.body());
        return made;
    }

    /**
     * The socket's input, once a heartbeat sent on it is answered: its backlog's first page is out, so a command made
     * from here on comes once, pushed.
     */
    private static DataInputStream reading(final Socket socket) throws IOException
    {
        RawWebSocket.writeMasked(socket.getOutputStream(), RawWebSocket.TEXT,
            "{\"type\":\"heartbeat\",\"status\":\"online\"}".getBytes(StandardCharsets.UTF_8));
        final DataInputStream in = new DataInputStream(socket.getInputStream());
        assertTrue(nextText(in).contains("pendingCommands"));
        return in;
    }

    /** The next text frame's payload; pings are skipped. */
    private static String nextText(final DataInputStream in) throws IOException
    {
        while (true)
        {
            final RawWebSocket.Frame frame = RawWebSocket.readFrame(in);
            if (frame.opcode() == RawWebSocket.TEXT)
            {
                return frame.text();
            }
            assertEquals(9, frame.opcode(), "only text frames and pings");
        }
    }
}
