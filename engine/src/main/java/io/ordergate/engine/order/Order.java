package io.ordergate.engine.order;

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

    /** Copies every field into a view for later stages. */
    public void copyTo(final OrderView view)
    {
        view.copyFrom(this);
    }
}
