package io.ordergate.gateway.webhook;

import java.nio.file.Path;

import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.bots.BotCredentials;
import io.ordergate.gateway.bots.BotSecrets;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.BadRequest;

/**
 * The webhook's access: no API key; the alert's bot (named in it, or found by the path's token) proves itself with
 * its secret in the body, the path token, or {@code X-TradingView-Signature} (a hex HMAC-SHA256 of the body). The
 * credential is in the body, so this is where the alert is read: the {@link WebhookCaller} carries it to the handler.
 * Calls from outside {@code webhook.allowed_sources} are refused first. Thread safe.
 */
final class BotSecretAccess implements Access
{
    static final String SIGNATURE_HEADER = "X-TradingView-Signature";
    private static final String TOKEN = "token";

    private final BotCredentials bots;
    private final SourceAllowlist allowlist;
    private final BotSecrets sealing;

    BotSecretAccess(final BotCredentials bots, final SourceAllowlist allowlist, final Path dataDir)
    {
        this.bots = bots;
        this.allowlist = allowlist;
        this.sealing = BotSecrets.forDataDir(dataDir);
    }

    @Override
    public Caller authenticate(final Exchange exchange) throws BadRequest
    {
        if (!allowlist.allows(exchange.remoteAddress()))
        {
            throw new BadRequest(ResultCode.FORBIDDEN, "this source address may not call the webhook", null);
        }
        final Alert alert = Alert.parse(exchange.json(), exchange.body(), exchange.bodyLength());
        final String token = exchange.path().has(TOKEN) ? exchange.path().text(TOKEN) : null;
        final boolean named = alert.bot() != null && !alert.bot().isEmpty();
        if (!named && token == null)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, "name the bot (botname or bot) or use /webhook/tradingview/{token}", null);
        }
        final BotCredentials.Entry bot = named ? bots.find(alert.bot()) : bots.bySecretHash(BotSecrets.sha256(token));
        final boolean authentic = bot != null && (BotSecrets.secretMatches(alert.secret(), bot.secretHash())
            || BotSecrets.secretMatches(token, bot.secretHash())
            || sealing.signatureMatches(exchange.header(SIGNATURE_HEADER), bot.sealedSecret(), exchange.body(), exchange.bodyLength()));
        if (!authentic)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, "unknown bot or wrong secret", null);
        }
        return new WebhookCaller(bot.botId(), alert);
    }

    @Override
    public String toString()
    {
        return "bot secret";
    }

    /** The authenticated bot and its alert. */
    record WebhookCaller(String botId, Alert alert) implements Caller
    {
        @Override
        public int principal()
        {
            return CommandFrame.PRINCIPAL_SYSTEM;
        }
    }
}
