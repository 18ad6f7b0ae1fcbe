package io.ordergate.engine.group;

import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;

/**
 * What one member's child of a fan-out did: the order it made (if any) and the sizing trace that led there.
 * A preallocated slot of {@link FanOuts}. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class FanOutChild
{
    public static final int CLAMP_NONE = 0;
    public static final int CLAMP_LOT_STEP = 1;
    public static final int CLAMP_MIN_QUANTITY = 2;
    public static final int CLAMP_MAX_QUANTITY = 3;
    public static final int CLAMP_RISK_LIMIT = 4;

    long sequence = -1;
    public int accountIndex;
    public int instrumentIndex;
    /** 0 when no order was made (the member was refused while sizing). */
    public long orderId;
    public OrderStatus status;
    public ResultCode rejectCode;
    /** Instrument quantity units. */
    public long quantity;
    public String venueSymbol;
    /**
     * The order's symbol and digits, kept for a child without an instrument (an MT5 ticket of a symbol the gateway does
     * not know): its order may leave the orders table before the fan-out is read again, and only the order named them.
     */
    public String symbol;
    public int quantityDigits;
    public int priceDigits;

    // ---- the sizing trace; NONE where an input does not apply ----
    /** SIZING_* of the member, or 0 for a close (no sizing). */
    public int mode;
    public long value;
    /** The signal's quantity (wire digits), or its per-member value derived from risk_percentage. */
    public long signalQuantity;
    public long riskPercentage;
    /** Money units of the account. */
    public long equity;
    /** Price units between the entry and the stop loss. */
    public long stopDistance;
    /** Money units lost per 1.0 of quantity at the stop. */
    public long lossPerLot;
    /** Margin-based sizing (a risk percentage without a stop): the leverage (wire digits) and the margin (money). */
    public long leverage;
    public long margin;
    /** Wire digits, before rounding and clamping. */
    public long rawQuantity;
    public int clampedBy;

    void reset(final long sequence)
    {
        this.sequence = sequence;
        accountIndex = -1;
        instrumentIndex = -1;
        orderId = 0;
        status = null;
        rejectCode = null;
        quantity = 0;
        venueSymbol = null;
        symbol = null;
        quantityDigits = 0;
        priceDigits = 0;
        mode = 0;
        value = OrderView.NONE;
        signalQuantity = OrderView.NONE;
        riskPercentage = OrderView.NONE;
        equity = OrderView.NONE;
        stopDistance = OrderView.NONE;
        lossPerLot = OrderView.NONE;
        leverage = OrderView.NONE;
        margin = OrderView.NONE;
        rawQuantity = 0;
        clampedBy = CLAMP_NONE;
    }

    public static String clampName(final int clampedBy)
    {
        switch (clampedBy)
        {
            case CLAMP_LOT_STEP: return "lot_step";
            case CLAMP_MIN_QUANTITY: return "min_quantity";
            case CLAMP_MAX_QUANTITY: return "max_quantity";
            case CLAMP_RISK_LIMIT: return "risk_limit";
            default: return null;
        }
    }
}
