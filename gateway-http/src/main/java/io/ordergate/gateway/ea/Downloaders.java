package io.ordergate.gateway.ea;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.agents.AgentAccess;
import io.ordergate.gateway.auth.ApiKeyCredentials;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.executors.ExecutorKeys;
import io.ordergate.gateway.json.BadRequest;

/**
 * Who may fetch an artifact: an agent by its {@code X-Agent-Key} (the compile and deploy jobs name these URLs), an
 * executor by its own key, or a user or API key of scope read. Which artifact each may have is the engine's to say.
 * Thread safe.
 */
final class Downloaders implements Access
{
    private final ExecutorKeys keys;
    private final Access users;

    Downloaders(final ExecutorKeys keys, final Access users)
    {
        this.keys = keys;
        this.users = users;
    }

    @Override
    public Caller authenticate(final Exchange exchange) throws BadRequest
    {
        final String agentKey = exchange.header(AgentAccess.AGENT_KEY_HEADER);
        if (agentKey != null)
        {
            final ExecutorKeys.Entry agent = keys.agentByKey(agentKey);
            if (agent == null)
            {
                throw new BadRequest(ResultCode.INVALID_CREDENTIALS, "X-Agent-Key is not an agent's pairing key", null);
            }
            return agent;
        }
        final ExecutorKeys.Entry executor = keys.authenticate(exchange.header(ApiKeyCredentials.KEY_HEADER),
            exchange.header(ApiKeyCredentials.SECRET_HEADER));
        return executor != null ? executor : users.authenticate(exchange);
    }

    @Override
    public String toString()
    {
        return "agent key, executor key, or scope read";
    }
}
