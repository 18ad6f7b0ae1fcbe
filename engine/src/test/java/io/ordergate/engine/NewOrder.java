package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.wire;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;

/** A new order being built; {@link #send} encodes it with {@link NewOrderBody#encode} and applies it. */
final class NewOrder
{
    private final CommandSender sender;
    private final String accountId;
    private final Side side;
    private final OrderType type;
    private final String symbol;
    private final String quantity;
    private TimeInForce timeInForce;
    private int flags;
    private long price;
    private long stopLoss;
    private long takeProfit;
    private long stopLossPips;
    private long takeProfitPips;
    private long stopLossPct;
    private long takeProfitPct;
    private long trailingStopPct;
    private long trailingStopPips;
    private String clientOrderId = "";

    NewOrder(final CommandSender sender, final String accountId, final Side side, final OrderType type, final String symbol,
        final String quantity)
    {
        this.sender = sender;
        this.accountId = accountId;
        this.side = side;
        this.type = type;
        this.symbol = symbol;
        this.quantity = quantity;
    }

    NewOrder price(final String value)
    {
        flags |= NewOrderBody.HAS_PRICE;
        price = wire(value);
        return this;
    }

    NewOrder stopLoss(final String value)
    {
        flags |= NewOrderBody.HAS_STOP_LOSS;
        stopLoss = wire(value);
        return this;
    }

    NewOrder takeProfit(final String value)
    {
        flags |= NewOrderBody.HAS_TAKE_PROFIT;
        takeProfit = wire(value);
        return this;
    }

    NewOrder stopLossPips(final String value)
    {
        flags |= NewOrderBody.HAS_STOP_LOSS_PIPS;
        stopLossPips = wire(value);
        return this;
    }

    NewOrder takeProfitPips(final String value)
    {
        flags |= NewOrderBody.HAS_TAKE_PROFIT_PIPS;
        takeProfitPips = wire(value);
        return this;
    }

    NewOrder stopLossPct(final String value)
    {
        flags |= NewOrderBody.HAS_STOP_LOSS_PCT;
        stopLossPct = wire(value);
        return this;
    }

    NewOrder takeProfitPct(final String value)
    {
        flags |= NewOrderBody.HAS_TAKE_PROFIT_PCT;
        takeProfitPct = wire(value);
        return this;
    }

    NewOrder trailingStopPct(final String value)
    {
        flags |= NewOrderBody.HAS_TRAILING_STOP_PCT;
        trailingStopPct = wire(value);
        return this;
    }

    NewOrder trailingStopPips(final String value)
    {
        flags |= NewOrderBody.HAS_TRAILING_STOP_PIPS;
        trailingStopPips = wire(value);
        return this;
    }

    NewOrder timeInForce(final TimeInForce value)
    {
        timeInForce = value;
        return this;
    }

    NewOrder clientOrderId(final String value)
    {
        clientOrderId = value;
        return this;
    }

    /** Encodes into {@code event} without applying: for tests that prepare events before measuring. */
    CommandEvent encode(final CommandEvent event)
    {
        NewOrderBody.encode(sender.begin(event, CommandType.NEW_ORDER), accountId, symbol, side, type, timeInForce, flags,
            wire(quantity), price, stopLoss, takeProfit, stopLossPips, takeProfitPips, stopLossPct, takeProfitPct, trailingStopPct,
            trailingStopPips, clientOrderId);
        sender.finish(event);
        return event;
    }

    CommandEvent send()
    {
        return sender.apply(encode(new CommandEvent()));
    }
}
