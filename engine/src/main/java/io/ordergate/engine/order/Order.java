package io.ordergate.engine.order;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;

/**
 * One order: its fields ({@link OrderView}) and its places in the engine's tables. A preallocated object of
 * {@link Orders}, reused once the order is done and forgotten. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Order extends OrderView
{
    public int accountIndex;
    /** -1 when the symbol was unknown (a rejected order keeps the text it was sent with). */
    public int instrumentIndex;
    /** {@link io.ordergate.engine.command.OrderTerms#fingerprint} of the terms it was placed with: a repeat of its
     *  client order id with other terms is a conflict. */
    public long termsFingerprint;
    /** The position a closing order closes (a hedging account's positions are named), or 0 for an order that opens. */
    public long closesPositionId;
    /**
     * A stop's or target's closing order that a venue answers later: the leg it took off its position, kept until the
     * order ends, so a venue that refuses the close does not leave the position without the protection it had
     * ({@code PositionStops.closeEnded} puts it back). Its quantity is {@code Stops.WHOLE} for a leg over the whole
     * position, 0 when the order holds no leg. Plain fields, not an object: an order as its constructor made it must
     * stay a pristine snapshot object.
     */
    public long closedLegQuantity;
    public long closedLegStopLoss;
    public long closedLegTakeProfit;
    public long closedLegTrailingPct;
    public long closedLegTrailingDistance;
    /** The order whose stops the held leg carries, or 0 for stops set on the position itself. */
    public long closedLegOrderId;
    /**
     * An exchange order's commission booked so far (quote asset, exchange digits) and the filled quantity it covers
     * (exchange digits). Apart from {@code filledQuantity}: a fill first learnt from an answer without its commission
     * (a query, a futures REST answer) gets its fee from a later report, once.
     */
    public long feeBooked;
    public long feeCoveredQuantity;
    /** The id of the newest trade an exchange booked for the order (0: none): where a commission told later goes. */
    public long lastTradeId;

    /** Owned by {@code change.Changes}: the command in which the order was last noted as changed. */
    public long changeStamp;

    /** Links in the instrument's list of resting orders. */
    Order nextResting;
    Order prevResting;
    boolean resting;

    Order()
    {
    }

    void reset(final long orderId)
    {
        clear();
        this.orderId = orderId;
        accountIndex = -1;
        instrumentIndex = -1;
        termsFingerprint = 0;
        closesPositionId = 0;
        holdClosedLeg(0, 0, 0, 0, 0, 0);
        feeBooked = 0;
        feeCoveredQuantity = 0;
        lastTradeId = 0;
        nextResting = null;
        prevResting = null;
        resting = false;
    }

    /** Marks the order rejected with {@code code} (and a message, or null for the code's own). */
    public void reject(final ResultCode code, final String message, final long nowMicros)
    {
        status = OrderStatus.REJECTED;
        rejectCode = code;
        rejectMessage = message;
        updatedAtMicros = nowMicros;
    }

    /** Keeps the leg a stop's closing order took off its position (all 0: holds none). */
    public void holdClosedLeg(final long quantity, final long stopLoss, final long takeProfit, final long trailingPct, final long trailingDistance,
        final long legOrderId)
    {
        closedLegQuantity = quantity;
        closedLegStopLoss = stopLoss;
        closedLegTakeProfit = takeProfit;
        closedLegTrailingPct = trailingPct;
        closedLegTrailingDistance = trailingDistance;
        closedLegOrderId = legOrderId;
    }

    public boolean isResting()
    {
        return resting;
    }

    /** The symbol the venue knows this order by: the member's mapped name, or the instrument's symbol. */
    public String venueSymbolOrSymbol()
    {
        return venueSymbol != null ? venueSymbol : symbol;
    }

    public boolean hasClientOrderId()
    {
        return clientOrderIdLength > 0;
    }

    /** Whether this order's client order id is exactly these bytes. */
    boolean hasClientOrderId(final AsciiView candidate)
    {
        if (clientOrderIdLength != candidate.length())
        {
            return false;
        }
        for (int i = 0; i < clientOrderIdLength; i++)
        {
            if (clientOrderId[i] != candidate.byteAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /** Its client order id's FNV-1a hash, the one {@link AsciiView#hash64} gives the same bytes: where {@link Orders} files it. */
    long clientOrderIdHash()
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < clientOrderIdLength; i++)
        {
            hash ^= clientOrderId[i] & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Copies every field into a view for later stages. */
    public void copyTo(final OrderView view)
    {
        view.copyFrom(this);
    }
}
