package io.ordergate.engine.group;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;

/**
 * The order part of a GROUP_ORDER or WEBHOOK_SIGNAL body ({@link GroupBodies#signal}), decoded in place.
 * <b>Not thread safe</b>: engine thread.
 */
public final class Signal
{
    public final AsciiView symbol = new AsciiView();
    public Side side;
    public OrderType type;
    public TimeInForce timeInForce;
    public int flags;
    public long quantity;
    public long price;
    public long stopLoss;
    public long takeProfit;
    public long stopLossPips;
    public long takeProfitPips;
    public long riskPercentage;

    public Signal decode(final BodyReader reader)
    {
        reader.readString(symbol);
        side = Side.fromCode(reader.readByte());
        type = OrderType.fromCode(reader.readByte());
        timeInForce = TimeInForce.fromCode(reader.readByte());
        flags = reader.readInt();
        quantity = reader.readLong();
        price = reader.readLong();
        stopLoss = reader.readLong();
        takeProfit = reader.readLong();
        stopLossPips = reader.readLong();
        takeProfitPips = reader.readLong();
        riskPercentage = reader.readLong();
        return this;
    }

    public boolean has(final int flag)
    {
        return (flags & flag) != 0;
    }
}
