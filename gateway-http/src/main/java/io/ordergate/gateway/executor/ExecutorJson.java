package io.ordergate.gateway.executor;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;

/**
 * Stateless: safe from any thread; these paths may allocate. What the executor routes' JSON parsers share: a
 * streaming parser over a body that must be an object, and field readers that refuse a wrong value with a
 * {@link BadRequest} naming the field. Decimals are parsed exactly from the JSON text, numbers or strings.
 */
final class ExecutorJson
{
    static final int MAX_TEXT = 256;
    static final int MAX_ID = 64;

    private ExecutorJson()
    {
    }

    /** The {@code type} of a WebSocket message, or null. */
    static String messageType(final byte[] body, final int length) throws BadRequest
    {
        try (JsonParser parser = object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                parser.nextToken();
                if (field.equals("type") && parser.currentToken() == JsonToken.VALUE_STRING)
                {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        }
        catch (final IOException ex)
        {
            throw BadRequest.invalidJson("message is not valid JSON");
        }
    }

    /**
     * Moves to the next field whose value is not null and returns its name, the parser on the value; null at the end
     * of the object. A null value is the same as no field: executors in the field send nulls for what they lack.
     */
    static String nextField(final JsonParser parser) throws IOException
    {
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_NULL)
            {
                return name;
            }
        }
        return null;
    }

    static JsonParser object(final byte[] body, final int length) throws BadRequest, IOException
    {
        final JsonParser parser = RequestReader.FACTORY.createParser(body, 0, length);
        if (parser.nextToken() != JsonToken.START_OBJECT)
        {
            parser.close();
            throw BadRequest.invalidJson("request body must be a JSON object");
        }
        return parser;
    }

    static boolean isBlank(final byte[] body, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (body[i] > ' ')
            {
                return false;
            }
        }
        return true;
    }

    static String text(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        if (parser.currentToken() != JsonToken.VALUE_STRING)
        {
            throw BadRequest.validation(field, field + " must be a string");
        }
        final String value = parser.getText();
        if (value.length() > MAX_TEXT)
        {
            throw BadRequest.validation(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    static String id(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        final String value = text(parser, field);
        if (!RequestReader.isId(value, MAX_ID))
        {
            throw BadRequest.validation(field, field + " must be 1 to " + MAX_ID + " of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    static long decimal(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        final JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_STRING)
        {
            throw BadRequest.validation(field, field + " must be a number");
        }
        final long value = FixedPoint.parse(parser.getText(), NewOrderBody.WIRE_DIGITS);
        if (FixedPoint.isError(value))
        {
            throw BadRequest.validation(field, field + " must be a decimal with at most 8 decimal places");
        }
        return value;
    }

    static long whole(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        final long value = decimal(parser, field);
        final long unit = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);
        if (value % unit != 0)
        {
            throw BadRequest.validation(field, field + " must be a whole number");
        }
        return value / unit;
    }

    static long ticket(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        final JsonToken token = parser.currentToken();
        final String text = token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT ? parser.getText() : "";
        if (text.isEmpty() || text.length() > 18)
        {
            throw BadRequest.validation(field, field + " must be an MT5 ticket number");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                throw BadRequest.validation(field, field + " must be an MT5 ticket number");
            }
            value = value * 10 + (c - '0');
        }
        if (value == 0)
        {
            throw BadRequest.validation(field, field + " must be an MT5 ticket number");
        }
        return value;
    }

    static byte[] rawObject(final JsonParser parser, final byte[] body, final String field) throws IOException, BadRequest
    {
        if (parser.currentToken() != JsonToken.START_OBJECT)
        {
            throw BadRequest.validation(field, field + " must be an object");
        }
        final int start = (int)parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        final int end = (int)parser.currentLocation().getByteOffset();
        if (end - start > ExecutorBodies.MAX_RAW_JSON)
        {
            throw BadRequest.validation(field, field + " is larger than " + ExecutorBodies.MAX_RAW_JSON + " bytes");
        }
        return Arrays.copyOfRange(body, start, end);
    }
}
