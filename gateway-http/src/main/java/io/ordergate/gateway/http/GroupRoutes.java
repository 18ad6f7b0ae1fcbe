package io.ordergate.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.Scope;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.webhook.Alert;
import io.ordergate.gateway.webhook.BotSecrets;
import io.ordergate.gateway.webhook.GroupRequests;
import io.ordergate.gateway.webhook.JsonTree;
import io.ordergate.gateway.webhook.SourceAllowlist;

/**
 * The routes of issue 5: groups and group orders, bots, and the TradingView webhook. Admin-style paths, so they
 * decode with a small JSON tree and allocate; each is still one command on the ring (a webhook is two: a read of
 * the bot's credentials, then the journaled signal once the alert is authenticated, so no unauthenticated alert
 * is ever journaled). <b>Not thread safe</b>: belongs to one {@link HttpConnection} and its event loop, except
 * {@link #takeReply} and {@link #replyCreatedBot}, called by the reply stage for the command in flight.
 */
final class GroupRoutes
{
    static final String WEBHOOK = "/webhook/tradingview";
    static final String SIGNATURE_HEADER = "X-TradingView-Signature";
    private static final String GROUPS = "/api/v1/groups";
    private static final String BOTS = "/api/v1/bots";
    private static final java.util.Set<String> BOT_ACTIONS = java.util.Set.of("status", "connect-account", "disconnect-account", "terminate");
    /** What {@link #handle} serves ({@code {}} is a path parameter); see {@link RouteCatalog}. */
    static final List<String> OPERATIONS = List.of(
        "GET /api/v1/groups", "POST /api/v1/groups",
        "GET /api/v1/groups/{}", "PATCH /api/v1/groups/{}", "DELETE /api/v1/groups/{}",
        "POST /api/v1/groups/{}/accounts",
        "POST /api/v1/groups/{}/accounts/{}", "DELETE /api/v1/groups/{}/accounts/{}",
        "POST /api/v1/groups/{}/pause", "POST /api/v1/groups/{}/resume",
        "POST /api/v1/groups/{}/orders", "GET /api/v1/groups/{}/orders/{}",
        "GET /api/v1/bots", "POST /api/v1/bots", "GET /api/v1/bots/{}",
        "POST /api/v1/bots/{}/status", "POST /api/v1/bots/{}/connect-account", "POST /api/v1/bots/{}/disconnect-account",
        "POST /api/v1/bots/{}/terminate",
        "POST /webhook/tradingview", "POST /webhook/tradingview/{}", "GET /webhook/tradingview/test");

    private final HttpConnection connection;
    private final GatewayContext gateway;
    private final FastThreadLocal<byte[]> bodyScratch;
    private final SourceAllowlist allowlist;
    // Per request, written before publishing, read by the reply stage for the command in flight.
    private volatile PendingAlert pendingAlert;
    private volatile String createdBotSecret;

    GroupRoutes(final HttpConnection connection, final GatewayContext gateway, final FastThreadLocal<byte[]> bodyScratch)
    {
        this.connection = connection;
        this.gateway = gateway;
        this.bodyScratch = bodyScratch;
        this.allowlist = new SourceAllowlist(gateway.config().webhook().allowedSources());
    }

    static boolean owns(final String uri)
    {
        return startsWithSegment(uri, WEBHOOK) || startsWithSegment(uri, GROUPS) || startsWithSegment(uri, BOTS);
    }

    private static boolean startsWithSegment(final String uri, final String prefix)
    {
        return uri.startsWith(prefix) && (uri.length() == prefix.length() || "/?".indexOf(uri.charAt(prefix.length())) >= 0);
    }

    void handle(final FullHttpRequest request, final String uri)
    {
        final Pipeline pipeline = gateway.pipeline();
        final HttpMethod method = request.method();
        final String path = new QueryStringDecoder(uri).path();
        final String[] parts = path.substring(1).split("/");
        final int length = request.content().readableBytes();
        final byte[] body = bodyScratch.get();
        request.content().getBytes(request.content().readerIndex(), body, 0, length);
        try
        {
            if (startsWithSegment(uri, WEBHOOK))
            {
                webhook(request, method, parts, body, length, pipeline);
                return;
            }
            if (!gateway.isReady() || pipeline == null)
            {
                connection.respondError(ResultCode.NOT_READY, null, null);
                return;
            }
            final ApiKey key = gateway.keys().authenticate(
                request.headers().get(HttpConnection.API_KEY_HEADER), request.headers().get(HttpConnection.API_SECRET_HEADER));
            if (key == null)
            {
                connection.respondError(ResultCode.INVALID_CREDENTIALS, null, null);
                return;
            }
            final Map<String, List<String>> query = new QueryStringDecoder(uri).parameters();
            if ("groups".equals(parts[2]))
            {
                groups(pipeline, key, method, parts, body, length);
            }
            else
            {
                bots(pipeline, key, method, parts, body, length, query);
            }
        }
        catch (final BadRequest bad)
        {
            if (startsWithSegment(uri, WEBHOOK))
            {
                webhookRefusal(bad.code().httpStatus(), bad.code().name(), bad.getMessage(), bad.field(), false);
            }
            else
            {
                connection.respondError(bad.code().httpStatus(), bad.code().name(), bad.getMessage(), bad.field());
            }
        }
    }

    // ---- groups ----

    private void groups(final Pipeline pipeline, final ApiKey key, final HttpMethod method, final String[] parts, final byte[] body,
        final int length) throws BadRequest
    {
        final boolean get = HttpMethod.GET.equals(method);
        final String groupId = parts.length > 3 ? pathId(parts[3], "group_id") : null;
        final String sub = parts.length > 4 ? parts[4] : null;
        if (parts.length == 3 || (parts.length == 4 && parts[3].isEmpty()))
        {
            if (get)
            {
                send(pipeline, key, Scope.READ, CommandType.LIST_GROUPS, writer -> { });
            }
            else if (HttpMethod.POST.equals(method))
            {
                send(pipeline, key, Scope.ADMIN, CommandType.CREATE_GROUP, GroupRequests.group(JsonTree.object(body, length), null, true));
            }
            else
            {
                notAllowed(method, "GET, POST");
            }
            return;
        }
        if (sub == null)
        {
            if (get)
            {
                send(pipeline, key, Scope.READ, CommandType.GET_GROUP, writer -> GroupBodies.groupId(writer, groupId));
            }
            else if (HttpMethod.PATCH.equals(method))
            {
                send(pipeline, key, Scope.ADMIN, CommandType.UPDATE_GROUP, GroupRequests.group(JsonTree.object(body, length), groupId, false));
            }
            else if (HttpMethod.DELETE.equals(method))
            {
                send(pipeline, key, Scope.ADMIN, CommandType.DELETE_GROUP, writer -> GroupBodies.groupId(writer, groupId));
            }
            else
            {
                notAllowed(method, "GET, PATCH, DELETE");
            }
            return;
        }
        switch (sub)
        {
            case "accounts":
                if (parts.length == 5 && HttpMethod.POST.equals(method))
                {
                    send(pipeline, key, Scope.ADMIN, CommandType.ADD_GROUP_MEMBERS, GroupRequests.bulkAdd(JsonTree.object(body, length), groupId));
                }
                else if (parts.length == 6)
                {
                    final String accountId = pathId(parts[5], "account_id");
                    if (HttpMethod.POST.equals(method))
                    {
                        send(pipeline, key, Scope.ADMIN, CommandType.ADD_GROUP_MEMBERS,
                            GroupRequests.singleAdd(JsonTree.object(body, length), groupId, accountId));
                    }
                    else if (HttpMethod.DELETE.equals(method))
                    {
                        send(pipeline, key, Scope.ADMIN, CommandType.REMOVE_GROUP_MEMBER, writer -> GroupBodies.removeMember(writer, groupId, accountId));
                    }
                    else
                    {
                        notAllowed(method, "POST, DELETE");
                    }
                }
                else if (parts.length == 5)
                {
                    notAllowed(method, "POST");
                }
                else
                {
                    connection.respondError(ResultCode.NOT_FOUND, "no such path", null);
                }
                return;
            case "pause":
            case "resume":
                if (parts.length != 5)
                {
                    connection.respondError(ResultCode.NOT_FOUND, "no such path", null);
                    return;
                }
                if (!HttpMethod.POST.equals(method))
                {
                    notAllowed(method, "POST");
                    return;
                }
                send(pipeline, key, Scope.ADMIN, "pause".equals(sub) ? CommandType.PAUSE_GROUP : CommandType.RESUME_GROUP,
                    writer -> GroupBodies.groupId(writer, groupId));
                return;
            case "orders":
                if (parts.length == 6)
                {
                    if (!HttpMethod.GET.equals(method))
                    {
                        notAllowed(method, "GET");
                        return;
                    }
                    final long id = parseId(parts[5]);
                    send(pipeline, key, Scope.READ, CommandType.GET_GROUP_ORDER, writer -> GroupBodies.groupOrderId(writer, id));
                    return;
                }
                if (parts.length != 5)
                {
                    connection.respondError(ResultCode.NOT_FOUND, "no such path", null);
                    return;
                }
                if (!HttpMethod.POST.equals(method))
                {
                    notAllowed(method, "POST");
                    return;
                }
                send(pipeline, key, Scope.TRADE, CommandType.GROUP_ORDER, GroupRequests.groupOrder(JsonTree.object(body, length), groupId));
                return;
            default:
                connection.respondError(ResultCode.NOT_FOUND, "no such path", null);
        }
    }

    // ---- bots ----

    private void bots(final Pipeline pipeline, final ApiKey key, final HttpMethod method, final String[] parts, final byte[] body,
        final int length, final Map<String, List<String>> query) throws BadRequest
    {
        if (parts.length == 3 || (parts.length == 4 && parts[3].isEmpty()))
        {
            if (HttpMethod.GET.equals(method))
            {
                send(pipeline, key, Scope.ADMIN, CommandType.LIST_BOTS, writer -> { });
            }
            else if (HttpMethod.POST.equals(method))
            {
                createBot(pipeline, key, JsonTree.object(body, length));
            }
            else
            {
                notAllowed(method, "GET, POST");
            }
            return;
        }
        final String botId = pathId(parts[3], "bot_id");
        final String sub = parts.length > 4 ? parts[4] : null;
        if (sub == null)
        {
            if (!HttpMethod.GET.equals(method))
            {
                notAllowed(method, "GET");
                return;
            }
            send(pipeline, key, Scope.ADMIN, CommandType.GET_BOT, writer -> GroupBodies.botId(writer, botId));
            return;
        }
        if (parts.length != 5 || !BOT_ACTIONS.contains(sub))
        {
            connection.respondError(ResultCode.NOT_FOUND, "no such path", null);
            return;
        }
        if (!HttpMethod.POST.equals(method))
        {
            notAllowed(method, "POST");
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
                send(pipeline, key, Scope.ADMIN, CommandType.SET_BOT_STATUS, writer -> GroupBodies.botStatus(writer, botId, code));
                return;
            case "connect-account":
            case "disconnect-account":
                final String accountId = bodyOrQuery(json, query, "account_id");
                if (accountId == null || !RequestReader.isId(accountId, 64))
                {
                    throw BadRequest.validation("account_id", "account_id is required");
                }
                final boolean connect = "connect-account".equals(sub);
                send(pipeline, key, Scope.ADMIN, CommandType.BOT_ACCOUNT, writer -> GroupBodies.botAccount(writer, botId, accountId, connect));
                return;
            case "terminate":
                send(pipeline, key, Scope.ADMIN, CommandType.TERMINATE_BOT, writer -> GroupBodies.botId(writer, botId));
                return;
            default:
                connection.respondError(ResultCode.NOT_FOUND, "no such path", null);
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
            final byte[] quoted = quote(secret);
            out.append(",\"secret\":").append(new String(quoted, StandardCharsets.UTF_8));
        }
        out.append('}');
        final byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        target.reply(event.result.httpStatus(), new org.agrona.concurrent.UnsafeBuffer(bytes), bytes.length, false);
    }

    // ---- the TradingView webhook ----

    private void webhook(final FullHttpRequest request, final HttpMethod method, final String[] parts, final byte[] body, final int length,
        final Pipeline pipeline) throws BadRequest
    {
        if (parts.length == 3 && "test".equals(parts[2]) && HttpMethod.GET.equals(method))
        {
            final String json = "{\"success\":true,\"message\":\"Webhook endpoint is operational\",\"data\":{\"timestamp\":\""
                + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\",\"correlation_id\":\"" + UUID.randomUUID() + "\"}}";
            connection.respond(200, json.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (parts.length > 3 || !HttpMethod.POST.equals(method))
        {
            webhookRefusal(parts.length > 3 ? 404 : 405, parts.length > 3 ? "NOT_FOUND" : "METHOD_NOT_ALLOWED",
                "POST /webhook/tradingview or /webhook/tradingview/{token}", null, false);
            return;
        }
        if (!gateway.isReady() || pipeline == null)
        {
            webhookRefusal(503, ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage(), null, false);
            return;
        }
        if (!allowlist.allows(connection.channelContext().channel().remoteAddress()))
        {
            webhookRefusal(403, ResultCode.FORBIDDEN.name(), "this source address may not call the webhook", null, false);
            return;
        }
        final String token = parts.length == 3 ? QueryStringDecoder.decodeComponent(parts[2]) : null;
        final Alert alert = Alert.parse(body, length);
        final String signature = request.headers().get(SIGNATURE_HEADER);
        if ((alert.bot() == null || alert.bot().isEmpty()) && token == null)
        {
            webhookRefusal(401, ResultCode.INVALID_CREDENTIALS.name(), "name the bot (botname or bot) or use /webhook/tradingview/{token}", null, false);
            return;
        }
        final byte[] tokenHash = token != null && (alert.bot() == null || alert.bot().isEmpty()) ? BotSecrets.sha256(token) : null;
        pendingAlert = new PendingAlert(alert, token, signature, java.util.Arrays.copyOf(body, length), pipeline);
        final String botName = alert.bot() == null ? "" : alert.bot();
        connection.submit(pipeline, CommandType.BOT_CREDENTIALS, CommandFrame.PRINCIPAL_SYSTEM,
            writer -> GroupBodies.botCredentials(writer, botName, tokenHash), CommandFrame.SOURCE_WEBHOOK);
    }

    /** Reply thread: takes the answer of a webhook's credential read, and goes on from the event loop. */
    boolean takeReply(final CommandEvent event)
    {
        final PendingAlert pending = pendingAlert;
        if (pending == null || event.type != CommandType.BOT_CREDENTIALS)
        {
            return false;
        }
        pendingAlert = null;
        final String credentials = event.result == ResultCode.OK ? event.output.getStringWithoutLengthUtf8(0, event.outputLength) : null;
        connection.channelContext().executor().execute(() -> authenticated(pending, credentials));
        return true;
    }

    /** Event loop: checks the alert's credential against the bot's, then publishes the signal. */
    private void authenticated(final PendingAlert pending, final String credentials)
    {
        if (credentials == null)
        {
            webhookRefusal(401, ResultCode.INVALID_CREDENTIALS.name(), "unknown bot or wrong secret", null, true);
            return;
        }
        final Map<String, Object> bot;
        try
        {
            final byte[] bytes = credentials.getBytes(StandardCharsets.UTF_8);
            bot = JsonTree.object(bytes, bytes.length);
        }
        catch (final BadRequest ex)
        {
            webhookRefusal(500, "INTERNAL_ERROR", "unreadable bot credentials", null, true);
            return;
        }
        final byte[] hash = BotSecrets.fromHex((String)bot.get("secret_sha256"));
        final byte[] sealed = BotSecrets.fromHex((String)bot.get("sealed_secret"));
        final boolean ok = BotSecrets.secretMatches(pending.alert.secret(), hash)
            || BotSecrets.secretMatches(pending.token, hash)
            || BotSecrets.forDataDir(gateway.config().dataDir()).signatureMatches(pending.signature, sealed, pending.body, pending.body.length);
        if (!ok)
        {
            webhookRefusal(401, ResultCode.INVALID_CREDENTIALS.name(), "unknown bot or wrong secret", null, true);
            return;
        }
        final String botId = (String)bot.get("bot_id");
        connection.submit(pending.pipeline, CommandType.WEBHOOK_SIGNAL, CommandFrame.PRINCIPAL_SYSTEM,
            writer -> pending.alert.encode(writer, botId), CommandFrame.SOURCE_WEBHOOK);
    }

    /** Seed 003's failure body with API.md's error object: {"success": false, "message", "error": {...}}. */
    static void webhookError(final JsonWriter json, final String code, final String message, final String field)
    {
        json.startObject();
        json.name("success").bool(false);
        json.name("message").string(message);
        ErrorJson.member(json, code, message, field);
        json.endObject();
    }

    private void webhookRefusal(final int status, final String code, final String message, final String field, final boolean inFlight)
    {
        final org.agrona.ExpandableArrayBuffer buffer = new org.agrona.ExpandableArrayBuffer(256);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        webhookError(json, code, message, field);
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        if (inFlight)
        {
            connection.replyOnLoop(status, bytes);
        }
        else
        {
            connection.respond(status, bytes);
        }
    }

    private record PendingAlert(Alert alert, String token, String signature, byte[] body, Pipeline pipeline)
    {
    }

    // ---- helpers ----

    private void send(final Pipeline pipeline, final ApiKey key, final Scope required, final CommandType type, final RequestBody body)
    {
        if (!key.scope().allows(required))
        {
            connection.respondError(ResultCode.FORBIDDEN, "this needs a key of scope " + required.wireName() + " or above", null);
            return;
        }
        connection.submit(pipeline, type, key.principal(), body);
    }

    private void notAllowed(final HttpMethod method, final String allowed)
    {
        connection.respondMethodNotAllowed(method, allowed);
    }

    private static String pathId(final String text, final String field) throws BadRequest
    {
        final String decoded = QueryStringDecoder.decodeComponent(text);
        if (!RequestReader.isId(decoded, 64))
        {
            throw new BadRequest(ResultCode.NOT_FOUND, field + " not found", field);
        }
        return decoded;
    }

    private static long parseId(final String text) throws BadRequest
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "group order not found", "group_order_id");
        }
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

    private static byte[] quote(final String text)
    {
        final org.agrona.ExpandableArrayBuffer buffer = new org.agrona.ExpandableArrayBuffer(text.length() + 8);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        json.string(text);
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
