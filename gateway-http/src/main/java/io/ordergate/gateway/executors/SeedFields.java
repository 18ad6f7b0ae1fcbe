package io.ordergate.gateway.executors;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.FloatNoise;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ReportedMoney;

/**
 * The value readers seed 000's messages share, over the one {@link RequestReader}: a wrong value is recorded (the
 * field named) and the message is refused when it has been read to its end. Stateless.
 */
final class SeedFields
{
    static final int MAX_TEXT = 256;
    private static final int MAX_TICKET_DIGITS = 18;

    private SeedFields()
    {
    }

    /** A string of at most {@value #MAX_TEXT} characters, or null (null or wrong: recorded). */
    static String text(final RequestReader in, final String field) throws BadRequest
    {
        return in.string(field, MAX_TEXT);
    }

    static String id(final RequestReader in, final String field) throws BadRequest
    {
        return in.id(field, Ids.MAX_LENGTH);
    }

    /**
     * A decimal at wire digits (a number or a string of the one grammar); 0 when wrong (recorded). Computed by the
     * executor in doubles, so binary noise of a value at wire digits (0.30000000000000004) is that value (FloatNoise).
     */
    static long decimal(final RequestReader in, final String field) throws BadRequest
    {
        return decimal(in, field, NewOrderBody.WIRE_DIGITS);
    }

    private static long decimal(final RequestReader in, final String field, final int noiseScale) throws BadRequest
    {
        final long value = in.executorDecimal(field, noiseScale);
        return value == RequestReader.BAD || value == RequestReader.NULL ? 0 : value;
    }

    /**
     * A balance or equity at wire digits: one that does not fit the gateway's money ({@link ReportedMoney}: an account's
     * balance, its risk limits) is recorded by field and value, refusing {@code message} ("the heartbeat"), rather than
     * rounded into the account. Binary noise of a value in cents (300.29999999999995) is that value, 300.30.
     */
    static long money(final RequestReader in, final String field, final String message) throws BadRequest
    {
        final long value = moneyDecimal(in, field);
        requireMoney(in, field, value, message);
        return value;
    }

    /**
     * An amount of money at wire digits (a close's profit, commission or swap; 0 when wrong, recorded), whose fit the
     * engine decides ({@link ReportedMoney}): binary noise of a value in cents is that value, as for a balance, however
     * large the amount (2422441.9699999997 is 2422441.97; at the wire's 8 digits it would be refused as too fine).
     */
    static long moneyDecimal(final RequestReader in, final String field) throws BadRequest
    {
        final long value = decimal(in, field, ReportedMoney.DIGITS);
        // the text is made (a String) only for an amount that does not fit: every report reads money, none may allocate
        return ReportedMoney.fits(value) ? value : reportedMoney(value, in.scalarText());
    }

    /**
     * The one decision on an amount of money an executor reported, read at wire digits from {@code text} (a message's field,
     * a synced deal's): one that fits the gateway's money ({@link ReportedMoney}), or a reading error its caller reports, is
     * kept. One the wire's 8 digits hold exactly but finer than cents is taken as the value in cents it is binary noise of
     * (FloatNoise's rule): a large amount's noise can print in 8 decimals or fewer (Python prints 47018308.98 - 237.59 as
     * 47018071.38999999), which the wire parses without asking whether it is noise. One that is no noise is kept as sent,
     * for the refusal to name it. Only an amount finer than cents reaches the noise reading (an error path: allocates).
     */
    static long reportedMoney(final long value, final String text)
    {
        if (FixedPoint.isError(value) || ReportedMoney.fits(value))
        {
            return value;
        }
        final long nearest = text == null ? FixedPoint.TOO_MANY_DIGITS
            : FloatNoise.nearest(text.toCharArray(), 0, text.length(), ReportedMoney.DIGITS, NewOrderBody.WIRE_DIGITS);
        return FixedPoint.isError(nearest) ? value : nearest;
    }

    /** Records {@code field}'s amount as refusing {@code message} when it does not fit the gateway's money. */
    static void requireMoney(final RequestReader in, final String field, final long value, final String message)
    {
        if (!ReportedMoney.fits(value))
        {
            in.fail(field, ReportedMoney.finer(field, value) + ": not rounded, so " + message + " is refused");
        }
    }

    /** A whole number (1, "1", 1.0); 0 when wrong (recorded). */
    static long whole(final RequestReader in, final String field) throws BadRequest
    {
        final long value = in.wholeNumber(field);
        return value == RequestReader.BAD || value == RequestReader.NULL ? 0 : value;
    }

    /** The scratch {@link #ticket} reads a ticket's digits into: one per reader of a message kind. */
    static AsciiChars ticketDigits()
    {
        return new AsciiChars(MAX_TICKET_DIGITS);
    }

    /** An MT5 ticket: 1 to 18 digits, as a string or a whole number; 0 when wrong (recorded). A command result's: {@link ResultValues#ticket}. */
    static long ticket(final RequestReader in, final String field, final AsciiChars digits) throws BadRequest
    {
        final boolean read = digits.readScalar(in) && digits.length() > 0;
        long value = 0;
        for (int i = 0; read && i < digits.length(); i++)
        {
            final char c = digits.charAt(i);
            if (c < '0' || c > '9')
            {
                value = 0;
                break;
            }
            value = value * 10 + (c - '0');
        }
        if (value == 0)
        {
            in.fail(field, field + " must be an MT5 ticket number");
            in.ignore();  // an object or array: skipped; a scalar: nothing to skip
        }
        return value;
    }
}
