package io.ordergate.engine.venue.paper;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.change.Changes;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.Ledger;
import io.ordergate.engine.risk.RiskCheck;

/**
 * The paper venue's matching: fills against the latest quote in full, rests what cannot fill yet (gtc) in the
 * instrument's list of resting orders, expires what may not rest (ioc/fok), and fills resting orders a quote reaches.
 * Fills are booked on the engine's positions (net, or a hedging account's own). <b>Not thread safe</b>: owned by the engine thread.
 */
final class PaperMatching
{
    /** The paper venue's id for a fill: "fill-" and the trade id (not "paper-N", which reads like an account). */
    static final String FILL_PREFIX = "fill-";

    private final Orders orders;
    private final Accounts accounts;
    private final Instruments instruments;
    private final Ledger ledger;
    private final Changes changes;
    private final RiskCheck risk;

    PaperMatching(final EngineContext context)
    {
        this.risk = context.risk();
        this.orders = context.orders();
        this.accounts = context.accounts();
        this.instruments = context.instruments();
        this.ledger = context.ledger();
        this.changes = context.changes();
    }

    /** True when the order may fill at the current quote: a market order, or a limit or stop whose price it reached. */
    static boolean isMarketable(final Order order, final Instrument instrument)
    {
        return instrument.fillsNow(order.type, order.side == Side.BUY, order.price);
    }

    /** Fills now, rests (gtc) or expires (ioc/fok) an order that passed risk. */
    void execute(final Order order, final Account account, final Instrument instrument, final long nowMicros)
    {
        if (isMarketable(order, instrument))
        {
            fill(order, account, instrument, nowMicros);
        }
        else if (order.timeInForce == TimeInForce.GTC)
        {
            order.status = OrderStatus.ACCEPTED;
            orders.addResting(order);
            account.openOrders++;
        }
        else
        {
            order.status = OrderStatus.EXPIRED;
        }
    }

    /** Fills, in arrival order, the instrument's resting orders that its current quote reached. */
    void matchResting(final Instrument instrument, final long nowMicros)
    {
        Order order = orders.firstResting(instrument.index);
        while (order != null)
        {
            final Order next = orders.nextResting(order);
            if (isMarketable(order, instrument))
            {
                final Account account = accounts.get(order.accountIndex);
                orders.removeResting(order);
                account.openOrders--;
                final ResultCode refused = risk.checkRestingFill(account, instrument, order.side, order.quantity, order.closesPositionId,
                    instrument.executablePrice(order.side == Side.BUY), nowMicros);
                if (refused == null)
                {
                    fill(order, account, instrument, nowMicros);
                }
                else
                {
                    // Checked when placed against the account as it was; what it would add now is refused, as a
                    // venue refuses a pending order it cannot margin when it triggers.
                    changes.order(order);
                    order.reject(refused, null, nowMicros);
                }
            }
            order = next;
        }
    }

    /** Cancels every resting order of the account, instrument by instrument in arrival order; answers how many. */
    int cancelResting(final Account account, final long nowMicros)
    {
        int cancelled = 0;
        for (int i = 0; i < instruments.count(); i++)
        {
            Order order = orders.firstResting(i);
            while (order != null)
            {
                final Order next = orders.nextResting(order);
                if (order.accountIndex == account.index)
                {
                    cancelResting(order, account, nowMicros);
                    cancelled++;
                }
                order = next;
            }
        }
        return cancelled;
    }

    void cancelResting(final Order order, final Account account, final long nowMicros)
    {
        changes.order(order);
        orders.removeResting(order);
        account.openOrders--;
        order.status = OrderStatus.CANCELLED;
        order.updatedAtMicros = nowMicros;
    }

    /** Fills the whole order at the quote's executable price onto the account's positions, with the order's stops. */
    private void fill(final Order order, final Account account, final Instrument instrument, final long nowMicros)
    {
        final long price = instrument.executablePrice(order.side == Side.BUY);
        changes.order(order);
        final Trade trade = ledger.fill(account, instrument, order, order.quantity, price, nowMicros);
        order.status = OrderStatus.FILLED;
        order.filledQuantity = order.quantity;
        order.averagePrice = price;
        order.venueOrderId = trade.tradeId;
        order.realizedPnl = trade.realizedPnl;
        order.venuePrefix = FILL_PREFIX;
        order.positionId = trade.positionId;
        order.updatedAtMicros = nowMicros;
    }
}
