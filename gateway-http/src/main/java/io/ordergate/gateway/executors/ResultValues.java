package io.ordergate.gateway.executors;

import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Decimals;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ReportedMoney;

/**
 * The values of one command result, read as an executor sends them: seed 000's executors post whatever their code had,
 * and its sample never reads the answer, so a refused result leaves the command pending, handed out and executed again.
 * What can be read without guessing is read: a null, {@code ""} and Python's {@code str(None)} ({@code "None"}, and
 * {@code "null"}) are no value; {@code 1}/{@code 0} and {@code "true"}/{@code "false"} in any letter case are booleans;
 * numbers come as JSON numbers or strings, read exactly (binary noise as {@link SeedFields#decimal} takes it), and
 * {@code NaN} or {@code Infinity} (as Python writes a float nan, {@link CommandResult#parse}) is a number that cannot be read. A value
 * that cannot be read is no value, and the first one is remembered with why ({@link #unreadable}): the result's reader
 * refuses an executed result for it, whose values would be booked, and ignores it in a failed one, which books none.
 * Reused by one reader of results ({@link #clear}); allocates only for an unreadable value. Event loop.
 */
final class ResultValues
{
    /** No value: none sent, or one that could not be read. */
    static final long NONE = RequestReader.NULL;
    private static final int MAX_TICKET_DIGITS = 18;

    private final AsciiChars text = new AsciiChars(SeedFields.MAX_TEXT);
    private String unreadable;
    private String why;

    /** Forgets the last result's unreadable value. */
    void clear()
    {
        unreadable = null;
        why = null;
    }

    /** The field of the first value that could not be read, or null. */
    String unreadable()
    {
        return unreadable;
    }

    /** Why the first unreadable value could not be read, naming its field. */
    String why()
    {
        return why;
    }

    /** Remembers {@code field} as unreadable unless a value was already (the first one is named). */
    void unreadable(final String field, final String message)
    {
        if (unreadable == null)
        {
            unreadable = field;
            why = message;
        }
    }

    /** True or false: a JSON boolean, 1 or 0, or their text (true/false in any letter case); 1, 0, or -1 for no value. */
    int bool(final RequestReader in, final String field) throws BadRequest
    {
        final JsonToken token = in.token();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
        {
            return token == JsonToken.VALUE_TRUE ? 1 : 0;
        }
        if (scalar(in, field, " must be true or false"))
        {
            if (text.isIgnoringCase("true") || text.is("1"))
            {
                return 1;
            }
            if (text.isIgnoringCase("false") || text.is("0"))
            {
                return 0;
            }
            unreadable(field, field + " must be true or false");
        }
        return -1;
    }

    /** A price or lots at the wire's digits; {@link #NONE} for no value. */
    long decimal(final RequestReader in, final String field) throws BadRequest
    {
        return decimal(in, field, NewOrderBody.WIRE_DIGITS);
    }

    /**
     * An amount of money as {@link SeedFields#moneyDecimal} reads one (noise of a value in cents is that value); one
     * finer than the gateway's money is kept, for the engine ({@link ReportedMoney}) or the caller to refuse by name.
     */
    long money(final RequestReader in, final String field) throws BadRequest
    {
        final long value = decimal(in, field, ReportedMoney.DIGITS);
        return value == NONE || ReportedMoney.fits(value) ? value : SeedFields.reportedMoney(value, text.toString());
    }

    private long decimal(final RequestReader in, final String field, final int noiseScale) throws BadRequest
    {
        if (!scalar(in, field, " must be a decimal number"))
        {
            return NONE;
        }
        final long value = text.executorDecimal(NewOrderBody.WIRE_DIGITS, noiseScale);
        if (!FixedPoint.isError(value))
        {
            return value;
        }
        unreadable(field, field + (value == FixedPoint.TOO_MANY_DIGITS ? " has more than " + NewOrderBody.WIRE_DIGITS + " decimal places"
            : value == FixedPoint.OUT_OF_RANGE ? " is out of range" : " must be a decimal number"));
        return NONE;
    }

    /** An MT5 ticket or deal: 1 to 18 digits, as a string or a number; 0 (MT5's "no ticket") or no value is 0. */
    long ticket(final RequestReader in, final String field) throws BadRequest
    {
        if (!scalar(in, field, " must be an MT5 ticket number"))
        {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9' || i == MAX_TICKET_DIGITS)
            {
                unreadable(field, field + " must be an MT5 ticket number");
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A whole number (an MT5 login), as a number or a string; {@link #NONE} for no value. */
    long whole(final RequestReader in, final String field) throws BadRequest
    {
        if (!scalar(in, field, " must be a whole number"))
        {
            return NONE;
        }
        final long value = Decimals.parse(text, 0);
        if (FixedPoint.isError(value))
        {
            unreadable(field, field + " must be a whole number");
            return NONE;
        }
        return value;
    }

    /** An ISO-8601 time, in epoch micros; {@link #NONE} for no value. Allocates (a history page's field). */
    long time(final RequestReader in, final String field) throws BadRequest
    {
        if (!scalar(in, field, " must be an ISO-8601 time"))
        {
            return NONE;
        }
        final long micros = HistoryDealReader.micros(text.toString());
        if (micros == Long.MIN_VALUE)
        {
            unreadable(field, field + " must be an ISO-8601 time");
            return NONE;
        }
        return micros;
    }

    /**
     * Free text nothing decides on (a message): a string, cut to {@code into}'s capacity, or a number's text (an MT5
     * retcode); anything else is no text, never a reason to refuse. False when there is no text.
     */
    boolean freeText(final RequestReader in, final String field, final AsciiChars into) throws BadRequest
    {
        if (in.token() == JsonToken.VALUE_STRING)
        {
            return into.readTextCut(in, field);
        }
        if (into.readScalar(in))
        {
            return true;
        }
        into.clear();
        in.ignore();
        return false;
    }

    /** Whether the value is an object to read: no value is not; anything else is unreadable (skipped). */
    boolean object(final RequestReader in, final String field) throws BadRequest
    {
        return container(in, field, JsonToken.START_OBJECT, " must be an object");
    }

    /** Whether the value is an array to read: no value is not; anything else is unreadable (skipped). */
    boolean array(final RequestReader in, final String field) throws BadRequest
    {
        return container(in, field, JsonToken.START_ARRAY, " must be an array");
    }

    private boolean container(final RequestReader in, final String field, final JsonToken start, final String mustBe) throws BadRequest
    {
        if (in.token() == start)
        {
            return true;
        }
        if (scalar(in, field, mustBe))
        {
            unreadable(field, field + mustBe);
        }
        return false;
    }

    /**
     * Reads a string's or a number's text into {@link #text}: false for no value ({@code ""}, {@code "None"},
     * {@code "null"}), or for one that is neither or too long (unreadable, skipped).
     */
    private boolean scalar(final RequestReader in, final String field, final String mustBe) throws BadRequest
    {
        if (!text.readScalar(in))
        {
            unreadable(field, field + mustBe);
            in.ignore();
            return false;
        }
        return text.length() > 0 && !text.isIgnoringCase("none") && !text.isIgnoringCase("null");
    }
}
