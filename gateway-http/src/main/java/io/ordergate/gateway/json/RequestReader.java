package io.ordergate.gateway.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;

/**
 * Reads one JSON request body field by field with jackson's streaming parser and checks each value's type and
 * form as it goes. Decimals are parsed exactly from the token text, never through a double.
 *
 * <p>The first validation problem is remembered and parsing goes on to the end, so a body that is not JSON at all
 * is always {@code INVALID_JSON}, whatever came before the break; {@link #finish()} throws the problem.
 * <b>Not thread safe</b>: one per connection, used on its event loop.
 */
public final class RequestReader
{
    /** Returned by the value readers when the field was JSON null. */
    public static final long NULL = Long.MIN_VALUE + 100;
    /** Returned by the value readers when the value was wrong (the problem is recorded). */
    public static final long BAD = Long.MIN_VALUE + 101;

    /** Shared by every connection: a JsonFactory is thread safe once configured. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    /**
     * For the order route, which refuses duplicate fields itself (a bit per field): jackson's detector builds a
     * HashSet per request, 38% of what decoding an order allocated (docs/PERFORMANCE.md).
     */
    private static final JsonFactory FACTORY_WITHOUT_DUPLICATE_CHECK = JsonFactory.builder().build();

    private static final int MAX_FIELD_NAME_IN_MESSAGE = 64;

    private JsonParser parser;
    private BadRequest problem;

    /**
     * Starts reading {@code length} bytes; the body must be one JSON object (or, with {@code allowArray}, an array).
     *
     * @return the first token (START_OBJECT or START_ARRAY)
     */
    public JsonToken begin(final byte[] body, final int length, final boolean allowArray) throws BadRequest
    {
        return begin(FACTORY, body, length, allowArray);
    }

    /** Like {@link #begin} for a caller that checks duplicate fields itself with {@link #duplicateField}. */
    public JsonToken beginCheckingDuplicatesMyself(final byte[] body, final int length) throws BadRequest
    {
        return begin(FACTORY_WITHOUT_DUPLICATE_CHECK, body, length, false);
    }

    /** The answer for a field given twice: invalid JSON, as jackson's own detector would say. */
    public BadRequest duplicateField(final String name)
    {
        close();
        return BadRequest.invalidJson("request body is not valid JSON: Duplicate field '" + name + "'");
    }

    private JsonToken begin(final JsonFactory factory, final byte[] body, final int length, final boolean allowArray) throws BadRequest
    {
        close();
        problem = null;
        if (length == 0)
        {
            throw BadRequest.invalidJson("request body is empty; a JSON object is required");
        }
        try
        {
            parser = factory.createParser(body, 0, length);
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                throw BadRequest.invalidJson("request body is empty; a JSON object is required");
            }
            if (first == JsonToken.START_OBJECT || (allowArray && first == JsonToken.START_ARRAY))
            {
                return first;
            }
            // Still make sure the whole body is JSON before calling it the wrong shape.
            parser.skipChildren();
            expectEnd();
            throw BadRequest.validation(null, allowArray ? "request body must be a JSON object or array" : "request body must be a JSON object");
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** Advances to the next field of the current object; false at its end. */
    public boolean nextField() throws BadRequest
    {
        try
        {
            final JsonToken token = parser.nextToken();
            if (token == JsonToken.FIELD_NAME)
            {
                parser.nextToken();
                return true;
            }
            return false;
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** Advances to the next element of the current array; false at its end. */
    public boolean nextElement() throws BadRequest
    {
        try
        {
            return parser.nextToken() != JsonToken.END_ARRAY;
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** The current field's name (interned by jackson: no allocation). */
    public String fieldName() throws BadRequest
    {
        try
        {
            return parser.currentName();
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    public JsonToken token()
    {
        return parser.currentToken();
    }

    public boolean isNull()
    {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    /** True when the current value is an object; otherwise records "must be an object" and skips it. */
    public boolean expectObject(final String field) throws BadRequest
    {
        if (parser.currentToken() == JsonToken.START_OBJECT)
        {
            return true;
        }
        fail(field, field + " must be an object");
        skip();
        return false;
    }

    /** True when the current value is an array; otherwise records "must be an array" and skips it. */
    public boolean expectArray(final String field) throws BadRequest
    {
        if (parser.currentToken() == JsonToken.START_ARRAY)
        {
            return true;
        }
        fail(field, field + " must be an array");
        skip();
        return false;
    }

    /** Records an unknown field and skips its value. */
    public void unknownField(final String name) throws BadRequest
    {
        final String shown = name.length() > MAX_FIELD_NAME_IN_MESSAGE ? name.substring(0, MAX_FIELD_NAME_IN_MESSAGE) + "..." : name;
        fail(shown, "unknown field \"" + shown + "\"");
        skip();
    }

    /**
     * A decimal given as a JSON number or a string, at {@link NewOrderBody#WIRE_DIGITS}.
     *
     * @return the value, {@link #NULL}, or {@link #BAD} (problem recorded)
     */
    public long decimal(final String field) throws BadRequest
    {
        return decimal(field, NewOrderBody.WIRE_DIGITS, " decimal places", " must be a decimal number");
    }

    /** A whole number given as a JSON number or a string; {@link #NULL} or {@link #BAD} as for decimals. */
    public long wholeNumber(final String field) throws BadRequest
    {
        return decimal(field, 0, "", " must be a whole number");
    }

    private long decimal(final String field, final int digits, final String placesText, final String notANumber) throws BadRequest
    {
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL)
        {
            return NULL;
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_STRING)
        {
            fail(field, field + notANumber);
            skip();
            return BAD;
        }
        try
        {
            final long value = FixedPoint.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), digits);
            if (value == FixedPoint.NOT_A_NUMBER)
            {
                fail(field, field + notANumber);
                return BAD;
            }
            if (value == FixedPoint.TOO_MANY_DIGITS)
            {
                fail(field, digits == 0 ? field + notANumber : field + " has more than " + digits + placesText);
                return BAD;
            }
            if (value == FixedPoint.OUT_OF_RANGE || value == NULL || value == BAD)
            {
                fail(field, field + " is out of range");
                return BAD;
            }
            return value;
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** A decimal that must be greater than zero (null allowed: {@link #NULL}). */
    public long positiveDecimal(final String field) throws BadRequest
    {
        final long value = decimal(field);
        if (value != NULL && value != BAD && value <= 0)
        {
            fail(field, field + " must be greater than 0");
            return BAD;
        }
        return value;
    }

    /** A decimal that must be zero or more (null allowed: {@link #NULL}). */
    public long nonNegativeDecimal(final String field) throws BadRequest
    {
        final long value = decimal(field);
        if (value != NULL && value != BAD && value < 0)
        {
            fail(field, field + " must not be negative");
            return BAD;
        }
        return value;
    }

    /**
     * Copies an ASCII string value into {@code destination} after checking its characters.
     *
     * @param idChars true for {@code [A-Za-z0-9._-]}, false for printable ASCII 0x21..0x7e
     * @return its length, -1 for null, -2 when wrong (problem recorded)
     */
    public int ascii(final String field, final char[] destination, final boolean idChars) throws BadRequest
    {
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL)
        {
            return -1;
        }
        if (token != JsonToken.VALUE_STRING)
        {
            fail(field, shape(field, destination.length, idChars));
            skip();
            return -2;
        }
        try
        {
            final int length = parser.getTextLength();
            if (length < 1 || length > destination.length)
            {
                fail(field, shape(field, destination.length, idChars));
                return -2;
            }
            final char[] chars = parser.getTextCharacters();
            final int offset = parser.getTextOffset();
            for (int i = 0; i < length; i++)
            {
                final char c = chars[offset + i];
                if (idChars ? !isIdChar(c) : c < 0x21 || c > 0x7e)
                {
                    fail(field, shape(field, destination.length, idChars));
                    return -2;
                }
                destination[i] = c;
            }
            return length;
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** The message for a string that is not the expected shape: built only when one is wrong. */
    private static String shape(final String field, final int maxLength, final boolean idChars)
    {
        return idChars
            ? field + " must be 1 to " + maxLength + " characters of A-Z a-z 0-9 . _ -"
            : field + " must be 1 to " + maxLength + " printable ASCII characters";
    }

    /**
     * One of a fixed set of names.
     *
     * @return the index of the name in {@code names}, -1 for null, -2 when wrong (problem recorded)
     */
    public int choice(final String field, final String[] names, final String allowed) throws BadRequest
    {
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL)
        {
            return -1;
        }
        if (token == JsonToken.VALUE_STRING)
        {
            try
            {
                final char[] chars = parser.getTextCharacters();
                final int offset = parser.getTextOffset();
                final int length = parser.getTextLength();
                for (int i = 0; i < names.length; i++)
                {
                    if (equals(names[i], chars, offset, length))
                    {
                        return i;
                    }
                }
            }
            catch (final IOException ex)
            {
                throw invalidJson(ex);
            }
        }
        else
        {
            skip();
        }
        fail(field, field + " must be one of " + allowed);
        return -2;
    }

    /** A string value of at most {@code maxLength} characters; null for JSON null; records a problem when wrong. */
    public String string(final String field, final int maxLength) throws BadRequest
    {
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL)
        {
            return null;
        }
        try
        {
            if (token != JsonToken.VALUE_STRING || parser.getTextLength() > maxLength)
            {
                fail(field, field + " must be a string of at most " + maxLength + " characters");
                skip();
                return null;
            }
            return parser.getText();
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    /** Records a problem unless one is recorded already: the first one wins. */
    public void fail(final String field, final String message)
    {
        if (problem == null)
        {
            problem = BadRequest.validation(field, message);
        }
    }

    public boolean hasProblem()
    {
        return problem != null;
    }

    /**
     * Checks nothing follows the root value, then throws the first recorded problem if any.
     */
    public void finish() throws BadRequest
    {
        try
        {
            expectEnd();
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
        finally
        {
            close();
        }
        if (problem != null)
        {
            final BadRequest first = problem;
            problem = null;
            throw first;
        }
    }

    public void close()
    {
        if (parser != null)
        {
            try
            {
                parser.close();
            }
            catch (final IOException ex)
            {
                // a byte[] source has nothing to fail on close
            }
            parser = null;
        }
    }

    private void expectEnd() throws IOException, BadRequest
    {
        if (parser.nextToken() != null)
        {
            throw BadRequest.invalidJson("request body has more than one JSON value");
        }
    }

    private void skip() throws BadRequest
    {
        try
        {
            parser.skipChildren();
        }
        catch (final IOException ex)
        {
            throw invalidJson(ex);
        }
    }

    private BadRequest invalidJson(final IOException ex)
    {
        close();
        final String detail = ex instanceof StreamReadException ? ((StreamReadException)ex).getOriginalMessage() : ex.getClass().getSimpleName();
        return BadRequest.invalidJson("request body is not valid JSON: " + firstLine(detail));
    }

    private static String firstLine(final String text)
    {
        if (text == null)
        {
            return "unreadable";
        }
        final int newline = text.indexOf('\n');
        final String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    static boolean isIdChar(final char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }

    /** True when {@code text} is a valid id of 1..maxLength characters of {@code [A-Za-z0-9._-]}. */
    public static boolean isId(final CharSequence text, final int maxLength)
    {
        if (text == null || text.length() < 1 || text.length() > maxLength)
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (!isIdChar(text.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean equals(final String name, final char[] chars, final int offset, final int length)
    {
        if (name.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (name.charAt(i) != chars[offset + i])
            {
                return false;
            }
        }
        return true;
    }
}
