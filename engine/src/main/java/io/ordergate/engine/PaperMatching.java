package io.ordergate.engine;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.Position;

/**
 * The paper venue's matching: fills against the latest quote, rests what cannot fill yet, and makes the engine's
 * own closing orders. Shared by the order, position and quote flows. <b>Not thread safe</b>: engine thread.
 */
final class PaperMatching
{
    static final String ORIGIN_STOP_LOSS = "stop_loss";
    static final String ORIGIN_TAKE_PROFIT = "take_profit";
    static final String ORIGIN_CLOSE = "close";
    static final String ORIGIN_CLOSE_ALL = "close_all";
    /** The paper venue's id for a fill: "fill-" and the trade id (not "paper-N", which reads like an account). */
    static final String PAPER_PREFIX = "fill-";

    private final EngineState state;

    PaperMatching(final EngineState state)
    {
        this.state = state;
    }

    /** True when a limit or stop order's price is reached by the current quote. */
    static boolean isMarketable(final Order order, final Instrument instrument)
    {
        if (!instrument.hasQuote())
        {
            return false;
        }
        final boolean buy = order.side == Side.BUY;
        switch (order.type)
        {
            case MARKET: return true;
            case LIMIT: return buy ? instrument.ask <= order.price : instrument.bid >= order.price;
            case STOP: return buy ? instrument.ask >= order.price : instrument.bid <= order.price;
            default: return false;
        }
    }

    /** Executes an accepted order on the paper venue: fill now, rest (gtc) or expire (ioc/fok). */
    void execute(final Order order, final Account account, final Instrument instrument, final long nowMicros)
    {
        if (isMarketable(order, instrument))
        {
            fill(order, account, instrument, instrument.executablePrice(order.side == Side.BUY), nowMicros);
        }
        else if (order.timeInForce == TimeInForce.GTC)
        {
            order.status = OrderStatus.ACCEPTED;
            state.orders.addResting(order);
            account.openOrders++;
        }
        else
        {
            order.status = OrderStatus.EXPIRED;
        }
    }

    /** Fills a resting order whose price the quote has reached. */
    void fillResting(final Order order, final Account account, final Instrument instrument, final long nowMicros)
    {
        state.orders.removeResting(order);
        account.openOrders--;
        fill(order, account, instrument, instrument.executablePrice(order.side == Side.BUY), nowMicros);
    }

    /** Cancels a resting order. */
    void cancelResting(final Order order, final Account account, final long nowMicros)
    {
        state.orders.removeResting(order);
        account.openOrders--;
        order.status = OrderStatus.CANCELLED;
        order.updatedAtMicros = nowMicros;
    }

    /**
     * Makes and fills a market order that closes {@code quantity} of a position, or records it rejected with
     * NO_PRICE when there is no quote. Returns null only when the order table is full of open orders.
     */
    Order close(final Account account, final Instrument instrument, final long quantity, final String origin, final long nowMicros)
    {
        if (!state.orders.canAllocate())
        {
            return null;
        }
        final Position position = account.positions[instrument.index];
        final Order order = state.orders.allocate();
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
        order.origin = origin;
        order.createdAtMicros = nowMicros;
        order.updatedAtMicros = nowMicros;
        if (!instrument.hasQuote())
        {
            reject(order, ResultCode.NO_PRICE, nowMicros);
            return order;
        }
        fill(order, account, instrument, instrument.executablePrice(order.side == Side.BUY), nowMicros);
        return order;
    }

    static void reject(final Order order, final ResultCode code, final long nowMicros)
    {
        order.status = OrderStatus.REJECTED;
        order.rejectCode = code;
        order.updatedAtMicros = nowMicros;
    }

    private void fill(final Order order, final Account account, final Instrument instrument, final long price, final long nowMicros)
    {
        final Position position = account.positions[instrument.index];
        final long before = position.quantity;
        final Trade trade = state.ledger.fill(account, instrument, order.side, order.quantity, price, order.orderId, nowMicros);
        order.status = OrderStatus.FILLED;
        order.filledQuantity = order.quantity;
        order.averagePrice = price;
        order.venueOrderId = trade.tradeId;
        order.venuePrefix = PAPER_PREFIX;
        order.positionId = trade.positionId;
        order.updatedAtMicros = nowMicros;

        // The order's stops protect the position it opened or added to; a reducing fill leaves them as they were.
        final long after = position.quantity;
        final boolean opened = before == 0 || Long.signum(after) != Long.signum(before);
        final boolean opensOrAdds = after != 0 && (opened || Math.abs(after) > Math.abs(before));
        if (opensOrAdds)
        {
            if (order.stopLoss != OrderView.NONE)
            {
                position.stopLoss = order.stopLoss;
            }
            if (order.takeProfit != OrderView.NONE)
            {
                position.takeProfit = order.takeProfit;
            }
        }
    }
}
