package io.ordergate.gateway.agents;

import java.security.SecureRandom;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;
import io.ordergate.mt5.ea.EaBodies;

/**
 * Seed 002's agent bodies: pairing ({@code {"agent_name"}}, the key made here and only its hash journaled) and the
 * heartbeat ({@code {"status", "metrics"}}, kept as the agent's metadata). A job's result is {@link JobResult}. Stateless.
 */
final class AgentRequests
{
    static final String AGENT_ID_PREFIX = "agt_";
    static final String PAIRING_KEY_PREFIX = "pk_live_";
    private static final int MAX_NAME = 128;
    private static final int MAX_METRICS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private AgentRequests()
    {
    }

    /** PAIR_AGENT, with the key it is shown once. */
    record Pair(String agentId, String name, String pairingKey, byte[] keyHash) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            EaBodies.pairAgent(writer, agentId, name, keyHash);
        }

        @Override
        public String toString()
        {
            return "Pair{" + agentId + "}";  // never the key
        }
    }

    /** EXECUTOR_HEARTBEAT of an agent: its status and the body as its metadata. */
    record Heartbeat(String agentId, String status, byte[] metadata) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.heartbeat(writer, agentId, status, 0, 0, 0, 0, metadata, metadata.length);
        }
    }

    static Pair pair(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String name = null;
        if (length > 0)
        {
            in.begin(body, length, false);
            while (in.nextField())
            {
                final String field = in.fieldName();
                if (field.equals("agent_name") || field.equals("name"))
                {
                    name = in.string(field, MAX_NAME);
                }
                else
                {
                    in.unknownField(field);
                }
            }
            in.finish();
        }
        final String key = PAIRING_KEY_PREFIX + random(32);
        return new Pair(AGENT_ID_PREFIX + random(16).toLowerCase(java.util.Locale.ROOT), name == null || name.isBlank() ? "MT5 Agent" : name, key,
            io.ordergate.gateway.auth.Secrets.hash(key));
    }

    /** Seed 002's heartbeat: {@code status} and {@code metrics}, anything else kept too (the whole body is the metadata). */
    static Heartbeat heartbeat(final String agentId, final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String status = "online";
        if (length > 0)
        {
            in.begin(body, length, false);
            while (in.nextField())
            {
                final String field = in.fieldName();
                if (field.equals("status") && !in.isNull())
                {
                    status = in.string(field, 32);
                }
                else
                {
                    in.ignore();
                }
            }
            in.finish();
            if (length > MAX_METRICS)
            {
                throw BadRequest.validation("metrics", "a heartbeat is at most " + MAX_METRICS + " bytes");
            }
        }
        return new Heartbeat(agentId, status == null ? "online" : status, java.util.Arrays.copyOf(body, length));
    }

    private static String random(final int length)
    {
        final char[] out = new char[length];
        for (int i = 0; i < length; i++)
        {
            out[i] = ALNUM[RANDOM.nextInt(ALNUM.length)];
        }
        return new String(out);
    }
}
