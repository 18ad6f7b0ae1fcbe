package io.ordergate.gateway.bots;

import java.util.ArrayList;
import java.util.List;

import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * {@code POST /api/v1/bots} {@code {"bot_id", "name"?, "group_id"?, "account_ids"?, "secret"?, "base_name"?,
 * "timeframe"?}} (and seed 003's {@code POST /bots/create?name=&base_name=&timeframe=}): the bot's webhook
 * secret (given, or made here) is journaled only as a keyed hash and a sealed copy ({@link BotSecrets}); the secret itself travels to the
 * 201 in the answer and nowhere else. Immutable once decoded.
 */
final class CreateBotRequest implements RequestBody
{
    private final String botId;
    private final String name;
    private final String groupId;
    private final List<String> accountIds;
    private final String secret;
    private final String baseName;
    private final String timeframe;
    private final byte[] hash;
    private final byte[] sealed;

    CreateBotRequest(final String botId, final String name, final String groupId, final List<String> accountIds, final String secret,
        final String baseName, final String timeframe, final BotSecrets secrets)
    {
        this.baseName = baseName;
        this.timeframe = timeframe;
        this.botId = botId;
        this.name = name;
        this.groupId = groupId;
        this.accountIds = accountIds;
        this.secret = secret;
        this.hash = secrets.journalHash(secret);
        this.sealed = secrets.journalSeal(botId, secret);
    }

    static CreateBotRequest decode(final RequestReader in, final byte[] body, final int length, final BotSecrets secrets) throws BadRequest
    {
        in.begin(body, length, false);
        String botId = null;
        String name = null;
        String groupId = null;
        String secret = null;
        String baseName = null;
        String timeframe = null;
        final List<String> accountIds = new ArrayList<>();
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "bot_id": botId = in.id(field, Ids.MAX_LENGTH); break;
                case "name": name = in.string(field, 64); break;
                case "group_id": groupId = in.id(field, Ids.MAX_LENGTH); break;
                case "secret": secret = in.string(field, 256); break;
                case "base_name": baseName = in.string(field, 64); break;
                case "timeframe": timeframe = in.string(field, 8); break;
                case "account_ids":
                    if (!in.isNull() && in.expectArray(field))
                    {
                        while (in.nextElement())
                        {
                            final String accountId = in.id(field, Ids.MAX_LENGTH);
                            if (accountId != null)
                            {
                                accountIds.add(accountId);
                            }
                        }
                    }
                    break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (botId == null)
        {
            throw BadRequest.validation("bot_id", "bot_id is required");
        }
        // API.md's own example is "s3cret": the operator chooses the strength; only an empty secret is refused.
        if (secret != null && secret.isEmpty())
        {
            throw BadRequest.validation("secret", "secret must not be empty");
        }
        return new CreateBotRequest(botId, name == null ? "" : name, groupId == null ? "" : groupId, List.copyOf(accountIds),
            secret != null ? secret : Secrets.newSecret(), baseName == null ? "" : baseName, checkedTimeframe(timeframe), secrets);
    }

    /**
     * Seed 003's timeframes (TimeFrame): any letter case, answered as listed, but a number and an upper-case M ({@code
     * 1M}), months in trading, refused as the candles refuse it rather than kept as minutes; "" for none.
     */
    static String checkedTimeframe(final String timeframe) throws BadRequest
    {
        if (timeframe == null || timeframe.isEmpty())
        {
            return "";
        }
        for (final String known : TIMEFRAMES)
        {
            if (known.equalsIgnoreCase(timeframe) && !Timeframe.namesMonths(timeframe))
            {
                return known;
            }
        }
        throw BadRequest.validation("timeframe", "timeframe must be one of " + String.join(", ", TIMEFRAMES)
            + " (any letter case, but 1M is a month, not a minute)");
    }

    private static final String[] TIMEFRAMES = {"1m", "5m", "15m", "30m", "1h", "4h", "6h", "1d", "3d"};

    /** The secret, for the one answer that shows it. */
    String secret()
    {
        return secret;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        GroupBodies.createBot(writer, botId, name, groupId, accountIds, hash, sealed);
        GroupBodies.createBotTail(writer, baseName, timeframe);
    }

    @Override
    public String toString()
    {
        return "CreateBotRequest{" + botId + "}";  // never the secret
    }
}
