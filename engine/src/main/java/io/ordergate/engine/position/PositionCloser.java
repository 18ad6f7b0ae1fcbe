package io.ordergate.engine.position;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.venue.Venues;

/**
 * The engine's own closing orders for the positions it books (a close by id, close-all, a stop or target hit, a
 * bot's terminate and closing signals): a market order for the quantity to close, in one order, naming the position (a
 * hedging account's fill then reduces that position, not another), sent to the account's venue like any order. No
 * risk limit, throttle or instrument max_quantity applies: they bound what an account may add, and a close that
 * obeyed them could leave a position open that the caller was promised would be closed. A close needs a price:
 * without a quote the order is recorded rejected {@code NO_PRICE}. <b>Not thread safe</b>: engine thread.
 */
public final class PositionCloser
{
    public static final String ORIGIN_STOP_LOSS = "stop_loss";
    public static final String ORIGIN_TAKE_PROFIT = "take_profit";
    public static final String ORIGIN_CLOSE = "close";
    public static final String ORIGIN_CLOSE_ALL = "close_all";

    private final Orders orders;
    private final Venues venues;

    public PositionCloser(final EngineContext context, final Venues venues)
    {
        this.orders = context.orders();
        this.venues = venues;
    }

    /** Closes {@code quantity} of the account's net position in the instrument (see the full form). */
    public Order close(final Account account, final Instrument instrument, final long quantity, final String origin, final CommandEvent event)
    {
        return close(account, instrument, account.positions[instrument.index], quantity, origin, event);
    }

    /** Closes {@code quantity} of {@code position} (see the full form). */
    public Order close(final Account account, final Instrument instrument, final Position position, final long quantity,
        final String origin, final CommandEvent event)
    {
        return close(account, instrument, position, quantity, origin, null, 0, event);
    }

    /**
     * Makes and routes a market order that closes {@code quantity} of {@code position}.
     *
     * @param venueSymbol   a group member's name for the instrument at its venue, or null
     * @param groupOrderId  the fan-out the close is a child of (a signal, a terminate), or 0
     * @return the closing order (filled, routed or rejected), or null only when the order table is full of open orders
     */
    public Order close(final Account account, final Instrument instrument, final Position position, final long quantity,
        final String origin, final String venueSymbol, final long groupOrderId, final CommandEvent event)
    {
        if (!orders.canAllocate())
        {
            return null;
        }
        final long now = event.wallMicros();
        final Order order = orders.allocate();
        order.accountIndex = account.index;
        order.accountId = account.id;
        order.instrumentIndex = instrument.index;
        order.symbol = instrument.symbol;
        order.priceDigits = instrument.priceDigits;
        order.quantityDigits = instrument.quantityDigits;
        order.side = position.quantity > 0 ? Side.SELL : Side.BUY;
        order.type = OrderType.MARKET;
        order.timeInForce = TimeInForce.IOC;
        order.quantity = quantity;
        order.closesPositionId = position.positionId;
        order.origin = origin;
        order.venueSymbol = venueSymbol;
        order.groupOrderId = groupOrderId;
        order.createdAtMicros = now;
        order.updatedAtMicros = now;
        if (!instrument.hasQuote())
        {
            order.reject(ResultCode.NO_PRICE, null, now);
            return order;
        }
        venues.route(order, account, instrument, event);
        return order;
    }
}
