package io.ordergate.gateway.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;

/** The answers for a body that is not one JSON object, worded the same whichever jackson parser found the fault. */
final class JsonFaults
{
    static final String EMPTY = "request body is empty; a JSON object is required";
    static final String NOT_AN_OBJECT = "request body must be a JSON object";

    private JsonFaults()
    {
    }

    /** The INVALID_JSON answer for a parser's exception. */
    static BadRequest describe(final IOException ex)
    {
        final String detail = ex instanceof StreamReadException ? ((StreamReadException)ex).getOriginalMessage() : ex.getClass().getSimpleName();
        return BadRequest.invalidJson("request body is not valid JSON: " + firstLine(detail));
    }

    static BadRequest moreThanOneValue()
    {
        return BadRequest.invalidJson("request body has more than one JSON value");
    }

    /**
     * What a blocking parser says of {@code body}, for a fault the fed parser of {@link BodyParser} met: its messages (and
     * a non-blocking parser's running out of input) are worded differently, and every route must answer one body
     * the same way. Falls back to {@code seen} (or a plain INVALID_JSON) if the blocking parser finds nothing.
     */
    static BadRequest asBlockingParserSees(final JsonFactory factory, final byte[] body, final int length, final IOException seen)
    {
        try (JsonParser strict = factory.createParser(body, 0, length))
        {
            final JsonToken first = strict.nextToken();
            if (first == null)
            {
                return BadRequest.invalidJson(EMPTY);
            }
            strict.skipChildren();
            if (strict.nextToken() != null)
            {
                return moreThanOneValue();
            }
            if (first != JsonToken.START_OBJECT)
            {
                return BadRequest.validation(null, NOT_AN_OBJECT);
            }
        }
        catch (final IOException ex)
        {
            return describe(ex);
        }
        return seen != null ? describe(seen) : BadRequest.invalidJson("request body is not valid JSON");
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
}
