package io.ordergate.mt5.sim;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * JSON to maps, lists, exact decimals and back, for the simulated terminal: it is a client program, not the hot
 * path, so it trades speed for plain code. Stateless: safe from any thread.
 */
final class MiniJson
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private MiniJson()
    {
    }

    static Object parse(final String text) throws IOException
    {
        try (JsonParser parser = FACTORY.createParser(text))
        {
            return read(parser, parser.nextToken());
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
            default: return null;
        }
    }

    static String write(final Object value)
    {
        final StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(final Object value, final StringBuilder out)
    {
        if (value == null)
        {
            out.append("null");
        }
        else if (value instanceof Map)
        {
            out.append('{');
            boolean first = true;
            for (final Map.Entry<String, Object> entry : ((Map<String, Object>)value).entrySet())
            {
                if (!first)
                {
                    out.append(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        }
        else if (value instanceof List)
        {
            out.append('[');
            boolean first = true;
            for (final Object element : (List<Object>)value)
            {
                if (!first)
                {
                    out.append(',');
                }
                first = false;
                write(element, out);
            }
            out.append(']');
        }
        else if (value instanceof BigDecimal)
        {
            out.append(((BigDecimal)value).toPlainString());
        }
        else if (value instanceof Number || value instanceof Boolean)
        {
            out.append(value);
        }
        else
        {
            string(value.toString(), out);
        }
    }

    private static void string(final String text, final StringBuilder out)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        out.append('"');
    }

    static BigDecimal decimal(final Object value)
    {
        if (value instanceof BigDecimal)
        {
            return (BigDecimal)value;
        }
        if (value instanceof String && !((String)value).isEmpty())
        {
            return new BigDecimal((String)value);
        }
        return null;
    }
}
