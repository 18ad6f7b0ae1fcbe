package io.ordergate.gateway.streams;

import io.ordergate.engine.candle.Timeframe;
import io.ordergate.gateway.json.BadRequest;

/**
 * A client's message that could not be read as a request ({@link StreamRequest#parse}), with what of the subscription it
 * names could be read before the problem: a known {@code channel} ({@code "bot"} for a message naming a {@code bot_id}
 * and no channel), the {@code account_id}, {@code symbol} or {@code bot_id} as sent, and for candles the timeframe
 * (the default when none was given, as a subscription names it). The error answering it names them as every other
 * subscription error does ({@link StreamMessages#unreadable}), so a client with several subscribes in flight knows
 * which one was refused; each is null when it was not sent or is the field at fault. Thrown on the error path only,
 * without a stack trace. Immutable.
 */
final class UnreadableRequest extends Exception
{
    private static final long serialVersionUID = 1L;

    private final BadRequest problem;
    private final String channel;
    private final String accountId;
    private final String symbol;
    private final String botId;
    private final String timeframe;

    UnreadableRequest(final BadRequest problem, final String channelName, final String accountId, final String symbol, final String timeframeName,
        final String botId)
    {
        super(problem.getMessage(), null, false, false);
        this.problem = problem;
        final String fault = problem.field();
        final StreamChannel known = channelName == null || "channel".equals(fault) ? null : StreamChannel.fromWireName(channelName);
        this.channel = known != null ? known.wireName() : channelName == null && botId != null ? StreamChannel.BOT.wireName() : null;
        this.accountId = unlessAtFault("account_id", accountId, fault);
        this.symbol = unlessAtFault("symbol", symbol, fault);
        this.botId = unlessAtFault("bot_id", botId, fault);
        final Timeframe named = timeframeName == null ? null : Timeframe.fromClientName(timeframeName);
        this.timeframe = known != StreamChannel.CANDLES || "timeframe".equals(fault) ? null
            : named != null ? named.apiName() : timeframeName == null ? StreamRequest.DEFAULT_TIMEFRAME.apiName() : null;
    }

    /** A field the problem is about is named by the error's {@code field}, not as part of the subscription. */
    private static String unlessAtFault(final String name, final String value, final String fault)
    {
        return name.equals(fault) ? null : value;
    }

    /** The problem: its code, message and the field at fault. */
    BadRequest problem()
    {
        return problem;
    }

    /** The channel's wire name, or null. */
    String channel()
    {
        return channel;
    }

    String accountId()
    {
        return accountId;
    }

    String symbol()
    {
        return symbol;
    }

    String botId()
    {
        return botId;
    }

    /** The candles' timeframe's API name, or null. */
    String timeframe()
    {
        return timeframe;
    }
}
