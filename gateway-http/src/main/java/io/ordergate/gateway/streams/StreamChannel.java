package io.ordergate.gateway.streams;

import java.util.Locale;

/**
 * What a user socket may subscribe to (API.md, "Market data and streams"): an account's orders, positions or
 * account, a symbol's quotes or candles, or a bot's updates (seed 003's {@code bot_id} subscription). Immutable.
 */
enum StreamChannel
{
    ORDERS("orders", true),
    POSITIONS("positions", true),
    ACCOUNT("account", true),
    QUOTES("quotes", false),
    CANDLES("candles", false),
    BOT("bot", false);

    private final String wireName;
    private final boolean perAccount;

    StreamChannel(final String wireName, final boolean perAccount)
    {
        this.wireName = wireName;
        this.perAccount = perAccount;
    }

    String wireName()
    {
        return wireName;
    }

    /** Named by {@code account_id} (else by {@code symbol}, or {@code bot_id} for a bot). */
    boolean perAccount()
    {
        return perAccount;
    }

    /** @return the channel a client names (any letter case), or null; {@code bot} is named by {@code bot_id} only */
    static StreamChannel fromWireName(final String name)
    {
        final String lower = name.toLowerCase(Locale.ROOT);
        for (final StreamChannel channel : values())
        {
            if (channel != BOT && channel.wireName.equals(lower))
            {
                return channel;
            }
        }
        return null;
    }
}
