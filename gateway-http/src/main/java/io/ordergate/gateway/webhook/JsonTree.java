package io.ordergate.gateway.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/**
 * A small JSON tree for the admin and webhook routes of groups and bots (rare requests: clarity over speed).
 * Numbers keep their exact text ({@link Num}), so decimals are parsed exactly. Stateless: safe from any thread.
 */
public final class JsonTree
{
    /** A JSON number as written. */
    public record Num(String text)
    {
    }

    private JsonTree()
    {
    }

    /** Parses one JSON value; 400 INVALID_JSON when it is not one. */
    public static Object parse(final byte[] body, final int length) throws BadRequest
    {
        try (JsonParser parser = RequestReader.FACTORY.createParser(body, 0, length))
        {
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                throw BadRequest.invalidJson("the body is empty");
            }
            final Object value = value(parser, first);
            if (parser.nextToken() != null)
            {
                throw BadRequest.invalidJson("text after the JSON value");
            }
            return value;
        }
        catch (final IOException ex)
        {
            throw BadRequest.invalidJson("request body is not valid JSON");
        }
    }

    /** The body as an object; an empty body is an empty object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final byte[] body, final int length) throws BadRequest
    {
        if (isBlank(body, length))
        {
            return new LinkedHashMap<>();
        }
        final Object value = parse(body, length);
        if (!(value instanceof Map))
        {
            throw BadRequest.invalidJson("the body must be a JSON object");
        }
        return (Map<String, Object>)value;
    }

    public static boolean isBlank(final byte[] body, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (body[i] != ' ' && body[i] != '\n' && body[i] != '\r' && body[i] != '\t')
            {
                return false;
            }
        }
        return true;
    }

    private static Object value(final JsonParser parser, final JsonToken token) throws IOException
    {
        switch (token)
        {
            case START_OBJECT:
                final Map<String, Object> map = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME)
                {
                    final String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken()));
                }
                return map;
            case START_ARRAY:
                final List<Object> list = new ArrayList<>();
                JsonToken item;
                while ((item = parser.nextToken()) != JsonToken.END_ARRAY)
                {
                    list.add(value(parser, item));
                }
                return list;
            case VALUE_STRING: return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return new Num(parser.getText());
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new IOException("unexpected " + token);
        }
    }

    // ---- typed reads with errors naming the field ----

    public static String string(final Map<String, Object> object, final String field, final int maxLength) throws BadRequest
    {
        final Object value = object.get(field);
        if (value == null)
        {
            return null;
        }
        final String text = value instanceof Num ? ((Num)value).text() : value instanceof String ? (String)value : null;
        if (text == null)
        {
            throw BadRequest.validation(field, field + " must be a string");
        }
        if (text.length() > maxLength)
        {
            throw BadRequest.validation(field, field + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    /**
     * An id: 1..64 characters of letters, digits and {@code . _ -}, given as a JSON string (unlike the alert fields
     * {@link #string} reads, where TradingView may send a number, an admin's id of the wrong type is a mistake).
     */
    public static String id(final Map<String, Object> object, final String field) throws BadRequest
    {
        final Object value = object.get(field);
        if (value != null && !(value instanceof String))
        {
            throw BadRequest.validation(field, field + " must be a string");
        }
        final String text = string(object, field, 64);
        if (text != null && !RequestReader.isId(text, 64))
        {
            throw BadRequest.validation(field, field + " must be 1 to 64 letters, digits or . _ -");
        }
        return text;
    }

    /** A decimal (number or string) at wire digits, or {@link #ABSENT}. */
    public static long decimal(final Map<String, Object> object, final String field) throws BadRequest
    {
        final Object value = object.get(field);
        if (value == null || "".equals(value))
        {
            return ABSENT;
        }
        return decimalText(value instanceof Num ? ((Num)value).text() : value instanceof String ? ((String)value).trim() : null, field);
    }

    public static final long ABSENT = Long.MIN_VALUE;

    public static long decimalText(final String text, final String field) throws BadRequest
    {
        if (text == null)
        {
            throw BadRequest.validation(field, field + " must be a number");
        }
        final long parsed = FixedPoint.parse(text, NewOrderBody.WIRE_DIGITS);
        if (parsed == FixedPoint.TOO_MANY_DIGITS)
        {
            throw BadRequest.validation(field, field + " has more than 8 decimal places");
        }
        if (FixedPoint.isError(parsed))
        {
            throw BadRequest.validation(field, field + " must be a number");
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> objectField(final Map<String, Object> object, final String field) throws BadRequest
    {
        final Object value = object.get(field);
        if (value == null)
        {
            return null;
        }
        if (!(value instanceof Map))
        {
            throw BadRequest.validation(field, field + " must be an object");
        }
        return (Map<String, Object>)value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(final Map<String, Object> object, final String field) throws BadRequest
    {
        final Object value = object.get(field);
        if (value == null)
        {
            return null;
        }
        if (!(value instanceof List))
        {
            throw BadRequest.validation(field, field + " must be an array");
        }
        return (List<Object>)value;
    }

    static BadRequest invalid(final String field, final String message)
    {
        return new BadRequest(ResultCode.VALIDATION_ERROR, message, field);
    }
}
