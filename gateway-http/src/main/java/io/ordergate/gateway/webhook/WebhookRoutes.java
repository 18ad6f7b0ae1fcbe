package io.ordergate.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.ordergate.config.WebhookConfig;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.bots.BotCredentials;
import io.ordergate.gateway.bots.BotSecrets;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;

/**
 * The TradingView webhook (seed 003): an alert, authenticated by its bot's secret ({@link BotSecretAccess}) before
 * anything is published, becomes one journaled WEBHOOK_SIGNAL that the engine fans out to the bot's group and
 * accounts; the answer is the engine's, refusals are in seed 003's shape ({@link WebhookErrors}). Thread safe.
 */
public final class WebhookRoutes implements Feature
{
    private static final Answer SIGNAL = Answers.engineJson(WebhookErrors.FORMAT);

    private final Access botSecret;

    public WebhookRoutes(final WebhookConfig config, final BotCredentials bots, final BotSecrets secrets)
    {
        this.botSecret = new BotSecretAccess(bots, new SourceAllowlist(config.allowedSources()), secrets,
            config.signedAlertWindowSeconds(), System::currentTimeMillis);
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/webhook/tradingview", botSecret, BodyKind.JSON_OR_TEXT, WebhookRoutes::signal).errors(WebhookErrors.FORMAT))
            .add(Route.post("/webhook/tradingview/{token}", botSecret, BodyKind.JSON_OR_TEXT, WebhookRoutes::signal).errors(WebhookErrors.FORMAT))
            .add(Route.get("/webhook/tradingview/test", Access.NONE, WebhookRoutes::test).errors(WebhookErrors.FORMAT))
            .notFound("/webhook/tradingview/", WebhookErrors.FORMAT);
    }

    private static void signal(final Exchange exchange)
    {
        final BotSecretAccess.WebhookCaller caller = (BotSecretAccess.WebhookCaller)exchange.caller();
        final Alert alert = caller.alert();
        final String botId = caller.botId();
        exchange.publish(CommandType.WEBHOOK_SIGNAL, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_WEBHOOK,
            writer -> alert.encode(writer, botId), SIGNAL);
    }

    private static void test(final Exchange exchange)
    {
        final String json = "{\"success\":true,\"message\":\"Webhook endpoint is operational\",\"data\":{\"timestamp\":\""
            + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"correlation_id\":\"" + UUID.randomUUID() + "\"}}";
        exchange.send(200, json.getBytes(StandardCharsets.UTF_8));
    }
}
