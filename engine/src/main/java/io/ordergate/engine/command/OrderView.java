package io.ordergate.engine.command;

/**
 * An order's fields, declared, cleared and copied only here. The engine's own {@code Order} extends it with its
 * table links; a standalone instance is a copy the engine makes into the event, so later stages can answer without
 * touching engine state. <b>Not thread safe</b>: a copy is written by the engine stage, read by the reply stage
 * after it. Strings are references to immutable values owned by the engine's tables.
 */
public class OrderView
{
    /** Marks an absent price, stop or take-profit. */
    public static final long NONE = Long.MIN_VALUE;
    public static final int MAX_CLIENT_ORDER_ID_LENGTH = 64;


    public long orderId;
    public final byte[] clientOrderId = new byte[MAX_CLIENT_ORDER_ID_LENGTH];
    public int clientOrderIdLength;
    public String accountId;
    public String symbol;
    public Side side;
    public OrderType type;
    public TimeInForce timeInForce;
    public OrderStatus status;
    public int priceDigits;
    public int quantityDigits;
    public long quantity;
    public long price = NONE;
    public long stopLoss = NONE;
    public long takeProfit = NONE;
    /** A trailing stop's distance as a percent of the price (wire digits), or 0. */
    public long trailingStopPct;
    /** A trailing stop's distance in price units (given in pips), or 0. */
    public long trailingStopDistance;
    public long filledQuantity;
    public long averagePrice = NONE;
    /** The venue's id for the order (paper: the fill's trade id; MT5: the ticket), or 0 before the venue answers. */
    public long venueOrderId;
    public String venuePrefix;
    public ResultCode rejectCode;
    public String rejectMessage;
    public long positionId;
    /** Why the engine made the order itself ("stop_loss", "take_profit", "close", "close_all"), or null for a client's order. */
    public String origin;
    /** The symbol sent to the venue when a group member maps it (suffix or map), else null: the instrument's symbol. */
    public String venueSymbol;
    /** The group order (or webhook signal) that made this order, or 0. */
    public long groupOrderId;
    public long createdAtMicros;
    public long updatedAtMicros;
    /**
     * The start epoch the order was made in (0: before start epochs). With the order id it makes the names the order
     * has outside the gateway (an executor's command id, an exchange's client order id), so that an id given again
     * after a lost journal tail is never the same name; fixed for the order's life, so a re-sent order keeps its name.
     */
    public long startEpoch;
    /** Money the order's fill realized (a close's profit or loss), at Money.DIGITS; 0 for an opening fill. */
    public long realizedPnl;

    /**
     * Back to a blank order: no id, no strings, absent prices, zeros. Constants rather than a copy of a blank order,
     * because this runs for every new order: stores of constants need no loads and no GC write barriers.
     */
    public final void clear()
    {
        orderId = 0;
        clientOrderIdLength = 0;
        accountId = null;
        symbol = null;
        side = null;
        type = null;
        timeInForce = null;
        status = null;
        priceDigits = 0;
        quantityDigits = 0;
        quantity = 0;
        price = NONE;
        stopLoss = NONE;
        takeProfit = NONE;
        trailingStopPct = 0;
        trailingStopDistance = 0;
        filledQuantity = 0;
        averagePrice = NONE;
        venueOrderId = 0;
        venuePrefix = null;
        rejectCode = null;
        rejectMessage = null;
        positionId = 0;
        origin = null;
        venueSymbol = null;
        groupOrderId = 0;
        createdAtMicros = 0;
        updatedAtMicros = 0;
        realizedPnl = 0;
        startEpoch = 0;
    }

    /** Copies every field of another order. Allocates nothing. */
    public final void copyFrom(final OrderView other)
    {
        orderId = other.orderId;
        System.arraycopy(other.clientOrderId, 0, clientOrderId, 0, other.clientOrderIdLength);
        clientOrderIdLength = other.clientOrderIdLength;
        accountId = other.accountId;
        symbol = other.symbol;
        side = other.side;
        type = other.type;
        timeInForce = other.timeInForce;
        status = other.status;
        priceDigits = other.priceDigits;
        quantityDigits = other.quantityDigits;
        quantity = other.quantity;
        price = other.price;
        stopLoss = other.stopLoss;
        takeProfit = other.takeProfit;
        trailingStopPct = other.trailingStopPct;
        trailingStopDistance = other.trailingStopDistance;
        filledQuantity = other.filledQuantity;
        averagePrice = other.averagePrice;
        venueOrderId = other.venueOrderId;
        realizedPnl = other.realizedPnl;
        startEpoch = other.startEpoch;
        venuePrefix = other.venuePrefix;
        rejectCode = other.rejectCode;
        rejectMessage = other.rejectMessage;
        positionId = other.positionId;
        origin = other.origin;
        venueSymbol = other.venueSymbol;
        groupOrderId = other.groupOrderId;
        createdAtMicros = other.createdAtMicros;
        updatedAtMicros = other.updatedAtMicros;
    }
}
