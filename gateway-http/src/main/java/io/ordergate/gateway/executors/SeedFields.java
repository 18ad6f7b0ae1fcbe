package io.ordergate.gateway.executors;

import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;

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

    /** A decimal at wire digits (a number or a string of the one grammar); 0 when wrong (recorded). */
    static long decimal(final RequestReader in, final String field) throws BadRequest
    {
        final long value = in.decimal(field);
        return value == RequestReader.BAD || value == RequestReader.NULL ? 0 : value;
    }

    /** A whole number (1, "1", 1.0); 0 when wrong (recorded). */
    static long whole(final RequestReader in, final String field) throws BadRequest
    {
        final long value = in.wholeNumber(field);
        return value == RequestReader.BAD || value == RequestReader.NULL ? 0 : value;
    }

    /** An MT5 ticket: 1 to 18 digits, as a string or a whole number; 0 when wrong (recorded). */
    static long ticket(final RequestReader in, final String field) throws BadRequest
    {
        final String text = in.scalarText();
        long value = 0;
        final boolean digits = text != null && !text.isEmpty() && text.length() <= MAX_TICKET_DIGITS;
        for (int i = 0; digits && i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                value = 0;
                break;
            }
            value = value * 10 + (c - '0');
        }
        if (!digits || value == 0)
        {
            in.fail(field, field + " must be an MT5 ticket number");
            if (text == null)
            {
                in.ignore();
            }
            return 0;
        }
        return value;
    }
}
