package io.ordergate.engine.order;

import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;

/**
 * One order, a preallocated object of {@link Orders} that is reused once the order is done and forgotten. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Order
{
    public long orderId;
    public int accountIndex;
    /** -1 when the symbol was unknown (a rejected order keeps the text it was sent with). */
    public int instrumentIndex;
    public String accountId;
    public String symbol;
    public final byte[] clientOrderId = new byte[OrderView.MAX_CLIENT_ORDER_ID_LENGTH];
    public int clientOrderIdLength;
    public Side side;
    public OrderType type;
    public TimeInForce timeInForce;
    public OrderStatus status;
    public int priceDigits;
    public int quantityDigits;
    public long quantity;
    public long price;
    public long stopLoss;
    public long takeProfit;
    public long filledQuantity;
    public long averagePrice;
    public long venueOrderId;
    public String venuePrefix;
    public ResultCode rejectCode;
    public String rejectMessage;
    public long positionId;
    public String origin;
    /** The symbol sent to the venue when a group member maps it (suffix or map), else null: the instrument's symbol. */
    public String venueSymbol;
    /** The group order (or webhook signal) that made this order, or 0. */
    public long groupOrderId;
    public long createdAtMicros;
    public long updatedAtMicros;

    /** Links in the instrument's list of resting orders. */
    Order nextResting;
    Order prevResting;
    boolean resting;

    Order()
    {
    }

    void reset(final long orderId)
    {
        this.orderId = orderId;
        accountIndex = -1;
        instrumentIndex = -1;
        accountId = null;
        symbol = null;
        clientOrderIdLength = 0;
        side = null;
        type = null;
        timeInForce = null;
        status = null;
        priceDigits = 0;
        quantityDigits = 0;
        quantity = 0;
        price = OrderView.NONE;
        stopLoss = OrderView.NONE;
        takeProfit = OrderView.NONE;
        filledQuantity = 0;
        averagePrice = OrderView.NONE;
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
        view.orderId = orderId;
        System.arraycopy(clientOrderId, 0, view.clientOrderId, 0, clientOrderIdLength);
        view.clientOrderIdLength = clientOrderIdLength;
        view.accountId = accountId;
        view.symbol = symbol;
        view.side = side;
        view.type = type;
        view.timeInForce = timeInForce;
        view.status = status;
        view.priceDigits = priceDigits;
        view.quantityDigits = quantityDigits;
        view.quantity = quantity;
        view.price = price;
        view.stopLoss = stopLoss;
        view.takeProfit = takeProfit;
        view.filledQuantity = filledQuantity;
        view.averagePrice = averagePrice;
        view.venueOrderId = venueOrderId;
        view.venuePrefix = venuePrefix;
        view.rejectCode = rejectCode;
        view.rejectMessage = rejectMessage;
        view.positionId = positionId;
        view.origin = origin;
        view.venueSymbol = venueSymbol;
        view.groupOrderId = groupOrderId;
        view.createdAtMicros = createdAtMicros;
        view.updatedAtMicros = updatedAtMicros;
    }
}
