package io.ordergate.gateway.ea;

import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ea.EaBodies;

/**
 * Seed 002's EA and deployment bodies, snake_case, unknown fields refused: a project, a generation request, a
 * compile's optional agent, a deployment. Stateless; these paths allocate.
 */
final class EaRequests
{
    private EaRequests()
    {
    }

    /** {"project_id", "strategy_description"}: what the generator is given (checked here; generated on a worker). */
    record Generate(String projectId, String description)
    {
    }

    static RequestBody project(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String name = null;
        String strategyId = null;
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "name": name = in.string(field, 128); break;
                case "strategy_id": strategyId = in.isNull() ? null : in.scalarText(); break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (name == null || name.isBlank())
        {
            throw BadRequest.validation("name", "name is required (1 to 128 characters)");
        }
        if (strategyId != null && strategyId.length() > 64)
        {
            throw BadRequest.validation("strategy_id", "strategy_id is at most 64 characters");
        }
        final String projectName = name;
        final String strategy = strategyId == null ? "" : strategyId;
        return writer -> EaBodies.createProject(writer, projectName, strategy);
    }

    static Generate generate(final RequestReader in, final byte[] body, final int length, final int maxDescription) throws BadRequest
    {
        String projectId = null;
        String description = null;
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "project_id": projectId = in.id(field, Ids.MAX_LENGTH); break;
                case "strategy_description": description = in.string(field, maxDescription); break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (projectId == null)
        {
            throw BadRequest.validation("project_id", "project_id is required");
        }
        if (description == null || description.isBlank())
        {
            throw BadRequest.validation("strategy_description", "strategy_description is required (at most " + maxDescription + " characters)");
        }
        return new Generate(projectId, description);
    }

    /** The compile's optional body: {"agent_id"}. */
    static String agentId(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String agentId = "";
        if (length == 0)
        {
            return agentId;
        }
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (field.equals("agent_id"))
            {
                final String id = in.id(field, Ids.MAX_LENGTH);
                agentId = id == null ? "" : id;
            }
            else
            {
                in.unknownField(field);
            }
        }
        in.finish();
        return agentId;
    }

    /** {"version_id", "agent_id", "broker_connection_id", "symbol"}: agent and broker connection may be left out. */
    static RequestBody deployment(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String versionId = null;
        String agentId = "";
        String accountId = "";
        String symbol = null;
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "version_id": versionId = in.id(field, Ids.MAX_LENGTH); break;
                case "agent_id": agentId = orEmpty(in.id(field, Ids.MAX_LENGTH)); break;
                case "broker_connection_id":
                case "account_id": accountId = orEmpty(in.id(field, Ids.MAX_LENGTH)); break;
                case "symbol": symbol = in.string(field, 32); break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (versionId == null)
        {
            throw BadRequest.validation("version_id", "version_id is required");
        }
        if (symbol == null || !symbol.matches("[A-Za-z0-9._#-]{1,32}"))
        {
            throw BadRequest.validation("symbol", "symbol is required (the terminal's name for it, e.g. EURUSD)");
        }
        final String version = versionId;
        final String agent = agentId;
        final String account = accountId;
        final String sym = symbol;
        return writer -> EaBodies.deploy(writer, version, agent, account, sym);
    }

    private static String orEmpty(final String text)
    {
        return text == null ? "" : text;
    }
}
