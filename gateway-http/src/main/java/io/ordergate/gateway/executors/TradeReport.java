package io.ordergate.gateway.executors;

import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.Side;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;

/**
 * An executor's report of a trade opened or closed in its terminal ({@code POST /api/trade} or a WebSocket
 * {@code {"type": "trade"}}), as the command body it travels as: seed 000's camelCase fields, unknown ones ignored.
 *
 * <p>Reused: an executor's socket reads every report into its one instance, and the HTTP route one per event loop,
 * keeping no String; the body is published (or copied) before the next report is read. <b>Not thread safe</b>: the socket's event loop.
 */
public final class TradeReport implements RequestBody
{
    /** Longer than any time {@link TerminalTimeText} reads (35 characters with nanoseconds and an offset). */
    private static final int MAX_TIME_TEXT = 40;

    private final AsciiChars executorId = new AsciiChars(Ids.MAX_LENGTH);
    private final AsciiChars symbol = new AsciiChars(SeedFields.MAX_TEXT);
    private final AsciiChars comment = new AsciiChars(SeedFields.MAX_TEXT);
    private final AsciiChars text = new AsciiChars(SeedFields.MAX_TEXT);
    private final AsciiChars digits = SeedFields.ticketDigits();
    private final AsciiChars timeText = new AsciiChars(MAX_TIME_TEXT);
    private int kind;
    private int flags;
    private long ticket;
    private int side;
    private long lots;
    private long openPrice;
    private long stopLoss;
    private long takeProfit;
    private long magic;
    private long closePrice;
    private long commission;
    private long swap;
    private long profit;
    private long closedLots;
    private long deal;
    private long openTime;
    private long closeTime;

    /**
     * POST /api/trade or a WebSocket {"type": "trade", ...}: an open report (which for a known ticket also gives its volume
     * and average price now), a partial-close report ({@code closedLots} and {@code deal}, with closePrice and the
     * partial's money; {@code lots} is then what is left), or a close report (closeTime/closePrice/profit). Python's
     * {@code json.dumps} writes a float nan as {@code NaN}, on either transport: in a field the report books it is refused
     * by name, as any value that is no number; in one it ignores, not read.
     */
    public TradeReport parse(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.beginAllowingNonNumericNumbers(body, length);
        return readFields(in);
    }

    /** Reads the fields of a message begun already (its {@code type} may have been read) to its end, and checks it. */
    TradeReport readFields(final RequestReader in) throws BadRequest
    {
        clear();
        boolean close = false;
        boolean partial = false;  // closedLots given: a partial close, whatever its value (0 is refused, not a whole close)
        ticket = -1;
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            switch (field)
            {
                case "executorId": executorId.readText(in, field, true); break;
                case "ticket": ticket = SeedFields.ticket(in, field, digits); break;
                case "symbol": symbol.readText(in, field, false); break;
                case "type":
                case "side":
                    text.readText(in, field, false);
                    if (field.equals("type") && text.is("trade"))
                    {
                        break;  // a WebSocket message's type; the direction then comes as "side"
                    }
                    side = isIgnoringCase(text, "BUY") ? Side.BUY.code() : isIgnoringCase(text, "SELL") ? Side.SELL.code() : -1;
                    if (side < 0)
                    {
                        in.fail(field, "type must be BUY or SELL");
                    }
                    break;
                case "lots": lots = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_LOTS; break;
                case "openPrice": openPrice = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_OPEN_PRICE; break;
                case "stopLoss": stopLoss = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_STOP_LOSS; break;
                case "takeProfit": takeProfit = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_TAKE_PROFIT; break;
                case "magicNumber": magic = SeedFields.whole(in, field); flags |= ExecutorBodies.TRADE_MAGIC; break;
                case "comment": comment.readTextCut(in, field); break;
                case "openTime": openTime = time(in); break;
                case "closeTime": close = true; closeTime = time(in); break;
                case "closePrice": close = true; closePrice = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_CLOSE_PRICE; break;
                case "commission": commission = SeedFields.moneyDecimal(in, field); flags |= ExecutorBodies.TRADE_COMMISSION; break;
                case "swap": swap = SeedFields.moneyDecimal(in, field); flags |= ExecutorBodies.TRADE_SWAP; break;
                case "profit": close = true; profit = SeedFields.moneyDecimal(in, field); flags |= ExecutorBodies.TRADE_PROFIT; break;
                case "closedLots": closedLots = SeedFields.decimal(in, field); partial = true; break;
                case "deal": deal = SeedFields.ticket(in, field, digits); break;
                default: in.ignore();  // strategyId, pips...
            }
        }
        in.finish();
        if (executorId.length() == 0)
        {
            throw BadRequest.validation("executorId", "executorId is required");
        }
        if (ticket < 0)
        {
            throw BadRequest.validation("ticket", "ticket is required");
        }
        if (partial)
        {
            if (closedLots <= 0)
            {
                throw BadRequest.validation("closedLots", "closedLots must be positive");
            }
            if (deal == 0)
            {
                throw BadRequest.validation("deal", "a partial-close report (closedLots) needs the deal ticket of the partial close");
            }
            kind = ExecutorBodies.TRADE_PARTIAL;
            return this;
        }
        if (!close && (symbol.length() == 0 || side == 0 || (flags & ExecutorBodies.TRADE_LOTS) == 0 || (flags & ExecutorBodies.TRADE_OPEN_PRICE) == 0))
        {
            throw BadRequest.validation(null, "a trade open report needs symbol, type, lots and openPrice");
        }
        kind = close ? ExecutorBodies.TRADE_CLOSE : ExecutorBodies.TRADE_OPEN;
        closedLots = 0;
        deal = 0;
        return this;
    }

    /**
     * The terminal's time a report's deal was made at, when it can be read without guessing ({@link TerminalTimeText});
     * otherwise {@link TerminalTimeText#NONE}, never a refusal: seed 000 documents the field, not its format, and the
     * report's lots and money must not be lost for it. The records then show the time the report arrived, as before.
     */
    private long time(final RequestReader in) throws BadRequest
    {
        if (in.token() != JsonToken.VALUE_STRING)
        {
            in.ignore();  // an epoch number (seconds or milliseconds?), an object: not guessed at
            return TerminalTimeText.NONE;
        }
        return timeText.readScalar(in) ? TerminalTimeText.micros(timeText) : TerminalTimeText.NONE;
    }

    private void clear()
    {
        executorId.clear();
        symbol.clear();
        comment.clear();
        kind = 0;
        flags = 0;
        side = 0;
        lots = 0;
        openPrice = 0;
        stopLoss = 0;
        takeProfit = 0;
        magic = 0;
        closePrice = 0;
        commission = 0;
        swap = 0;
        profit = 0;
        closedLots = 0;
        deal = 0;
        openTime = TerminalTimeText.NONE;
        closeTime = TerminalTimeText.NONE;
    }

    private static boolean isIgnoringCase(final AsciiChars text, final String word)
    {
        if (text.length() != word.length())
        {
            return false;
        }
        for (int i = 0; i < word.length(); i++)
        {
            if (Character.toUpperCase(text.charAt(i)) != word.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /** The executor it names, as sent (valid until the next report is read). */
    CharSequence executorId()
    {
        return executorId;
    }

    /** True when the report names this executor. */
    boolean isFrom(final String executorId)
    {
        return executorId.contentEquals(this.executorId);
    }

    int kind()
    {
        return kind;
    }

    int flags()
    {
        return flags;
    }

    long ticket()
    {
        return ticket;
    }

    long magic()
    {
        return magic;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        ExecutorBodies.tradeReport(writer, executorId, kind, flags, ticket, symbol, side, lots, openPrice, stopLoss, takeProfit,
            magic, closePrice, commission, swap, profit, comment, closedLots, deal, kind == ExecutorBodies.TRADE_OPEN ? openTime : closeTime);
    }
}
