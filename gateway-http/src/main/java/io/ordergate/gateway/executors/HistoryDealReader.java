package io.ordergate.gateway.executors;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Decimals;
import io.ordergate.gateway.json.FloatNoise;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ReportedMoney;
import io.ordergate.mt5.ResultParts;

/**
 * The deals of a SYNC_HISTORY result ({@code result.details.deals}, docs/executors.md): each read on its own, so one
 * deal with a missing or wrong field is left out and named (it reaches the sync's {@code errors}) while the others
 * are stored. Required: {@code ticket}, {@code positionId} (MT5 numbers, as strings or numbers), {@code symbol},
 * {@code type} (the closed position's direction), {@code volume}, {@code exitTime}, {@code exitPrice},
 * {@code profit}; optional: {@code entryTime}, {@code entryPrice}, {@code commission}, {@code swap}.
 * Event loop; allocates (a sync page is not the hot path).
 */
final class HistoryDealReader
{
    private static final int MAX_SYMBOL = 64;

    /** A deal as read, at wire digits (8) and epoch micros. */
    record Deal(int flags, long ticket, long positionId, String symbol, int side, long volume, long entryMicros, long exitMicros,
        long entryPrice, long exitPrice, long profit, long commission, long swap)
    {
        void encode(final BodyWriter writer)
        {
            ResultParts.historyDeal(writer, flags, ticket, positionId, symbol, side, volume, entryMicros, exitMicros, entryPrice, exitPrice,
                profit, commission, swap);
        }
    }

    /** A deal left out: its ticket as sent (or its place in the page) and what is wrong. */
    record BadDeal(String ticket, String problem)
    {
    }

    private HistoryDealReader()
    {
    }

    /** Reads the array the reader stands on into {@code deals} and {@code bad}; refuses a page over {@link ResultParts#MAX_DEALS}. */
    static void read(final RequestReader in, final List<Deal> deals, final List<BadDeal> bad) throws BadRequest
    {
        int index = 0;
        while (in.nextElement())
        {
            if (++index > ResultParts.MAX_DEALS)
            {
                throw new BadRequest(ResultCode.PAYLOAD_TOO_LARGE,
                    "a SYNC_HISTORY result carries at most " + ResultParts.MAX_DEALS + " deals: send the rest as the next page (truncated, nextFrom)",
                    "result.details.deals");
            }
            if (in.token() != com.fasterxml.jackson.core.JsonToken.START_OBJECT)
            {
                bad.add(new BadDeal("#" + index, "a deal must be an object"));
                in.ignore();
                continue;
            }
            final Fields f = new Fields();
            while (in.nextField())
            {
                final String name = in.fieldName();
                final String text = in.isNull() ? null : in.scalarText();
                if (text == null && !in.isNull())
                {
                    in.ignore();  // an object or array where a value belongs: treated as missing
                }
                f.take(name, text);
            }
            final String problem = f.problem();
            if (problem != null)
            {
                bad.add(new BadDeal(f.ticketText != null ? f.ticketText : "#" + index, problem));
            }
            else
            {
                deals.add(f.deal());
            }
        }
    }

    /** One deal's fields as text, checked when its object ends. */
    private static final class Fields
    {
        String ticketText;
        String positionText;
        String symbol;
        String type;
        String volume;
        String entryTime;
        String exitTime;
        String entryPrice;
        String exitPrice;
        String profit;
        String commission;
        String swap;
        private String wrong;

        void take(final String name, final String text)
        {
            switch (name)
            {
                case "ticket": ticketText = text; break;
                case "positionId": positionText = text; break;
                case "symbol": symbol = text; break;
                case "type": type = text; break;
                case "volume": volume = text; break;
                case "entryTime": entryTime = text; break;
                case "exitTime": exitTime = text; break;
                case "entryPrice": entryPrice = text; break;
                case "exitPrice": exitPrice = text; break;
                case "profit": profit = text; break;
                case "commission": commission = text; break;
                case "swap": swap = text; break;
                default: break;  // executors may send more
            }
        }

        String problem()
        {
            final String[][] required = {{"ticket", ticketText}, {"positionId", positionText}, {"symbol", symbol}, {"type", type},
                {"volume", volume}, {"exitTime", exitTime}, {"exitPrice", exitPrice}, {"profit", profit}};
            for (final String[] field : required)
            {
                if (field[1] == null || field[1].isEmpty())
                {
                    return field[0] + " is required";
                }
            }
            if (ticket(ticketText) <= 0 || ticket(positionText) <= 0)
            {
                return ticket(ticketText) <= 0 ? "ticket must be an MT5 ticket number" : "positionId must be an MT5 ticket number";
            }
            if (symbol.length() > MAX_SYMBOL)
            {
                return "symbol is longer than " + MAX_SYMBOL + " characters";
            }
            if (!"BUY".equalsIgnoreCase(type) && !"SELL".equalsIgnoreCase(type))
            {
                return "type must be BUY or SELL (the closed position's direction)";
            }
            if (decimal(volume) <= 0)
            {
                return "volume must be a positive decimal";
            }
            wrong = null;
            check("exitPrice", exitPrice, true, false);
            check("profit", profit, true, true);
            check("entryPrice", entryPrice, false, false);
            check("commission", commission, false, true);
            check("swap", swap, false, true);
            if (wrong == null && micros(exitTime) == Long.MIN_VALUE)
            {
                wrong = "exitTime must be an ISO-8601 time";
            }
            if (wrong == null && entryTime != null && micros(entryTime) == Long.MIN_VALUE)
            {
                wrong = "entryTime must be an ISO-8601 time";
            }
            return wrong;
        }

        private void check(final String name, final String text, final boolean required, final boolean money)
        {
            if (wrong == null && (text != null || required) && (text == null || FixedPoint.isError(money ? money(text) : decimal(text))))
            {
                wrong = name + " must be a decimal (at most " + NewOrderBody.WIRE_DIGITS + " decimal places)";
            }
        }

        Deal deal()
        {
            int flags = 0;
            flags |= entryTime != null ? ResultParts.DEAL_ENTRY_TIME : 0;
            flags |= entryPrice != null ? ResultParts.DEAL_ENTRY_PRICE : 0;
            flags |= commission != null ? ResultParts.DEAL_COMMISSION : 0;
            flags |= swap != null ? ResultParts.DEAL_SWAP : 0;
            return new Deal(flags, ticket(ticketText), ticket(positionText), symbol, "BUY".equalsIgnoreCase(type) ? Side.BUY.code() : Side.SELL.code(),
                decimal(volume), entryTime == null ? 0 : micros(entryTime), micros(exitTime), entryPrice == null ? 0 : decimal(entryPrice),
                decimal(exitPrice), money(profit), commission == null ? 0 : money(commission), swap == null ? 0 : money(swap));
        }
    }

    private static long decimal(final String text)
    {
        return decimal(text, NewOrderBody.WIRE_DIGITS);
    }

    /** An amount of money, decided as a result's or a heartbeat's ({@link SeedFields#reportedMoney}). */
    private static long money(final String text)
    {
        return SeedFields.reportedMoney(decimal(text, ReportedMoney.DIGITS), text);
    }

    private static long decimal(final String text, final int noiseScale)
    {
        if (text == null)
        {
            return FixedPoint.NOT_A_NUMBER;
        }
        final long value = Decimals.parse(text, NewOrderBody.WIRE_DIGITS);
        // The terminal's deals are doubles too: 0.30000000000000004 lots is 0.3 (FloatNoise), as in a result
        return value == FixedPoint.TOO_MANY_DIGITS ? FloatNoise.nearest(text.toCharArray(), 0, text.length(), noiseScale, NewOrderBody.WIRE_DIGITS) : value;
    }

    /** 1 to 18 digits, else 0. */
    static long ticket(final String text)
    {
        if (text == null || text.isEmpty() || text.length() > 18)
        {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * ISO-8601 with an offset (or Z) as epoch micros; Long.MIN_VALUE when it is not one, or is past what epoch micros
     * in a long hold (2262: {@code MICROS.between} counts in nanoseconds and throws there).
     */
    static long micros(final String text)
    {
        try
        {
            final OffsetDateTime time = OffsetDateTime.parse(text);
            return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, time.toInstant());
        }
        catch (final DateTimeException | ArithmeticException ex)
        {
            return Long.MIN_VALUE;
        }
    }
}
