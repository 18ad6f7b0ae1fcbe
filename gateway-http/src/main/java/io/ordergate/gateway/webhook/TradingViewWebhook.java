package io.ordergate.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.http.ErrorJson;
import io.ordergate.gateway.http.GatewayContext;
import io.ordergate.gateway.http.HttpConnection;
import io.ordergate.gateway.json.BadRequest;

/**
 * <b>Not thread safe</b>: belongs to one {@link HttpConnection} and its event loop, except {@link #takeReply}, called
 * by the reply stage for the command in flight. The TradingView webhook ({@code /webhook/tradingview}): two commands
 * on the ring, a read of the bot's credentials, then the journaled signal once the alert is authenticated, so no
 * unauthenticated alert is ever journaled. Refusals use seed 003's body (see {@link #error}), not the plain API
 * error object, and need no API key.
 */
public final class TradingViewWebhook
{
    public static final String PATH = "/webhook/tradingview";
    public static final String SIGNATURE_HEADER = "X-TradingView-Signature";
    /** What {@link #handle} serves ({@code {}} is a path parameter); see {@code RouteCatalog}. */
    public static final List<String> OPERATIONS = List.of(
        "POST /webhook/tradingview", "POST /webhook/tradingview/{}", "GET /webhook/tradingview/test");

    private final HttpConnection connection;
    private final GatewayContext gateway;
    private final SourceAllowlist allowlist;
    // Per request, written before publishing, read by the reply stage for the command in flight.
    private volatile PendingAlert pendingAlert;

    public TradingViewWebhook(final HttpConnection connection, final GatewayContext gateway)
    {
        this.connection = connection;
        this.gateway = gateway;
        this.allowlist = new SourceAllowlist(gateway.config().webhook().allowedSources());
    }

    /** Event loop: answers or publishes the credential read; {@code parts} is the path split at '/', without the first. */
    public void handle(final FullHttpRequest request, final HttpMethod method, final String[] parts, final byte[] body, final int length,
        final Pipeline pipeline)
    {
        try
        {
            receive(request, method, parts, body, length, pipeline);
        }
        catch (final BadRequest bad)
        {
            refusal(bad.code().httpStatus(), bad.code().name(), bad.getMessage(), bad.field(), false);
        }
    }

    private void receive(final FullHttpRequest request, final HttpMethod method, final String[] parts, final byte[] body, final int length,
        final Pipeline pipeline) throws BadRequest
    {
        if (parts.length == 3 && "test".equals(parts[2]) && HttpMethod.GET.equals(method))
        {
            final String json = "{\"success\":true,\"message\":\"Webhook endpoint is operational\",\"data\":{\"timestamp\":\""
                + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\",\"correlation_id\":\"" + UUID.randomUUID() + "\"}}";
            connection.respondJson(200, json.getBytes(StandardCharsets.UTF_8), null);
            return;
        }
        if (parts.length > 3 || !HttpMethod.POST.equals(method))
        {
            refusal(parts.length > 3 ? 404 : 405, parts.length > 3 ? "NOT_FOUND" : "METHOD_NOT_ALLOWED",
                "POST /webhook/tradingview or /webhook/tradingview/{token}", null, false);
            return;
        }
        if (!gateway.isReady() || pipeline == null)
        {
            refusal(503, ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage(), null, false);
            return;
        }
        if (!allowlist.allows(connection.channelContext().channel().remoteAddress()))
        {
            refusal(403, ResultCode.FORBIDDEN.name(), "this source address may not call the webhook", null, false);
            return;
        }
        final String token = parts.length == 3 ? QueryStringDecoder.decodeComponent(parts[2]) : null;
        final Alert alert = Alert.parse(body, length);
        final String signature = request.headers().get(SIGNATURE_HEADER);
        if ((alert.bot() == null || alert.bot().isEmpty()) && token == null)
        {
            refusal(401, ResultCode.INVALID_CREDENTIALS.name(), "name the bot (botname or bot) or use /webhook/tradingview/{token}", null, false);
            return;
        }
        final byte[] tokenHash = token != null && (alert.bot() == null || alert.bot().isEmpty()) ? BotSecrets.sha256(token) : null;
        pendingAlert = new PendingAlert(alert, token, signature, java.util.Arrays.copyOf(body, length), pipeline);
        final String botName = alert.bot() == null ? "" : alert.bot();
        connection.submit(pipeline, CommandType.BOT_CREDENTIALS, CommandFrame.PRINCIPAL_SYSTEM,
            writer -> GroupBodies.botCredentials(writer, botName, tokenHash), CommandFrame.SOURCE_WEBHOOK);
    }

    /** Reply thread: takes the answer of a webhook's credential read, and goes on from the event loop. */
    public boolean takeReply(final CommandEvent event)
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
            refusal(401, ResultCode.INVALID_CREDENTIALS.name(), "unknown bot or wrong secret", null, true);
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
            refusal(500, "INTERNAL_ERROR", "unreadable bot credentials", null, true);
            return;
        }
        final byte[] hash = BotSecrets.fromHex((String)bot.get("secret_sha256"));
        final byte[] sealed = BotSecrets.fromHex((String)bot.get("sealed_secret"));
        final boolean ok = BotSecrets.secretMatches(pending.alert.secret(), hash)
            || BotSecrets.secretMatches(pending.token, hash)
            || BotSecrets.forDataDir(gateway.config().dataDir()).signatureMatches(pending.signature, sealed, pending.body, pending.body.length);
        if (!ok)
        {
            refusal(401, ResultCode.INVALID_CREDENTIALS.name(), "unknown bot or wrong secret", null, true);
            return;
        }
        final String botId = (String)bot.get("bot_id");
        connection.submit(pending.pipeline, CommandType.WEBHOOK_SIGNAL, CommandFrame.PRINCIPAL_SYSTEM,
            writer -> pending.alert.encode(writer, botId), CommandFrame.SOURCE_WEBHOOK);
    }

    /** Seed 003's failure body with API.md's error object: {"success": false, "message", "error": {...}}. */
    public static void error(final JsonWriter json, final String code, final String message, final String field)
    {
        json.startObject();
        json.name("success").bool(false);
        json.name("message").string(message);
        ErrorJson.member(json, code, message, field);
        json.endObject();
    }

    private void refusal(final int status, final String code, final String message, final String field, final boolean inFlight)
    {
        final org.agrona.ExpandableArrayBuffer buffer = new org.agrona.ExpandableArrayBuffer(256);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        error(json, code, message, field);
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        if (inFlight)
        {
            connection.replyOnLoop(status, bytes);
        }
        else
        {
            connection.respondJson(status, bytes, null);
        }
    }

    private record PendingAlert(Alert alert, String token, String signature, byte[] body, Pipeline pipeline)
    {
    }
}
