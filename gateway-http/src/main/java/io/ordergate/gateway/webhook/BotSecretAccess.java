package io.ordergate.gateway.webhook;

import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

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
 * Calls from outside {@code webhook.allowed_sources} are refused first.
 *
 * <p>A signature, unlike a secret, can be captured and sent again with its body. So every alert authenticated by its
 * signature alone must say when it was sent, within {@code webhook.signed_alert_window_seconds} of the gateway's clock,
 * whether or not it has an {@code id}: the engine remembers ids only for its last fan-outs, so an id alone would let a
 * captured body trade again once forgotten. One without an id is named by its signature ({@code sig-} and 32 hex digits
 * of the HMAC): sent again inside the window it is a duplicate of itself (the engine answers the first result);
 * outside the window every signed alert is refused. Thread safe.
 */
final class BotSecretAccess implements Access
{
    static final String SIGNATURE_HEADER = "X-TradingView-Signature";
    static final String SIGNATURE_ID_PREFIX = "sig-";
    private static final int SIGNATURE_ID_BYTES = 16;
    private static final String TOKEN = "token";
    private static final HexFormat HEX = HexFormat.of();

    private final BotCredentials bots;
    private final SourceAllowlist allowlist;
    private final BotSecrets secrets;
    private final long signedWindowMillis;
    private final LongSupplier clockMillis;
    private final BotCredentials.Entry decoy;

    BotSecretAccess(
        final BotCredentials bots, final SourceAllowlist allowlist, final BotSecrets secrets, final int signedWindowSeconds,
        final LongSupplier clockMillis)
    {
        this.bots = bots;
        this.allowlist = allowlist;
        this.secrets = secrets;
        this.decoy = secrets.decoy();
        this.signedWindowMillis = signedWindowSeconds * 1000L;
        this.clockMillis = clockMillis;
    }

    @Override
    public Caller authenticate(final Exchange exchange) throws BadRequest
    {
        if (!allowlist.allows(exchange.remoteAddress()))
        {
            throw new BadRequest(ResultCode.FORBIDDEN, "this source address may not call the webhook", null);
        }
        final long bodyFingerprint = secrets.bodyFingerprint(exchange.body(), exchange.bodyLength());
        final Alert alert = Alert.parse(exchange.json(), exchange.body(), exchange.bodyLength(), bodyFingerprint);
        final String token = exchange.path().has(TOKEN) ? exchange.path().text(TOKEN) : null;
        final boolean named = alert.bot() != null && !alert.bot().isEmpty();
        if (!named && token == null)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, "name the bot (botname or bot) or use /webhook/tradingview/{token}", null);
        }
        final BotCredentials.Entry found = named ? bots.find(alert.bot()) : onlyBotOf(token);
        // An unknown bot is checked against the decoy with the same work, then refused: no faster answer for a name
        // that does not exist (a signed body is hashed whole under the secret, which takes time to see).
        final BotCredentials.Entry bot = found == null ? decoy : found;
        if (secrets.secretMatches(alert.secret(), bot.verifier()) || secrets.secretMatches(token, bot.verifier()))
        {
            return accepted(found, alert);
        }
        final byte[] signature = secrets.signature(exchange.header(SIGNATURE_HEADER), bot.botId(), bot.sealedSecret(),
            exchange.body(), exchange.bodyLength());
        if (signature == null || found == null)
        {
            throw unknown();
        }
        withinWindow(alert);
        if (alert.alertId().isEmpty())
        {
            alert.alertId(SIGNATURE_ID_PREFIX + HEX.formatHex(signature, 0, SIGNATURE_ID_BYTES));
        }
        return new WebhookCaller(bot.botId(), alert);
    }

    /**
     * The one bot whose secret is the path token, or null. A secret two bots share names neither: taking the first
     * would trade the alert on the accounts of a bot it may not be meant for, so the alert must name its bot.
     */
    private BotCredentials.Entry onlyBotOf(final String token) throws BadRequest
    {
        final List<BotCredentials.Entry> found = bots.bySecret(token);
        if (found.size() > 1)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, "more than one bot has this secret: name the bot in the alert"
                + " (bot or botname), or give each bot its own secret", "bot");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** A signed alert: its time must be inside the window, or it may be an old alert captured and sent again. */
    private void withinWindow(final Alert alert) throws BadRequest
    {
        final long seconds = signedWindowMillis / 1000L;
        if (alert.sentAtMillis() == Alert.NO_TIME)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, "a signed alert must say when it was sent"
                + " (time, timenow or timestamp; e.g. \"time\": \"{{timenow}}\")", "time");
        }
        if (Math.abs(clockMillis.getAsLong() - alert.sentAtMillis()) > signedWindowMillis)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, "the signed alert's time is more than " + seconds
                + " s from the gateway's clock: an alert authenticated by its signature is taken only inside that window", "time");
        }
    }

    private static WebhookCaller accepted(final BotCredentials.Entry found, final Alert alert) throws BadRequest
    {
        if (found == null)
        {
            throw unknown();  // the decoy's random secret: never presented, but never a caller either
        }
        return new WebhookCaller(found.botId(), alert);
    }

    private static BadRequest unknown()
    {
        return new BadRequest(ResultCode.INVALID_CREDENTIALS, "unknown bot or wrong secret", null);
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
