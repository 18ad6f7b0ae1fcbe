package io.ordergate.gateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compares a documented JSON answer with a real one by shape: the same field names in every object the documentation
 * shows, containers where it shows containers; values may differ. The documentation elides with {@code ...}: in an
 * object it means "more fields here", in an array "more elements".
 */
final class JsonShapes
{
    /** The field a documented object gets where it had an elision (no real field is named so). */
    static final String ELIDED = "\u2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonShapes()
    {
    }

    /** The documented answer as a tree, each elision inside an object turned into an {@link #ELIDED} field. */
    static JsonNode documented(final String text) throws java.io.IOException
    {
        final StringBuilder out = new StringBuilder();
        final List<Character> open = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (inString)
            {
                out.append(c);
                if (c == '\\')
                {
                    out.append(text.charAt(++i));
                }
                inString = c != '"';
                continue;
            }
            if (text.startsWith("...", i))
            {
                final boolean inObject = !open.isEmpty() && open.get(open.size() - 1) == '{';
                out.append(inObject ? ",\"" + ELIDED + "\":0," : ",");
                i += 2;
                continue;
            }
            inString = c == '"';
            if (c == '{' || c == '[')
            {
                open.add(c);
            }
            else if ((c == '}' || c == ']') && !open.isEmpty())
            {
                open.remove(open.size() - 1);
            }
            out.append(c);
        }
        final String tidy = out.toString().replaceAll(",(\\s*,)+", ",").replaceAll("([\\[{])\\s*,", "$1")
            .replaceAll(",\\s*([\\]}])", "$1");
        return JSON.readTree(tidy);
    }

    /** Every difference in shape, as "path: what" lines; empty when the real answer has the documented shape. */
    static List<String> differences(final JsonNode documented, final JsonNode real)
    {
        final List<String> out = new ArrayList<>();
        compare("$", documented, real, out);
        return out;
    }

    /** Pairs of (documented, real) string values at the same place, for the fields {@code idField} accepts. */
    static void pairs(final JsonNode documented, final JsonNode real, final java.util.function.Predicate<String> idField,
        final Map<String, String> into)
    {
        if (documented.isObject() && real.isObject())
        {
            for (final Iterator<Map.Entry<String, JsonNode>> it = documented.fields(); it.hasNext();)
            {
                final Map.Entry<String, JsonNode> field = it.next();
                final JsonNode value = real.get(field.getKey());
                if (value == null)
                {
                    continue;
                }
                // an elided value ("...", "6a1f...") stands for no one value: it maps to nothing
                if (field.getValue().isTextual() && !field.getValue().asText().contains("...") && value.isValueNode() && !value.isNull()
                    && idField.test(field.getKey()))
                {
                    into.put(field.getValue().asText(), value.asText());
                }
                pairs(field.getValue(), value, idField, into);
            }
        }
        else if (documented.isArray() && real.isArray())
        {
            for (int i = 0; i < Math.min(documented.size(), real.size()); i++)
            {
                pairs(documented.get(i), real.get(i), idField, into);
            }
        }
    }

    private static void compare(final String path, final JsonNode documented, final JsonNode real, final List<String> out)
    {
        if (documented.isObject())
        {
            if (!real.isObject())
            {
                out.add(path + ": documented an object, got " + real.getNodeType());
                return;
            }
            final boolean elided = documented.has(ELIDED);
            final TreeSet<String> missing = new TreeSet<>();
            documented.fieldNames().forEachRemaining(name -> missing.add(name));
            missing.remove(ELIDED);
            final TreeSet<String> extra = new TreeSet<>();
            real.fieldNames().forEachRemaining(name -> extra.add(name));
            for (final String name : new TreeSet<>(missing))
            {
                if (real.has(name))
                {
                    missing.remove(name);
                    extra.remove(name);
                    compare(path + "." + name, documented.get(name), real.get(name), out);
                }
            }
            if (!missing.isEmpty())
            {
                out.add(path + ": documented fields not in the answer " + missing);
            }
            if (!elided && !extra.isEmpty())
            {
                out.add(path + ": answer fields not documented " + extra);
            }
        }
        else if (documented.isArray())
        {
            if (!real.isArray())
            {
                out.add(path + ": documented an array, got " + real.getNodeType());
                return;
            }
            if (real.isEmpty() && !documented.isEmpty())
            {
                out.add(path + ": documented elements, got none");
            }
            // how many elements there are is a value: those the answer has are held to the documented ones
            for (int i = 0; i < Math.min(documented.size(), real.size()); i++)
            {
                compare(path + "[" + i + "]", documented.get(i), real.get(i), out);
            }
        }
    }
}
