package io.ordergate.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpMethod;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.Scope;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.webhook.BotSecrets;
import io.ordergate.gateway.webhook.JsonTree;

/**
 * <b>Not thread safe</b>: belongs to one {@link HttpConnection} and its event loop, reached through
 * {@link TreeRoutes}, which has checked readiness and the API key; except {@link #replyCreatedBot}, called by the
 * reply stage for the command in flight. The bot routes of issue 5, all admin scope: a bot's creation makes its
 * webhook secret (shown once, in the answer), the rest are one command each.
 */
final class BotRoutes
{
    private static final java.util.Set<String> BOT_ACTIONS = java.util.Set.of("status", "connect-account", "disconnect-account", "terminate");
    /** What {@link #handle} serves ({@code {}} is a path parameter); see {@link RouteCatalog}. */
    static final List<String> OPERATIONS = List.of(
        "GET /api/v1/bots", "POST /api/v1/bots", "GET /api/v1/bots/{}",
        "POST /api/v1/bots/{}/status", "POST /api/v1/bots/{}/connect-account", "POST /api/v1/bots/{}/disconnect-account",
        "POST /api/v1/bots/{}/terminate");

    private final TreeRoutes routes;
    private final HttpConnection connection;
    private final GatewayContext gateway;
    // Per request, written before publishing, read by the reply stage for the command in flight.
    private volatile String createdBotSecret;

    BotRoutes(final TreeRoutes routes, final HttpConnection connection, final GatewayContext gateway)
    {
        this.routes = routes;
        this.connection = connection;
        this.gateway = gateway;
    }

    /** {@code parts} is the path split at '/', without the first: {@code api, v1, bots, ...}. */
    void handle(final Pipeline pipeline, final ApiKey key, final HttpMethod method, final String[] parts, final byte[] body,
        final int length, final Map<String, List<String>> query) throws BadRequest
    {
        if (TreeRoutes.isCollection(parts))
        {
            if (HttpMethod.GET.equals(method))
            {
                routes.send(pipeline, key, Scope.ADMIN, CommandType.LIST_BOTS, writer -> { });
            }
            else if (HttpMethod.POST.equals(method))
            {
                createBot(pipeline, key, JsonTree.object(body, length));
            }
            else
            {
                routes.notAllowed(method, "GET, POST");
            }
            return;
        }
        final String botId = TreeRoutes.pathId(parts[3], "bot_id");
        final String sub = parts.length > 4 ? parts[4] : null;
        if (sub == null)
        {
            if (!HttpMethod.GET.equals(method))
            {
                routes.notAllowed(method, "GET");
                return;
            }
            routes.send(pipeline, key, Scope.ADMIN, CommandType.GET_BOT, writer -> GroupBodies.botId(writer, botId));
            return;
        }
        if (parts.length != 5 || !BOT_ACTIONS.contains(sub))
        {
            routes.noSuchPath();
            return;
        }
        if (!HttpMethod.POST.equals(method))
        {
            routes.notAllowed(method, "POST");
            return;
        }
        final Map<String, Object> json = JsonTree.object(body, length);
        switch (sub)
        {
            case "status":
                final String status = bodyOrQuery(json, query, "status");
                final int code = status == null ? 0 : switch (status.toUpperCase(java.util.Locale.ROOT))
                {
                    case "ACTIVE" -> GroupBodies.BOT_ACTIVE;
                    case "PAUSED" -> GroupBodies.BOT_PAUSED;
                    case "STOPPED" -> GroupBodies.BOT_STOPPED;
                    default -> 0;
                };
                if (code == 0)
                {
                    throw BadRequest.validation("status", "status must be ACTIVE, PAUSED or STOPPED");
                }
                routes.send(pipeline, key, Scope.ADMIN, CommandType.SET_BOT_STATUS, writer -> GroupBodies.botStatus(writer, botId, code));
                return;
            case "connect-account":
            case "disconnect-account":
                final String accountId = bodyOrQuery(json, query, "account_id");
                if (accountId == null || !RequestReader.isId(accountId, 64))
                {
                    throw BadRequest.validation("account_id", "account_id is required");
                }
                final boolean connect = "connect-account".equals(sub);
                routes.send(pipeline, key, Scope.ADMIN, CommandType.BOT_ACCOUNT, writer -> GroupBodies.botAccount(writer, botId, accountId, connect));
                return;
            case "terminate":
                routes.send(pipeline, key, Scope.ADMIN, CommandType.TERMINATE_BOT, writer -> GroupBodies.botId(writer, botId));
                return;
            default:
                routes.noSuchPath();
        }
    }

    private void createBot(final Pipeline pipeline, final ApiKey key, final Map<String, Object> json) throws BadRequest
    {
        final String botId = JsonTree.id(json, "bot_id");
        if (botId == null)
        {
            throw BadRequest.validation("bot_id", "bot_id is required");
        }
        final String name = JsonTree.string(json, "name", 64);
        final String groupId = JsonTree.id(json, "group_id");
        final List<Object> ids = JsonTree.list(json, "account_ids");
        final List<String> accountIds = new java.util.ArrayList<>();
        if (ids != null)
        {
            for (final Object id : ids)
            {
                if (!(id instanceof String) || !RequestReader.isId((String)id, 64))
                {
                    throw BadRequest.validation("account_ids", "account_ids must be a list of account ids");
                }
                accountIds.add((String)id);
            }
        }
        if (groupId == null && accountIds.isEmpty())
        {
            throw BadRequest.validation("group_id", "a bot needs a target: group_id or account_ids");
        }
        final String given = JsonTree.string(json, "secret", 256);
        // API.md's own example is "s3cret": the operator chooses the strength; only an empty secret is refused.
        if (given != null && given.isEmpty())
        {
            throw BadRequest.validation("secret", "secret must not be empty");
        }
        final String secret = given != null ? given : Secrets.newSecret();
        final byte[] hash = BotSecrets.sha256(secret);
        final byte[] sealed = BotSecrets.forDataDir(gateway.config().dataDir()).seal(secret);
        final String botName = name == null ? "" : name;
        if (!key.scope().allows(Scope.ADMIN))
        {
            connection.respondError(ResultCode.FORBIDDEN, "this needs a key of scope admin", null);
            return;
        }
        createdBotSecret = secret;
        connection.submit(pipeline, CommandType.CREATE_BOT, key.principal(),
            writer -> GroupBodies.createBot(writer, botId, botName, groupId == null ? "" : groupId, accountIds, hash, sealed));
    }

    /** Reply thread: the bot as the engine wrote it, plus its secret, this once. */
    void replyCreatedBot(final HttpConnection target, final CommandEvent event)
    {
        final String secret = createdBotSecret;
        createdBotSecret = null;
        final String engineJson = event.output.getStringWithoutLengthUtf8(0, event.outputLength);
        final StringBuilder out = new StringBuilder(engineJson.length() + 128);
        out.append("{\"success\":true,").append(engineJson, 1, engineJson.length() - 1);
        if (secret != null)
        {
            out.append(",\"secret\":").append(JsonText.quote(secret));
        }
        out.append('}');
        final byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        target.reply(event.result.httpStatus(), new org.agrona.concurrent.UnsafeBuffer(bytes), bytes.length, false);
    }

    private static String bodyOrQuery(final Map<String, Object> json, final Map<String, List<String>> query, final String field) throws BadRequest
    {
        final String fromBody = JsonTree.string(json, field, 64);
        if (fromBody != null)
        {
            return fromBody;
        }
        final List<String> values = query.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
