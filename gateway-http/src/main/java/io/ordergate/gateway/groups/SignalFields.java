package io.ordergate.gateway.groups;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.gateway.json.BadRequest;

/**
 * The order part of a group order or a webhook signal, checked as it is set: side, type, time in force, a size
 * (quantity or risk percent), a price and stops. {@link #ABSENT} marks a value not given.
 * <b>Not thread safe</b>: one per request.
 */
public final class SignalFields
{
    /** A decimal not given. */
    public static final long ABSENT = Long.MIN_VALUE;
    /**
     * The most UTF-8 bytes of an idempotency key (a group order's {@code client_order_id}, an alert's {@code id}): what
     * the engine keeps of one ({@code FanOut}), so a longer key would be compared by its prefix only.
     */
    public static final int MAX_KEY_BYTES = OrderView.MAX_CLIENT_ORDER_ID_LENGTH;
    private static final long HUNDRED_PERCENT = 100_00000000L;
    private static final long WIRE_ONE = 1_00000000L;

    private String symbol = "";
    private Side side;
    private OrderType type = OrderType.MARKET;
    private TimeInForce timeInForce;
    private int flags;
    private long quantity;
    private long price;
    private long stopLoss;
    private long takeProfit;
    private long stopLossPips;
    private long takeProfitPips;
    private long riskPercent;
    private long leverage;

    public String symbol()
    {
        return symbol;
    }

    public void symbol(final String symbol)
    {
        this.symbol = symbol;
    }

    /** True once a quantity or a risk percent is set. */
    public boolean hasSize()
    {
        return (flags & (GroupBodies.HAS_QUANTITY | GroupBodies.HAS_RISK_PERCENT)) != 0;
    }

    public void side(final String text, final String field) throws BadRequest
    {
        side = switch (text.toLowerCase(Locale.ROOT))
        {
            case "buy", "long" -> Side.BUY;
            case "sell", "short" -> Side.SELL;
            default -> throw BadRequest.validation(field, field + " must be buy or sell");
        };
    }

    /** market, limit or stop, any case; null or empty keeps market. */
    public void type(final String text, final String field) throws BadRequest
    {
        if (text == null || text.isEmpty())
        {
            return;
        }
        type = switch (text.toLowerCase(Locale.ROOT))
        {
            case "market" -> OrderType.MARKET;
            case "limit" -> OrderType.LIMIT;
            case "stop" -> OrderType.STOP;
            default -> throw BadRequest.validation(field, field + " must be market, limit or stop");
        };
    }

    public void timeInForce(final String text) throws BadRequest
    {
        timeInForce = switch (text.toLowerCase(Locale.ROOT))
        {
            case "gtc" -> TimeInForce.GTC;
            case "ioc" -> TimeInForce.IOC;
            case "fok" -> TimeInForce.FOK;
            default -> throw BadRequest.validation("time_in_force", "time_in_force must be gtc, ioc or fok");
        };
    }

    public void quantity(final long value, final String field) throws BadRequest
    {
        if (value == ABSENT)
        {
            return;
        }
        if (value <= 0)
        {
            throw BadRequest.validation(field, field + " must be greater than 0");
        }
        quantity = value;
        flags |= GroupBodies.HAS_QUANTITY;
    }

    public void riskPercent(final long value, final String field) throws BadRequest
    {
        if (value == ABSENT)
        {
            return;
        }
        if (value <= 0 || value > HUNDRED_PERCENT)
        {
            throw BadRequest.validation(field, field + " must be above 0 and at most 100");
        }
        riskPercent = value;
        flags |= GroupBodies.HAS_RISK_PERCENT;
    }

    /**
     * Seed 003's leverage for margin-based sizing (a risk percentage without a stop): a whole number from 1 to 1000, as a
     * venue takes it and as an account's is (the engine takes any value above 0 up to 1000, as journals hold them).
     */
    public void leverage(final long value, final String field) throws BadRequest
    {
        if (value == ABSENT)
        {
            return;
        }
        if (value < WIRE_ONE || value > 1000 * WIRE_ONE || value % WIRE_ONE != 0)
        {
            throw BadRequest.validation(field, field + " must be a whole number from 1 to 1000");
        }
        leverage = value;
        flags |= GroupBodies.HAS_LEVERAGE;
    }

    public void price(final long value)
    {
        if (value != ABSENT)
        {
            price = value;
            flags |= NewOrderBody.HAS_PRICE;
        }
    }

    /** Stops as prices or in pips (not both for one stop); {@link #ABSENT} where not given. */
    public void stops(final long sl, final long tp, final long slPips, final long tpPips) throws BadRequest
    {
        if (sl != ABSENT && slPips != ABSENT || tp != ABSENT && tpPips != ABSENT)
        {
            throw BadRequest.validation("stop_loss", "give a stop as a price or in pips, not both");
        }
        if (sl != ABSENT)
        {
            stopLoss = sl;
            flags |= NewOrderBody.HAS_STOP_LOSS;
        }
        if (tp != ABSENT)
        {
            takeProfit = tp;
            flags |= NewOrderBody.HAS_TAKE_PROFIT;
        }
        if (slPips != ABSENT)
        {
            stopLossPips = slPips;
            flags |= NewOrderBody.HAS_STOP_LOSS_PIPS;
        }
        if (tpPips != ABSENT)
        {
            takeProfitPips = tpPips;
            flags |= NewOrderBody.HAS_TAKE_PROFIT_PIPS;
        }
    }

    public void encode(final BodyWriter writer)
    {
        GroupBodies.signal(writer, symbol, side, type, timeInForce, flags, quantity, price, stopLoss, takeProfit,
            stopLossPips, takeProfitPips, riskPercent, leverage);
    }

    /**
     * {@code key} as an idempotency key, refused past {@link #MAX_KEY_BYTES} UTF-8 bytes: cut to its prefix, two
     * distinct keys sharing one would be the same signal, the second answered as a duplicate and never run.
     */
    public static String key(final String key, final String field) throws BadRequest
    {
        if (key != null && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES)
        {
            throw BadRequest.validation(field, field + " is longer than " + MAX_KEY_BYTES + " bytes (UTF-8)");
        }
        return key;
    }
}
