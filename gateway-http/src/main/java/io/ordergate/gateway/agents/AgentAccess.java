package io.ordergate.gateway.agents;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.auth.ApiKeyCredentials;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.executors.ExecutorKeys;
import io.ordergate.gateway.json.BadRequest;

/**
 * The agent routes' access (seed 002): {@code X-Agent-Key}, the pairing key, for the agent the path names; or, so one
 * program can be both, an executor's own {@code X-API-Key}/{@code X-API-Secret} for its own id. A wrong or missing key
 * is 401 {@code INVALID_CREDENTIALS}, whichever agent the path names (ids do not leak). Thread safe.
 */
public final class AgentAccess implements Access
{
    public static final String AGENT_KEY_HEADER = "X-Agent-Key";
    static final String AGENT_ID = "agent_id";

    private final ExecutorKeys keys;

    public AgentAccess(final ExecutorKeys keys)
    {
        this.keys = keys;
    }

    @Override
    public Caller authenticate(final Exchange exchange) throws BadRequest
    {
        final String agentId = exchange.path().text(AGENT_ID);
        final String agentKey = exchange.header(AGENT_KEY_HEADER);
        final ExecutorKeys.Entry entry = agentKey != null ? keys.authenticateAgent(agentId, agentKey)
            : keys.authenticate(exchange.header(ApiKeyCredentials.KEY_HEADER), exchange.header(ApiKeyCredentials.SECRET_HEADER));
        if (entry == null || !entry.executorId().equals(agentId))
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, "X-Agent-Key is missing or is not this agent's pairing key", null);
        }
        return entry;
    }

    @Override
    public String toString()
    {
        return "agent key";
    }
}
