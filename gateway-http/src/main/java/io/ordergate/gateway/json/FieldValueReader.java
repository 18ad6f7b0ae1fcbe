package io.ordergate.gateway.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;

import static io.ordergate.gateway.json.RequestReader.BAD;
import static io.ordergate.gateway.json.RequestReader.NULL;

/**
 * The typed value readers behind {@link RequestReader}'s public ones (their contracts are documented there): each
 * reads the current value of its reader's parser and checks its type and form. Decimals are parsed exactly from the
 * token text, never through a double; a wrong value records its problem on the reader and is skipped.
 *
 * <p><b>Not thread safe</b>: belongs to one {@link RequestReader}, used on its connection's event loop.
 */
final class FieldValueReader
{
    /**
     * A one-digit number's text: the non-blocking parser keeps a bare {@code 0} as a String, and asking for its
     * characters made a char[] each time (an executor's messages carry several zeros).
     */
    private static final char[][] DIGITS = {{'0'}, {'1'}, {'2'}, {'3'}, {'4'}, {'5'}, {'6'}, {'7'}, {'8'}, {'9'}};

    private static final String ID_CHARACTERS = " characters of A-Z a-z 0-9 . _ -";

    private final RequestReader reader;

    FieldValueReader(final RequestReader reader)
    {
        this.reader = reader;
    }

    long decimal(final String field) throws BadRequest
    {
        return decimal(field, NewOrderBody.WIRE_DIGITS, " decimal places", " must be a decimal number", -1);
    }

    /** As {@link #decimal}, but text finer than the wire that is binary noise of a value at {@code scale} is that value ({@link FloatNoise}). */
    long executorDecimal(final String field, final int scale) throws BadRequest
    {
        return decimal(field, NewOrderBody.WIRE_DIGITS, " decimal places", " must be a decimal number", scale);
    }

    long wholeNumber(final String field) throws BadRequest
    {
        return decimal(field, 0, "", " must be a whole number", -1);
    }

    /** {@code noiseScale} -1: exact; else {@link #executorDecimal}'s scale. */
    private long decimal(final String field, final int digits, final String placesText, final String notANumber, final int noiseScale)
        throws BadRequest
    {
        final JsonParser parser = reader.parser();
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL)
        {
            return NULL;
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_STRING)
        {
            reader.fail(field, field + notANumber);
            reader.skip();
            return BAD;
        }
        try
        {
            long value = token == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() == 1
                ? Decimals.parse(DIGITS[parser.getIntValue()], 0, 1, digits)
                : Decimals.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), digits);
            if (value == FixedPoint.TOO_MANY_DIGITS && noiseScale >= 0)
            {
                value = FloatNoise.nearest(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), noiseScale, digits);
            }
            if (value == FixedPoint.NOT_A_NUMBER)
            {
                reader.fail(field, field + notANumber);
                return BAD;
            }
            if (value == FixedPoint.TOO_MANY_DIGITS)
            {
                reader.fail(field, digits == 0 ? field + notANumber : field + " has more than " + digits + placesText);
                return BAD;
            }
            if (value == FixedPoint.OUT_OF_RANGE || value == NULL || value == BAD)
            {
                reader.fail(field, field + " is out of range");
                return BAD;
            }
            return value;
        }
        catch (final IOException ex)
        {
            throw reader.invalidJson(ex);
        }
    }

    long positiveDecimal(final String field) throws BadRequest
    {
        final long value = decimal(field);
        if (value != NULL && value != BAD && value <= 0)
        {
            reader.fail(field, field + " must be greater than 0");
            return BAD;
        }
        return value;
    }

    long nonNegativeDecimal(final String field) throws BadRequest
    {
        final long value = decimal(field);
        if (value != NULL && value != BAD && value < 0)
        {
            reader.fail(field, field + " must not be negative");
            return BAD;
        }
        return value;
    }

    int ascii(final String field, final char[] destination, final boolean idChars) throws BadRequest
    {
        return copyString(field, destination, idChars ? Allowed.ID : Allowed.PRINTABLE, false);
    }

    /**
     * Copies the current string value into {@code destination}, checked and worded as {@link #id} ({@code id} true:
     * 1 to its length of {@code A-Z a-z 0-9 . _ -}) or {@link #string} (at most its length, any characters) would.
     *
     * @return its length, -1 for null, -2 when wrong (problem recorded)
     */
    int text(final String field, final char[] destination, final boolean id) throws BadRequest
    {
        return copyString(field, destination, id ? Allowed.ID : Allowed.ANY, true);
    }

    /** The characters a copied string may hold: an id or printable ASCII needs at least one, any text may be empty. */
    private enum Allowed
    {
        ID, PRINTABLE, ANY
    }

    /** {@link #ascii} and {@link #text}: checked by {@code allowed}, refused in {@link #shape}'s or {@link #wrongText}'s words. */
    private int copyString(final String field, final char[] destination, final Allowed allowed, final boolean textWords) throws BadRequest
    {
        final JsonParser parser = reader.parser();
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL)
        {
            return -1;
        }
        if (token != JsonToken.VALUE_STRING)
        {
            reader.fail(field, wrongCopy(field, destination.length, allowed, textWords));
            reader.skip();
            return -2;
        }
        try
        {
            final int length = parser.getTextLength();
            if (length < (allowed == Allowed.ANY ? 0 : 1) || length > destination.length)
            {
                reader.fail(field, wrongCopy(field, destination.length, allowed, textWords));
                return -2;
            }
            final char[] chars = parser.getTextCharacters();
            final int offset = parser.getTextOffset();
            for (int i = 0; i < length; i++)
            {
                final char c = chars[offset + i];
                if (allowed == Allowed.ID ? !Ids.isIdChar(c) : allowed == Allowed.PRINTABLE && (c < 0x21 || c > 0x7e))
                {
                    reader.fail(field, wrongCopy(field, destination.length, allowed, textWords));
                    return -2;
                }
                destination[i] = c;
            }
            return length;
        }
        catch (final IOException ex)
        {
            throw reader.invalidJson(ex);
        }
    }

    private static String wrongCopy(final String field, final int maxLength, final Allowed allowed, final boolean textWords)
    {
        return textWords ? wrongText(field, maxLength, allowed == Allowed.ID) : shape(field, maxLength, allowed == Allowed.ID);
    }

    /** The refusal of {@link #id} ({@code id} true), {@link #string} or {@link #text}: built only when a value is wrong. */
    private static String wrongText(final String field, final int maxLength, final boolean id)
    {
        return id
            ? field + " must be a string of 1 to " + maxLength + ID_CHARACTERS
            : field + " must be a string of at most " + maxLength + " characters";
    }

    /** Copies the text of the current string or number token as sent; -1 when it is neither, -2 when longer than {@code destination}. */
    int scalarText(final char[] destination) throws BadRequest
    {
        final JsonParser parser = reader.parser();
        final JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT)
        {
            return -1;
        }
        try
        {
            final int length = parser.getTextLength();
            if (length > destination.length)
            {
                return -2;
            }
            if (token == JsonToken.VALUE_NUMBER_INT && length == 1)
            {
                // jackson makes a new char[] for the text of a one-digit number (see decimal's DIGITS); its value is free
                destination[0] = (char)('0' + parser.getIntValue());
                return 1;
            }
            System.arraycopy(parser.getTextCharacters(), parser.getTextOffset(), destination, 0, length);
            return length;
        }
        catch (final IOException ex)
        {
            throw reader.invalidJson(ex);
        }
    }

    /** The message for a string that is not the expected shape: built only when one is wrong. */
    private static String shape(final String field, final int maxLength, final boolean idChars)
    {
        return idChars
            ? field + " must be 1 to " + maxLength + ID_CHARACTERS
            : field + " must be 1 to " + maxLength + " printable ASCII characters";
    }

    int choice(final String field, final String[] names, final String allowed) throws BadRequest
    {
        final JsonParser parser = reader.parser();
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
                throw reader.invalidJson(ex);
            }
        }
        else
        {
            reader.skip();
        }
        reader.fail(field, field + " must be one of " + allowed);
        return -2;
    }

    /** A string value of at most {@code maxLength} characters; null for JSON null; records a problem when wrong. */
    String string(final String field, final int maxLength) throws BadRequest
    {
        final JsonParser parser = reader.parser();
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL)
        {
            return null;
        }
        try
        {
            if (token != JsonToken.VALUE_STRING || parser.getTextLength() > maxLength)
            {
                reader.fail(field, wrongText(field, maxLength, false));
                reader.skip();
                return null;
            }
            return parser.getText();
        }
        catch (final IOException ex)
        {
            throw reader.invalidJson(ex);
        }
    }


    String id(final String field, final int maxLength) throws BadRequest
    {
        final JsonParser parser = reader.parser();
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL)
        {
            return null;
        }
        try
        {
            if (token != JsonToken.VALUE_STRING)
            {
                reader.fail(field, wrongText(field, maxLength, true));
                reader.skip();
                return null;
            }
            final String text = parser.getText();
            if (!Ids.isId(text, maxLength))
            {
                reader.fail(field, wrongText(field, maxLength, true));
                return null;
            }
            return text;
        }
        catch (final IOException ex)
        {
            throw reader.invalidJson(ex);
        }
    }

    private static boolean equals(final String name, final char[] chars, final int offset, final int length)
    {
        if (name.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (name.charAt(i) != Character.toLowerCase(chars[offset + i]))  // names are lower case; API.md: any case
            {
                return false;
            }
        }
        return true;
    }

    byte[] rawObject(final String field, final int maxBytes, final byte[] body) throws BadRequest
    {
        if (!reader.expectObject(field))
        {
            return null;
        }
        final int start = reader.valueStart();
        reader.skip();
        final int end = reader.valueEnd(start);
        if (end - start > maxBytes)
        {
            reader.fail(field, field + " is larger than " + maxBytes + " bytes");
            return null;
        }
        return java.util.Arrays.copyOfRange(body, start, end);
    }

    int bool(final String field) throws BadRequest
    {
        final JsonToken token = reader.parser().currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
        {
            return token == JsonToken.VALUE_TRUE ? 1 : 0;
        }
        if (token == JsonToken.VALUE_NULL)
        {
            return -1;
        }
        reader.fail(field, field + " must be true or false");
        reader.skip();
        return -2;
    }

    String scalarText() throws BadRequest
    {
        final JsonParser parser = reader.parser();
        final JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT)
        {
            return null;
        }
        try
        {
            return parser.getText();
        }
        catch (final IOException ex)
        {
            throw reader.invalidJson(ex);
        }
    }
}
