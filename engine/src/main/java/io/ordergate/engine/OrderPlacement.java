package io.ordergate.engine;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;

/**
 * The arguments and outcome of one pass down the single-order path ({@link OrderEntry#place}): a NEW_ORDER's
 * fields, or one child of a group order or webhook signal. Decimals are at {@link NewOrderBody#WIRE_DIGITS} and
 * flags are {@link NewOrderBody}'s. Reused, never allocated per order.
 * <b>Not thread safe</b>: a scratch object of the engine thread.
 */
public final class OrderPlacement
{
    private static final AsciiView EMPTY = new AsciiView();

    // ---- in ----
    public Account account;
    /** Null when the symbol is unknown: the order is recorded rejected with {@link #symbolText}. */
    public Instrument instrument;
    public AsciiView symbolText = EMPTY;
    public Side side;
    public OrderType type;
    /** Null for the type's default. */
    public TimeInForce timeInForce;
    public int flags;
    public long quantity;
    public long price;
    public long stopLoss;
    public long takeProfit;
    public long stopLossPips;
    public long takeProfitPips;
    /** Empty for none; idempotency is per account. */
    public AsciiView clientOrderId = EMPTY;
    /** The member's name for the instrument at its venue, or null. */
    public String venueSymbol;
    public long groupOrderId;
    /** Why the engine made the order itself ("close", "terminate", ...), or null. */
    public String origin;
    /**
     * A kill switch above the account (a paused group or bot): when set, an order that does not only reduce a
     * position is recorded rejected with this code.
     */
    public ResultCode pausedBy;
    public long nowMicros;

    // ---- out ----
    /** The order recorded (accepted, routed, filled or rejected), or null when the placement was refused before. */
    public Order order;
    public String message;
    public String field;
    /** Set by {@link OrderEntry#validatePrices}: the limit/stop price, the price the order is expected to trade at
     *  (NONE for a market order without a quote), and the stops as prices (NONE when absent), in price units. */
    public long checkedPrice;
    public long checkedReference;
    public long checkedStopLoss;
    public long checkedTakeProfit;

    /** Clears every field; the caller then sets what it needs. */
    public OrderPlacement reset()
    {
        account = null;
        instrument = null;
        symbolText = EMPTY;
        side = null;
        type = null;
        timeInForce = null;
        flags = 0;
        quantity = 0;
        price = 0;
        stopLoss = 0;
        takeProfit = 0;
        stopLossPips = 0;
        takeProfitPips = 0;
        clientOrderId = EMPTY;
        venueSymbol = null;
        groupOrderId = 0;
        origin = null;
        pausedBy = null;
        nowMicros = 0;
        order = null;
        message = null;
        field = null;
        checkedPrice = 0;
        checkedReference = 0;
        checkedStopLoss = 0;
        checkedTakeProfit = 0;
        return this;
    }

    public boolean has(final int flag)
    {
        return (flags & flag) != 0;
    }

    /** Copies a decoded NEW_ORDER body's fields (the account and instrument are resolved by the caller). */
    void from(final NewOrderBody body)
    {
        symbolText = body.symbol;
        side = body.side;
        type = body.type;
        timeInForce = body.timeInForce;
        flags = body.flags;
        quantity = body.quantity;
        price = body.price;
        stopLoss = body.stopLoss;
        takeProfit = body.takeProfit;
        stopLossPips = body.stopLossPips;
        takeProfitPips = body.takeProfitPips;
        clientOrderId = body.clientOrderId;
    }
}
