package io.ordergate.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;

/**
 * A strict JSON reader for tests: objects become ordered maps, arrays lists, numbers {@link BigDecimal}s, so a
 * test compares exact decimals. Rejects duplicate keys and trailing content, which the engine must never write.
 */
public final class Json
{
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private Json()
    {
    }

    /** The engine's JSON answer in the event's output. */
    public static Map<String, Object> output(final CommandEvent event)
    {
        if (event.outputKind != CommandEvent.OUTPUT_JSON)
        {
            throw new AssertionError("no JSON output: kind " + event.outputKind + ", result " + event.result);
        }
        return object(text(event.output, 0, event.outputLength));
    }

    /** The order in the event rendered by {@link OrderJson}, as the reply stage would. */
    public static Map<String, Object> order(final OrderView order)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final JsonWriter writer = new JsonWriter().wrap(buffer, 0);
        OrderJson.write(order, writer);
        return object(text(buffer, 0, writer.length()));
    }

    public static String text(final DirectBuffer buffer, final int offset, final int length)
    {
        return buffer.getStringWithoutLengthUtf8(offset, length);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final String text)
    {
        final Object value = parse(text);
        if (!(value instanceof Map))
        {
            throw new AssertionError("not a JSON object: " + text);
        }
        return (Map<String, Object>)value;
    }

    public static Object parse(final String text)
    {
        try (JsonParser parser = FACTORY.createParser(text))
        {
            final Object value = read(parser, parser.nextToken());
            if (parser.nextToken() != null)
            {
                throw new AssertionError("trailing content in " + text);
            }
            return value;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("invalid JSON: " + text, ex);
        }
    }

    private static Object read(final JsonParser parser, final JsonToken token) throws IOException
    {
        switch (token)
        {
            case START_OBJECT:
                final Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken())
                {
                    final String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            case START_ARRAY:
                final List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken())
                {
                    list.add(read(parser, t));
                }
                return list;
            case VALUE_STRING: return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return new BigDecimal(parser.getText());
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new AssertionError("unexpected token " + token);
        }
    }

    /** Follows a path of names and list indexes: {@code at(json, "risk", "max_notional")}. */
    @SuppressWarnings("unchecked")
    public static Object at(final Object json, final Object... path)
    {
        Object node = json;
        for (final Object step : path)
        {
            if (step instanceof Integer)
            {
                node = ((List<Object>)node).get((Integer)step);
            }
            else
            {
                final Map<String, Object> map = (Map<String, Object>)node;
                if (!map.containsKey(step))
                {
                    throw new AssertionError("no field " + step + " in " + map);
                }
                node = map.get(step);
            }
        }
        return node;
    }

    /** True when a JSON value equals the expected text: numbers by decimal value, null by "null". */
    public static boolean matches(final Object actual, final String expected)
    {
        if (actual == null)
        {
            return "null".equals(expected);
        }
        if (actual instanceof BigDecimal)
        {
            try
            {
                return ((BigDecimal)actual).compareTo(new BigDecimal(expected)) == 0;
            }
            catch (final NumberFormatException ex)
            {
                return false;
            }
        }
        return String.valueOf(actual).equals(expected);
    }
}
