package io.ordergate.gateway.streams;

import java.util.Locale;

import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.quotes.QuoteRoutes;

/**
 * One message a client sends on its user socket, decoded strictly (unknown fields, wrong types and missing names are
 * refused with the field at fault): {@code {"type": "subscribe"|"unsubscribe", "bot_id"}}, {@code {"type":
 * "subscribe"|"unsubscribe", "channel": "orders"|"positions"|"account", "account_id"}}, {@code {"type": ...,
 * "channel": "quotes"|"candles", "symbol", "timeframe"?}}, or {@code {"type": "ping"|"pong"}}. Immutable.
 *
 * @param key the subscription's name on the socket, e.g. {@code orders:paper-1}, {@code candles:EURUSD:1m}
 * @param id the account id, symbol or bot id
 */
record StreamRequest(Type type, StreamChannel channel, String id, Timeframe timeframe, String key)
{
    enum Type
    {
        SUBSCRIBE, UNSUBSCRIBE, PING, PONG
    }

    static final Timeframe DEFAULT_TIMEFRAME = Timeframe.M1;

    /**
     * @throws UnreadableRequest naming the problem and what of the subscription could be read before it (the fields
     *     sent before a break in the JSON; every well-formed one when the message is JSON)
     */
    static StreamRequest parse(final RequestReader reader, final byte[] body, final int length) throws UnreadableRequest
    {
        String type = null;
        String channelName = null;
        String accountId = null;
        String symbol = null;
        String timeframeName = null;
        String botId = null;
        try
        {
            reader.begin(body, length, false);
            while (reader.nextField())
            {
                final String field = reader.fieldName();
                switch (field)
                {
                    case "type": type = reader.string(field, 16); break;
                    case "channel": channelName = reader.string(field, 16); break;
                    case "account_id": accountId = reader.id(field, Ids.MAX_LENGTH); break;
                    case "symbol": symbol = reader.id(field, QuoteRoutes.MAX_SYMBOL); break;
                    case "timeframe": timeframeName = reader.string(field, 3); break;
                    case "bot_id": botId = reader.id(field, Ids.MAX_LENGTH); break;
                    default: reader.unknownField(field);
                }
            }
            reader.finish();
            return decide(type, channelName, accountId, symbol, timeframeName, botId);
        }
        catch (final BadRequest bad)
        {
            throw new UnreadableRequest(bad, channelName, accountId, symbol, timeframeName, botId);
        }
    }

    private static StreamRequest decide(final String typeName, final String channelName, final String accountId, final String symbol,
        final String timeframeName, final String botId) throws BadRequest
    {
        if (typeName == null)
        {
            throw BadRequest.validation("type", "type is required: subscribe, unsubscribe, ping or pong");
        }
        final Type type;
        switch (typeName.toLowerCase(Locale.ROOT))
        {
            case "subscribe": type = Type.SUBSCRIBE; break;
            case "unsubscribe": type = Type.UNSUBSCRIBE; break;
            case "ping": return new StreamRequest(Type.PING, null, null, null, null);
            case "pong": return new StreamRequest(Type.PONG, null, null, null, null);
            default: throw BadRequest.validation("type", "type must be subscribe, unsubscribe, ping or pong");
        }
        if (botId != null)
        {
            if (channelName != null || accountId != null || symbol != null || timeframeName != null)
            {
                throw BadRequest.validation("bot_id", "a bot subscription names bot_id and nothing else");
            }
            return new StreamRequest(type, StreamChannel.BOT, botId, null, "bot:" + botId);
        }
        if (channelName == null)
        {
            throw BadRequest.validation("channel", "channel (orders, positions, account, quotes, candles) or bot_id is required");
        }
        final StreamChannel channel = StreamChannel.fromWireName(channelName);
        if (channel == null)
        {
            throw BadRequest.validation("channel", "channel must be one of orders, positions, account, quotes, candles");
        }
        if (channel.perAccount())
        {
            if (accountId == null)
            {
                throw BadRequest.validation("account_id", "the " + channel.wireName() + " channel needs account_id");
            }
            if (symbol != null || timeframeName != null)
            {
                throw BadRequest.validation(symbol != null ? "symbol" : "timeframe", "the " + channel.wireName() + " channel takes account_id only");
            }
            return new StreamRequest(type, channel, accountId, null, channel.wireName() + ":" + accountId);
        }
        if (symbol == null)
        {
            throw BadRequest.validation("symbol", "the " + channel.wireName() + " channel needs symbol");
        }
        if (accountId != null)
        {
            throw BadRequest.validation("account_id", "the " + channel.wireName() + " channel takes symbol only");
        }
        if (channel == StreamChannel.QUOTES)
        {
            if (timeframeName != null)
            {
                throw BadRequest.validation("timeframe", "the quotes channel takes symbol only");
            }
            return new StreamRequest(type, channel, symbol, null, "quotes:" + symbol);
        }
        final Timeframe timeframe = timeframeName == null ? DEFAULT_TIMEFRAME : timeframe(timeframeName);
        return new StreamRequest(type, channel, symbol, timeframe, "candles:" + symbol + ":" + timeframe.apiName());
    }

    /** A subscribe to the symbol's quotes (a price socket's one subscription). */
    static StreamRequest quotes(final String symbol)
    {
        return new StreamRequest(Type.SUBSCRIBE, StreamChannel.QUOTES, symbol, null, "quotes:" + symbol);
    }

    /** The per-account or bot subscription a key names ({@code orders:paper-1}, {@code bot:b-1}) as its unsubscribe; else null. */
    static StreamRequest ofAccountOrBotKey(final String key)
    {
        final int colon = key.indexOf(':');
        final String name = colon < 0 ? "" : key.substring(0, colon);
        final StreamChannel channel = "bot".equals(name) ? StreamChannel.BOT : StreamChannel.fromWireName(name);
        return channel == null || !channel.perAccount() && channel != StreamChannel.BOT ? null
            : new StreamRequest(Type.UNSUBSCRIBE, channel, key.substring(colon + 1), null, key);
    }

    /** What the id is called on the wire: {@code account_id}, {@code bot_id} or {@code symbol}. */
    String idName()
    {
        return channel.perAccount() ? "account_id" : channel == StreamChannel.BOT ? "bot_id" : "symbol";
    }

    private static Timeframe timeframe(final String name) throws BadRequest
    {
        final Timeframe timeframe = Timeframe.fromClientName(name);
        if (timeframe == null)
        {
            throw new BadRequest(ResultCode.VALIDATION_ERROR, "timeframe must be one of " + Timeframe.CLIENT_NAMES, "timeframe");
        }
        return timeframe;
    }
}
