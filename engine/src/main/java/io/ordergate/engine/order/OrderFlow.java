package io.ordergate.engine.order;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.auth.Principals;
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
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.position.HedgePositions;
import io.ordergate.engine.risk.RiskCheck;
import io.ordergate.engine.venue.Venues;

/**
 * New orders and cancels. {@link #place} is the one single-order path (idempotency, validation against the
 * instrument, kill switches, risk, then the venue) that NEW_ORDER and every group or webhook child go through.
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing per order.
 */
public final class OrderFlow implements OrderEntry
{
    private final Accounts accounts;
    private final Instruments instruments;
    private final Orders orders;
    private final Principals principals;
    private final RiskCheck risk;
    private final Venues venues;
    private final HedgePositions hedges;
    private final BodyReader reader = new BodyReader();
    private final NewOrderBody body = new NewOrderBody();
    private final OrderPlacement placement = new OrderPlacement();

    public OrderFlow(final EngineContext context, final RiskCheck risk, final Venues venues)
    {
        this.risk = risk;
        this.accounts = context.accounts();
        this.instruments = context.instruments();
        this.orders = context.orders();
        this.principals = context.principals();
        this.venues = venues;
        this.hedges = context.ledger().hedges();
    }

    public void newOrder(final CommandEvent event)
    {
        body.decode(reader.wrap(event.frame, CommandFrame.BODY_OFFSET));
        final int principal = event.principal();

        final Account account = accounts.find(body.accountId);
        if (account == null || !principals.canAccess(principal, account.index))
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return;
        }
        if (!principals.requireTrade(event))
        {
            return;
        }
        if (body.clientOrderId.length() > OrderView.MAX_CLIENT_ORDER_ID_LENGTH)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "client_order_id is longer than 64 characters", "client_order_id");
            return;
        }
        placement.resetTo(body);
        placement.account = account;
        placement.instrument = instruments.find(body.symbol);
        placement.nowMicros = event.wallMicros();
        final ResultCode code = place(placement, event);
        if (placement.order != null)
        {
            answer(event, placement.order, code);
            if (code == ResultCode.CONFLICT)
            {
                event.resultMessage = placement.message;
                event.resultField = placement.field;
            }
        }
        else
        {
            event.reject(code, placement.message, placement.field);
        }
    }

    @Override
    public ResultCode place(final OrderPlacement placement, final CommandEvent event)
    {
        placement.order = null;
        placement.message = null;
        placement.field = null;
        final Account account = placement.account;
        final long now = placement.nowMicros;
        if (!placement.clientOrderId.isEmpty())
        {
            final Order first = orders.findByClientOrderId(account.index, placement.clientOrderId);
            if (first != null)
            {
                // The same terms again: the first order, nothing new. Other terms under the same id: a conflict naming it.
                placement.order = first;
                if (first.termsFingerprint != placement.fingerprint())
                {
                    placement.message = "client_order_id was already used on this account for another order (order_id in this answer)";
                    placement.field = "client_order_id";
                    return ResultCode.CONFLICT;
                }
                return ResultCode.DUPLICATE;
            }
        }

        final Instrument instrument = placement.instrument;
        if (instrument == null)
        {
            if (!orders.canAllocate())
            {
                return refuse(placement, ResultCode.UNKNOWN_SYMBOL, null, "symbol");
            }
            final Order order = newOrder(placement, now);
            order.priceDigits = NewOrderBody.WIRE_DIGITS;
            order.quantityDigits = NewOrderBody.WIRE_DIGITS;
            order.quantity = placement.quantity;
            order.price = placement.has(NewOrderBody.HAS_PRICE) ? placement.price : OrderView.NONE;
            order.reject(ResultCode.UNKNOWN_SYMBOL, null, now);
            return ResultCode.UNKNOWN_SYMBOL;
        }

        final long quantity = Wire.exact(placement.quantity, instrument.quantityDigits);
        if (quantity == Wire.INEXACT || quantity % instrument.lotStep != 0)
        {
            return refuse(placement, ResultCode.VALIDATION_ERROR, "quantity must be a multiple of the instrument's lot_step", "quantity");
        }
        if (quantity < instrument.minQuantity)
        {
            return refuse(placement, ResultCode.VALIDATION_ERROR, "quantity is below the instrument's min_quantity", "quantity");
        }
        if (quantity > instrument.maxQuantity)
        {
            return refuse(placement, ResultCode.VALIDATION_ERROR, "quantity is above the instrument's max_quantity", "quantity");
        }
        final ResultCode invalid = validatePrices(placement);
        if (invalid != null)
        {
            return invalid;
        }
        if (!orders.canAllocate())
        {
            return refuse(placement, ResultCode.RISK_MAX_OPEN_ORDERS, "the order table is full of open orders", null);
        }

        final Order order = newOrder(placement, now);
        order.quantity = quantity;
        order.price = placement.checkedPrice;
        order.stopLoss = placement.checkedStopLoss;
        order.takeProfit = placement.checkedTakeProfit;
        order.trailingStopPct = placement.checkedTrailingPct;
        order.trailingStopDistance = placement.checkedTrailingDistance;

        final boolean reducing = RiskCheck.reducesOnly(account, instrument, placement.side, quantity);
        if (placement.pausedBy != null && !reducing)
        {
            order.reject(placement.pausedBy, null, now);
            return placement.pausedBy;
        }
        // A limit or stop the quote already reaches fills at the quote, not at its own price: valued at its own price,
        // a buy stop at 0.00001 (or a sell limit far below the bid) passed any notional or margin check and then filled.
        final boolean buy = placement.side == Side.BUY;
        final long fillPrice = instrument.fillsNow(placement.type, buy, order.price) ? instrument.executablePrice(buy) : placement.checkedReference;
        final ResultCode rejection = risk.check(account, instrument, placement.side, placement.type, quantity, order.price, fillPrice,
            reducing, now);
        if (rejection != null)
        {
            order.reject(rejection, null, now);
            return rejection;
        }
        if (account.hedging && !reducing && !hedges.canOpen())
        {
            order.reject(ResultCode.RISK_MAX_POSITION, "the hedging position table is full (engine.max_hedge_positions)", now);
            return ResultCode.RISK_MAX_POSITION;
        }
        final ResultCode routed = venues.route(order, account, instrument, event);
        return routed == null ? ResultCode.CREATED : routed;
    }

    /**
     * Checks the price, stop loss and take profit of a placement against its instrument and the current quote, as
     * {@link #place} does, without making anything: lets a group order refuse bad fields before any child exists.
     *
     * @return null when valid, else {@link ResultCode#VALIDATION_ERROR} with the placement's message and field set
     */
    @Override
    public ResultCode validatePrices(final OrderPlacement placement)
    {
        return OrderPrices.validate(placement);
    }

    @Override
    public int cancelOpenOrders(final Account account, final CommandEvent event)
    {
        return venues.of(account).cancelOpenOrders(account, event);
    }

    private static ResultCode refuse(final OrderPlacement placement, final ResultCode code, final String message, final String field)
    {
        placement.message = message;
        placement.field = field;
        return code;
    }

    public void cancel(final CommandEvent event)
    {
        final long orderId = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readLong();
        final Order order = orders.get(orderId);
        if (order == null || !principals.canAccess(event.principal(), order.accountIndex))
        {
            event.reject(ResultCode.NOT_FOUND, "order not found", "order_id");
            return;
        }
        if (!principals.requireTrade(event))
        {
            return;
        }
        if (order.status.isTerminal())
        {
            event.reject(ResultCode.CONFLICT, "the order is already done", null);
            order.copyTo(event.order);
            return;
        }
        final Account account = accounts.get(order.accountIndex);
        final ResultCode code = venues.of(account).cancel(order, account, event);
        if (code == ResultCode.CONFLICT)
        {
            event.reject(ResultCode.CONFLICT, "the order is at the venue and cannot be cancelled here", null);
            order.copyTo(event.order);
            return;
        }
        answer(event, order, code);
    }

    /** Allocates and fills the fields every order of the path has; the caller has checked {@code canAllocate}. */
    private Order newOrder(final OrderPlacement placement, final long now)
    {
        final Account account = placement.account;
        final Instrument instrument = placement.instrument;
        final Order order = orders.allocate();
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
            order.symbol = placement.symbol.toString();  // rare: an unknown symbol is kept as sent, for the rejected order
        }
        order.side = placement.side;
        order.type = placement.type;
        order.timeInForce = placement.timeInForce != null ? placement.timeInForce : placement.type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        order.status = OrderStatus.ACCEPTED;
        order.venueSymbol = placement.venueSymbol;
        order.groupOrderId = placement.groupOrderId;
        order.origin = placement.origin;
        order.termsFingerprint = placement.clientOrderId.isEmpty() ? 0 : placement.fingerprint();
        order.createdAtMicros = now;
        order.updatedAtMicros = now;
        if (!placement.clientOrderId.isEmpty())
        {
            placement.clientOrderId.copyTo(order.clientOrderId);
            order.clientOrderIdLength = placement.clientOrderId.length();
            orders.indexClientOrderId(order);
        }
        placement.order = order;
        return order;
    }

    public static void answer(final CommandEvent event, final Order order, final ResultCode code)
    {
        order.copyTo(event.order);
        event.outputKind = CommandEvent.OUTPUT_ORDER;
        event.result = code;
    }
}
