package io.ordergate.benchmarks.jmh;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.fixed.FixedPoint;

/**
 * A stand-in for the gateway's JSON order decoder while gateway-http is being written: the same streaming loop
 * (jackson-core tokens straight into a NEW_ORDER frame, decimals parsed exactly from the token's characters, ids
 * copied as ASCII), so {@link OrderDecodeBenchmark} measures the shape of the real work. Replace with the gateway's
 * class once it lands. Validation is only what decoding needs; error answers are the gateway's job.
 * <b>Not thread safe</b>: one per event-loop thread.
 */
final class LocalOrderDecoder
{
    static final int DECODED = 0;
    static final int INVALID = -1;

    private static final int MAX_ID = 64;

    private final JsonFactory factory = new JsonFactory();
    private final BodyWriter writer = new BodyWriter();
    private final char[] accountId = new char[MAX_ID];
    private final char[] symbol = new char[MAX_ID];
    private final char[] clientOrderId = new char[MAX_ID];
    private int accountIdLength;
    private int symbolLength;
    private int clientOrderIdLength;
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

    /** Decodes {@code json} into {@code event}'s frame as a NEW_ORDER. @return {@link #DECODED} or {@link #INVALID}. */
    int decode(final byte[] json, final int offset, final int length, final CommandEvent event, final int principal,
        final long wallMicros, final long correlationId)
    {
        clear();
        try (JsonParser parser = factory.createParser(json, offset, length))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return INVALID;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();  // canonicalised by jackson's symbol table: no allocation
                final JsonToken value = parser.nextToken();
                if (!field(parser, name, value))
                {
                    return INVALID;
                }
            }
            if (token != JsonToken.END_OBJECT || accountIdLength == 0 || symbolLength == 0 || side == null || type == null)
            {
                return INVALID;
            }
        }
        catch (final IOException ex)
        {
            return INVALID;
        }
        event.reset(CommandType.NEW_ORDER);
        event.header(principal, wallMicros, correlationId, CommandFrame.SOURCE_HTTP);
        writer.wrap(event.frame, CommandFrame.BODY_OFFSET)
            .putAscii(accountId, 0, accountIdLength)
            .putAscii(symbol, 0, symbolLength)
            .putByte(side.code())
            .putByte(type.code())
            .putByte(timeInForce == null ? 0 : timeInForce.code())
            .putInt(flags)
            .putLong(quantity)
            .putLong(price)
            .putLong(stopLoss)
            .putLong(takeProfit)
            .putLong(stopLossPips)
            .putLong(takeProfitPips)
            .putAscii(clientOrderId, 0, clientOrderIdLength);
        event.bodyLength(writer.length());
        return DECODED;
    }

    private boolean field(final JsonParser parser, final String name, final JsonToken value) throws IOException
    {
        switch (name)
        {
            case "account_id": return (accountIdLength = ascii(parser, value, accountId)) > 0;
            case "symbol": return (symbolLength = ascii(parser, value, symbol)) > 0;
            case "client_order_id": return (clientOrderIdLength = ascii(parser, value, clientOrderId)) >= 0;
            case "side":
                side = matches(parser, "buy") ? Side.BUY : matches(parser, "sell") ? Side.SELL : null;
                return side != null;
            case "type":
                type = matches(parser, "market") ? OrderType.MARKET : matches(parser, "limit") ? OrderType.LIMIT
                    : matches(parser, "stop") ? OrderType.STOP : null;
                return type != null;
            case "time_in_force":
                timeInForce = matches(parser, "gtc") ? TimeInForce.GTC : matches(parser, "ioc") ? TimeInForce.IOC
                    : matches(parser, "fok") ? TimeInForce.FOK : null;
                return timeInForce != null;
            case "quantity": return !FixedPoint.isError(quantity = decimal(parser, value));
            case "price": return optional(parser, value, NewOrderBody.HAS_PRICE) && !FixedPoint.isError(price = decimalOrZero(parser, value));
            case "stop_loss": return optional(parser, value, NewOrderBody.HAS_STOP_LOSS) && !FixedPoint.isError(stopLoss = decimalOrZero(parser, value));
            case "take_profit": return optional(parser, value, NewOrderBody.HAS_TAKE_PROFIT) && !FixedPoint.isError(takeProfit = decimalOrZero(parser, value));
            case "stop_loss_pips": return optional(parser, value, NewOrderBody.HAS_STOP_LOSS_PIPS) && !FixedPoint.isError(stopLossPips = decimalOrZero(parser, value));
            case "take_profit_pips": return optional(parser, value, NewOrderBody.HAS_TAKE_PROFIT_PIPS) && !FixedPoint.isError(takeProfitPips = decimalOrZero(parser, value));
            default:
                parser.skipChildren();
                return true;
        }
    }

    /** Sets the flag unless the value is JSON null. Always true: null is allowed for optional decimals. */
    private boolean optional(final JsonParser parser, final JsonToken value, final int flag)
    {
        if (value != JsonToken.VALUE_NULL)
        {
            flags |= flag;
        }
        return true;
    }

    private static long decimalOrZero(final JsonParser parser, final JsonToken value) throws IOException
    {
        return value == JsonToken.VALUE_NULL ? 0 : decimal(parser, value);
    }

    /** A JSON number or string, parsed exactly to the wire's digits from the token's own characters. */
    private static long decimal(final JsonParser parser, final JsonToken value) throws IOException
    {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_STRING)
        {
            return FixedPoint.NOT_A_NUMBER;
        }
        return FixedPoint.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), NewOrderBody.WIRE_DIGITS);
    }

    private static int ascii(final JsonParser parser, final JsonToken value, final char[] into) throws IOException
    {
        if (value != JsonToken.VALUE_STRING)
        {
            return -1;
        }
        final int length = parser.getTextLength();
        if (length > into.length)
        {
            return -1;
        }
        final char[] chars = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++)
        {
            final char c = chars[offset + i];
            if (c < 0x21 || c > 0x7e)
            {
                return -1;
            }
            into[i] = c;
        }
        return length;
    }

    private static boolean matches(final JsonParser parser, final String expected) throws IOException
    {
        final int length = parser.getTextLength();
        if (length != expected.length())
        {
            return false;
        }
        final char[] chars = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++)
        {
            if (chars[offset + i] != expected.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private void clear()
    {
        accountIdLength = 0;
        symbolLength = 0;
        clientOrderIdLength = 0;
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
    }
}
