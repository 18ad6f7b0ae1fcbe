package io.ordergate.gateway.orders;

import java.util.Map;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * {@code POST /api/v1/orders}: decodes and checks everything that needs no engine state, then encodes a
 * {@link NewOrderBody}. The engine checks the rest (instrument, lot step, digits, limits).
 * Reused for every order decoded on its event loop: decoding allocates nothing beyond jackson's parser, but for seed
 * 002's {@code units} (the symbol's name, to find its contract size).
 * <b>Not thread safe</b>: one per event loop thread, used between a request's decode and its publish.
 */
public final class OrderRequest implements RequestBody
{
    public static final int MAX_ACCOUNT_ID = 64;
    public static final int MAX_SYMBOL = 16;
    public static final int MAX_CLIENT_ORDER_ID = 64;

    private static final String[] SIDES = {"buy", "sell"};
    private static final Side[] SIDE_VALUES = {Side.BUY, Side.SELL};
    private static final String[] TYPES = {"market", "limit", "stop"};
    private static final OrderType[] TYPE_VALUES = {OrderType.MARKET, OrderType.LIMIT, OrderType.STOP};
    private static final String[] TIME_IN_FORCE = {"gtc", "ioc", "fok"};
    private static final TimeInForce[] TIME_IN_FORCE_VALUES = {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK};

    private final Map<String, Long> contractSizes;
    private final AsciiChars accountId = new AsciiChars(MAX_ACCOUNT_ID);
    private final AsciiChars symbol = new AsciiChars(MAX_SYMBOL);
    private final AsciiChars clientOrderId = new AsciiChars(MAX_CLIENT_ORDER_ID);
    private Side side;
    private OrderType type;
    private TimeInForce timeInForce;
    private int flags;
    private long quantity;
    private long price;
    private long stopLoss;
    private long takeProfit;
    private long stopLossPips;
    private long takeProfitPips;
    private long stopLossPct;
    private long takeProfitPct;
    private long trailingStopPct;
    private long trailingStopPips;
    private boolean sawAccountId;
    private boolean sawSymbol;
    private boolean sawSide;
    private boolean sawType;
    private boolean sawQuantity;
    private boolean sawPrice;
    /** One bit per known field already read: a second one is a duplicate. */
    private int seenFields;
    /** Seed 002's {@code units} (base units, wire digits), or NULL: made lots once the symbol is known. */
    private long units;
    private boolean seed002;
    /** Decoding an expert's order: its account is the expert's, its symbol and quantity may be left to the strategy. */
    private boolean forExpert;

    /** @param contractSizes units per lot by symbol, for seed 002's {@code units} */
    public OrderRequest(final Map<String, Long> contractSizes)
    {
        this.contractSizes = contractSizes;
    }

    /**
     * Seed 001's {@code POST /experts/{id}/orders}: the expert's account is used (an {@code account_id} is refused), and
     * a missing {@code symbol} or {@code quantity} is the strategy's symbol and size ({@code quantity} encoded as 0).
     */
    public void decodeForExpert(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        forExpert = true;
        try
        {
            decode(in, body, length);
        }
        finally
        {
            forExpert = false;
        }
    }

    public void decode(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        clear();
        in.beginCheckingDuplicatesMyself(body, length);
        while (in.nextField())
        {
            final String name = in.fieldName();
            final int bit = fieldBit(name);
            if ((seenFields & bit) != 0)
            {
                throw in.duplicateField(name);
            }
            seenFields |= bit;
            switch (name)
            {
                case "account_id":
                case "broker_connection_id":  // seed 002's name for it
                    seed002 |= name.charAt(0) == 'b';
                    bothSpellings(in, sawAccountId, "account_id or broker_connection_id");
                    sawAccountId = true;
                    accountId.read(in, name, true);
                    break;
                case "symbol":
                case "instrument":  // seed 002's
                    seed002 |= name.charAt(0) == 'i';
                    bothSpellings(in, sawSymbol, "symbol or instrument");
                    sawSymbol = true;
                    symbol.read(in, name, true);
                    break;
                case "units":  // seed 002: base units, lots = units / contract size
                    seed002 = true;
                    units = in.positiveDecimal(name);
                    break;
                case "side":
                    sawSide = true;
                    final int s = in.choice(name, SIDES, "buy, sell");
                    side = s >= 0 ? SIDE_VALUES[s] : null;
                    break;
                case "type":
                    sawType = true;
                    final int t = in.choice(name, TYPES, "market, limit, stop");
                    type = t >= 0 ? TYPE_VALUES[t] : null;
                    break;
                case "time_in_force":
                    final int tif = in.choice(name, TIME_IN_FORCE, "gtc, ioc, fok");
                    timeInForce = tif >= 0 ? TIME_IN_FORCE_VALUES[tif] : null;
                    break;
                case "quantity":
                    sawQuantity = true;
                    quantity = in.positiveDecimal(name);
                    break;
                case "price":
                    price = in.positiveDecimal(name);
                    sawPrice = price != RequestReader.NULL;
                    flags |= flag(price, NewOrderBody.HAS_PRICE);
                    break;
                case "stop_loss":
                    stopLoss = in.positiveDecimal(name);
                    flags |= flag(stopLoss, NewOrderBody.HAS_STOP_LOSS);
                    break;
                case "take_profit":
                    takeProfit = in.positiveDecimal(name);
                    flags |= flag(takeProfit, NewOrderBody.HAS_TAKE_PROFIT);
                    break;
                case "stop_loss_pips":
                    stopLossPips = in.positiveDecimal(name);
                    flags |= flag(stopLossPips, NewOrderBody.HAS_STOP_LOSS_PIPS);
                    break;
                case "take_profit_pips":
                    takeProfitPips = in.positiveDecimal(name);
                    flags |= flag(takeProfitPips, NewOrderBody.HAS_TAKE_PROFIT_PIPS);
                    break;
                case "stop_loss_pct":
                    stopLossPct = in.positiveDecimal(name);
                    flags |= flag(stopLossPct, NewOrderBody.HAS_STOP_LOSS_PCT);
                    break;
                case "take_profit_pct":
                    takeProfitPct = in.positiveDecimal(name);
                    flags |= flag(takeProfitPct, NewOrderBody.HAS_TAKE_PROFIT_PCT);
                    break;
                case "trailing_stop_pct":
                    trailingStopPct = in.positiveDecimal(name);
                    flags |= flag(trailingStopPct, NewOrderBody.HAS_TRAILING_STOP_PCT);
                    break;
                case "trailing_stop_pips":
                    trailingStopPips = in.positiveDecimal(name);
                    flags |= flag(trailingStopPips, NewOrderBody.HAS_TRAILING_STOP_PIPS);
                    break;
                case "client_order_id":
                    clientOrderId.read(in, name, false);
                    break;
                default:
                    in.unknownField(name);
            }
        }
        if (units != RequestReader.NULL)
        {
            unitsToLots(in);
        }
        if (seed002 && !sawType)
        {
            sawType = true;  // seed 002's client sends market orders without a type
            type = OrderType.MARKET;
        }
        checkWhole(in);
        in.finish();
    }

    /** Whether the order came in seed 002's spelling (its answer then carries seed 002's names too). */
    boolean seed002()
    {
        return seed002;
    }

    private static void bothSpellings(final RequestReader in, final boolean sawOther, final String which)
    {
        if (sawOther)
        {
            in.fail(null, "give " + which + ", not both");
        }
    }

    /** Seed 002's units into lots, exactly (1000 EURUSD units = 0.01 lots), or a problem on {@code units}. */
    private void unitsToLots(final RequestReader in)
    {
        if (sawQuantity)
        {
            in.fail("units", "give quantity (lots) or units, not both");
            return;
        }
        final Long size = symbol.isSet() ? contractSizes.get(symbol.toString()) : null;
        if (units == RequestReader.BAD || size == null)
        {
            in.fail(units == RequestReader.BAD ? "units" : "instrument", units == RequestReader.BAD ? "units must be a positive number"
                : "units need a configured instrument (its contract size)");
            return;
        }
        if (units % size != 0)
        {
            in.fail("units", "units must make a whole number of lot digits: at most 8 decimal places of " + size + " units a lot");
            return;
        }
        sawQuantity = true;
        quantity = units / size;
    }

    /** The field's bit in {@link #seenFields}; 0 for an unknown field (refused anyway). Allocates nothing. */
    private static int fieldBit(final String name)
    {
        for (int i = 0; i < FIELDS.length; i++)
        {
            if (FIELDS[i].equals(name))
            {
                return 1 << i;
            }
        }
        return 0;
    }

    private static final String[] FIELDS = {"account_id", "symbol", "side", "type", "time_in_force", "quantity", "price",
        "stop_loss", "take_profit", "stop_loss_pips", "take_profit_pips", "client_order_id", "broker_connection_id", "instrument", "units",
        "stop_loss_pct", "take_profit_pct", "trailing_stop_pct", "trailing_stop_pips"};

    private void checkWhole(final RequestReader in)
    {
        if (forExpert)
        {
            if (sawAccountId)
            {
                in.fail("account_id", "an expert's orders are on the expert's account: leave account_id out");
            }
        }
        else
        {
            required(in, sawAccountId && accountId.isSet(), "account_id");
            required(in, sawSymbol && symbol.isSet(), "symbol");
            required(in, sawQuantity && quantity != RequestReader.NULL, "quantity");
        }
        required(in, sawSide && side != null, "side");
        required(in, sawType && type != null, "type");
        if (type == OrderType.MARKET && sawPrice)
        {
            in.fail("price", "price must be null or absent for market orders");
        }
        if ((type == OrderType.LIMIT || type == OrderType.STOP) && !sawPrice)
        {
            in.fail("price", "price is required for " + type.wireName() + " orders");
        }
        checkStopFields(in, flags);
    }

    /** At most one way of giving each stop: price, pips or percent; one trailing distance. For every order route. */
    public static void checkStopFields(final RequestReader in, final int flags)
    {
        oneOf(in, flags, NewOrderBody.HAS_STOP_LOSS, NewOrderBody.HAS_STOP_LOSS_PIPS, NewOrderBody.HAS_STOP_LOSS_PCT, "stop_loss");
        oneOf(in, flags, NewOrderBody.HAS_TAKE_PROFIT, NewOrderBody.HAS_TAKE_PROFIT_PIPS, NewOrderBody.HAS_TAKE_PROFIT_PCT, "take_profit");
        if ((flags & NewOrderBody.HAS_TRAILING_STOP_PCT) != 0 && (flags & NewOrderBody.HAS_TRAILING_STOP_PIPS) != 0)
        {
            in.fail("trailing_stop_pips", "give trailing_stop_pct or trailing_stop_pips, not both");
        }
    }

    /** The field named is the second way given (pips, else percent), as a client reads "not both". */
    private static void oneOf(final RequestReader in, final int flags, final int price, final int pips, final int pct, final String name)
    {
        if (Integer.bitCount(flags & (price | pips | pct)) > 1)
        {
            in.fail((flags & pips) != 0 ? name + "_pips" : name + "_pct", "give one of " + name + ", " + name + "_pips or " + name
                + "_pct, not several");
        }
    }

    /** Records "X is required" unless the field was present (a wrong value has recorded its own problem). */
    private static void required(final RequestReader in, final boolean ok, final String field)
    {
        if (!ok)
        {
            in.fail(field, field + " is required");
        }
    }

    private static int flag(final long value, final int flag)
    {
        return value == RequestReader.NULL || value == RequestReader.BAD ? 0 : flag;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        NewOrderBody.encode(writer, accountId, symbol, side, type, timeInForce, flags, quantity == RequestReader.NULL ? 0 : quantity,
            (flags & NewOrderBody.HAS_PRICE) != 0 ? price : 0,
            (flags & NewOrderBody.HAS_STOP_LOSS) != 0 ? stopLoss : 0,
            (flags & NewOrderBody.HAS_TAKE_PROFIT) != 0 ? takeProfit : 0,
            (flags & NewOrderBody.HAS_STOP_LOSS_PIPS) != 0 ? stopLossPips : 0,
            (flags & NewOrderBody.HAS_TAKE_PROFIT_PIPS) != 0 ? takeProfitPips : 0,
            (flags & NewOrderBody.HAS_STOP_LOSS_PCT) != 0 ? stopLossPct : 0,
            (flags & NewOrderBody.HAS_TAKE_PROFIT_PCT) != 0 ? takeProfitPct : 0,
            (flags & NewOrderBody.HAS_TRAILING_STOP_PCT) != 0 ? trailingStopPct : 0,
            (flags & NewOrderBody.HAS_TRAILING_STOP_PIPS) != 0 ? trailingStopPips : 0,
            clientOrderId);
    }

    private void clear()
    {
        accountId.clear();
        symbol.clear();
        clientOrderId.clear();
        side = null;
        type = null;
        timeInForce = null;
        flags = 0;
        quantity = RequestReader.NULL;
        price = 0;
        stopLoss = 0;
        takeProfit = 0;
        stopLossPips = 0;
        takeProfitPips = 0;
        stopLossPct = 0;
        takeProfitPct = 0;
        trailingStopPct = 0;
        trailingStopPips = 0;
        sawAccountId = false;
        sawSymbol = false;
        sawSide = false;
        sawType = false;
        sawQuantity = false;
        sawPrice = false;
        seenFields = 0;
        units = RequestReader.NULL;
        seed002 = false;
    }
}
