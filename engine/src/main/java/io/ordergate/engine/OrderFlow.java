package io.ordergate.engine;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;

/**
 * New orders and cancels: validation against the instrument, idempotency, risk, then the venue.
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing per order.
 */
final class OrderFlow
{
    private final EngineState state;
    private final Execution execution;
    private final VenueRouter venues;
    private final BodyReader reader = new BodyReader();
    private final NewOrderBody body = new NewOrderBody();

    OrderFlow(final EngineState state, final Execution execution, final VenueRouter venues)
    {
        this.state = state;
        this.execution = execution;
        this.venues = venues;
    }

    void newOrder(final CommandEvent event)
    {
        body.decode(reader.wrap(event.frame, CommandFrame.BODY_OFFSET));
        final int principal = event.principal();
        final long now = event.wallMicros();

        final Account account = state.accounts.find(body.accountId);
        if (account == null || !state.principals.canAccess(principal, account.index))
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return;
        }
        if (!state.principals.canTrade(principal))
        {
            event.reject(ResultCode.FORBIDDEN, "this API key may not trade", null);
            return;
        }
        if (body.clientOrderId.length() > OrderView.MAX_CLIENT_ORDER_ID_LENGTH)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "client_order_id is longer than 64 characters", "client_order_id");
            return;
        }
        if (!body.clientOrderId.isEmpty())
        {
            final Order first = state.orders.findByClientOrderId(account.index, body.clientOrderId);
            if (first != null)
            {
                answer(event, first, ResultCode.DUPLICATE);
                return;
            }
        }

        final Instrument instrument = state.instruments.find(body.symbol);
        if (instrument == null)
        {
            if (state.orders.canAllocate())
            {
                final Order order = newOrder(account, null, now);
                order.priceDigits = NewOrderBody.WIRE_DIGITS;
                order.quantityDigits = NewOrderBody.WIRE_DIGITS;
                order.quantity = body.quantity;
                order.price = body.has(NewOrderBody.HAS_PRICE) ? body.price : OrderView.NONE;
                Execution.reject(order, ResultCode.UNKNOWN_SYMBOL, now);
                answer(event, order, ResultCode.UNKNOWN_SYMBOL);
            }
            else
            {
                event.reject(ResultCode.UNKNOWN_SYMBOL, null, "symbol");
            }
            return;
        }

        final long quantity = Wire.exact(body.quantity, instrument.quantityDigits);
        if (quantity == Wire.INEXACT || quantity % instrument.lotStep != 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "quantity must be a multiple of the instrument's lot_step", "quantity");
            return;
        }
        if (quantity < instrument.minQuantity)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "quantity is below the instrument's min_quantity", "quantity");
            return;
        }
        if (quantity > instrument.maxQuantity)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "quantity is above the instrument's max_quantity", "quantity");
            return;
        }
        long price = OrderView.NONE;
        if (body.type != OrderType.MARKET)
        {
            if (!body.has(NewOrderBody.HAS_PRICE) || body.price <= 0)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "price is required and must be positive for limit and stop orders", "price");
                return;
            }
            price = Wire.exact(body.price, instrument.priceDigits);
            if (price == Wire.INEXACT)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "price has more decimal places than the instrument's digits", "price");
                return;
            }
        }
        final long reference = body.type == OrderType.MARKET
            ? (instrument.hasQuote() ? instrument.executablePrice(body.side == Side.BUY) : OrderView.NONE)
            : price;

        // Wire.INEXACT is OrderView.NONE (both Long.MIN_VALUE), so a rejection shows in the event, not the value.
        final long stopLoss = stop(event, body.side, instrument, reference, true);
        if (event.result != null)
        {
            return;
        }
        final long takeProfit = stop(event, body.side, instrument, reference, false);
        if (event.result != null)
        {
            return;
        }
        if (!state.orders.canAllocate())
        {
            event.reject(ResultCode.RISK_MAX_OPEN_ORDERS, "the order table is full of open orders", null);
            return;
        }

        final Order order = newOrder(account, instrument, now);
        order.quantity = quantity;
        order.price = price;
        order.stopLoss = stopLoss;
        order.takeProfit = takeProfit;

        final ResultCode rejection = state.risk.check(account, instrument, body.side, body.type, quantity, reference, now);
        if (rejection != null)
        {
            Execution.reject(order, rejection, now);
            answer(event, order, rejection);
            return;
        }
        final ResultCode routed = venues.route(order, account, instrument, event);
        answer(event, order, routed == null ? ResultCode.CREATED : routed);
    }

    void cancel(final CommandEvent event)
    {
        final long orderId = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readLong();
        final Order order = state.orders.get(orderId);
        if (order == null || !state.principals.canAccess(event.principal(), order.accountIndex))
        {
            event.reject(ResultCode.NOT_FOUND, "order not found", "order_id");
            return;
        }
        if (!state.principals.canTrade(event.principal()))
        {
            event.reject(ResultCode.FORBIDDEN, "this API key may not trade", null);
            return;
        }
        if (!order.isResting())
        {
            event.reject(ResultCode.CONFLICT, order.status.isTerminal() ? "the order is already done" : "the order is at the venue and cannot be cancelled here", null);
            order.copyTo(event.order);
            return;
        }
        execution.cancelResting(order, state.accounts.get(order.accountIndex), event.wallMicros());
        answer(event, order, ResultCode.OK);
    }

    /** Allocates and fills the fields every client order has; the caller has checked {@code canAllocate}. */
    private Order newOrder(final Account account, final Instrument instrument, final long now)
    {
        final Order order = state.orders.allocate();
        order.accountIndex = account.index;
        order.accountId = account.id;
        if (instrument != null)
        {
            order.instrumentIndex = instrument.index;
            order.symbol = instrument.symbol;
            order.priceDigits = instrument.priceDigits;
            order.quantityDigits = instrument.quantityDigits;
        }
        else
        {
            order.symbol = body.symbol.toString();  // rare: an unknown symbol is kept as sent, for the rejected order
        }
        order.side = body.side;
        order.type = body.type;
        order.timeInForce = body.timeInForce != null ? body.timeInForce : body.type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        order.status = OrderStatus.ACCEPTED;
        order.createdAtMicros = now;
        order.updatedAtMicros = now;
        if (!body.clientOrderId.isEmpty())
        {
            body.clientOrderId.copyTo(order.clientOrderId);
            order.clientOrderIdLength = body.clientOrderId.length();
            state.orders.indexClientOrderId(order);
        }
        return order;
    }

    /**
     * The stop loss or take profit as a price: given as a price or as pips from the reference price; checked to
     * be on the protective side of it, or {@link OrderView#NONE}. When invalid it rejects the event (callers test
     * {@code event.result}: the answer then is no price, and NONE cannot tell it apart).
     */
    private long stop(final CommandEvent event, final Side side, final Instrument instrument, final long reference, final boolean isStopLoss)
    {
        final int priceFlag = isStopLoss ? NewOrderBody.HAS_STOP_LOSS : NewOrderBody.HAS_TAKE_PROFIT;
        final int pipsFlag = isStopLoss ? NewOrderBody.HAS_STOP_LOSS_PIPS : NewOrderBody.HAS_TAKE_PROFIT_PIPS;
        final String field = isStopLoss ? (body.has(pipsFlag) ? "stop_loss_pips" : "stop_loss") : (body.has(pipsFlag) ? "take_profit_pips" : "take_profit");
        final long value;
        if (body.has(priceFlag))
        {
            value = Wire.exact(isStopLoss ? body.stopLoss : body.takeProfit, instrument.priceDigits);
            if (value == Wire.INEXACT)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "price has more decimal places than the instrument's digits", field);
                return Wire.INEXACT;
            }
        }
        else if (body.has(pipsFlag))
        {
            if (reference == OrderView.NONE)
            {
                return OrderView.NONE;  // no price to measure from: the order is rejected NO_PRICE by risk
            }
            final long distance = Wire.pipsToPrice(isStopLoss ? body.stopLossPips : body.takeProfitPips, instrument.pipSize);
            final boolean below = (side == Side.BUY) == isStopLoss;
            value = below ? reference - distance : reference + distance;
        }
        else
        {
            return OrderView.NONE;
        }
        if (reference != OrderView.NONE)
        {
            final boolean mustBeBelow = (side == Side.BUY) == isStopLoss;
            if (mustBeBelow ? value >= reference : value <= reference)
            {
                event.reject(ResultCode.VALIDATION_ERROR, isStopLoss
                    ? "stop_loss must be on the losing side of the entry price"
                    : "take_profit must be on the winning side of the entry price", field);
                return Wire.INEXACT;
            }
        }
        if (value <= 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "the stop is at or below zero", field);
            return Wire.INEXACT;
        }
        return value;
    }

    static void answer(final CommandEvent event, final Order order, final ResultCode code)
    {
        order.copyTo(event.order);
        event.outputKind = CommandEvent.OUTPUT_ORDER;
        event.result = code;
    }
}
