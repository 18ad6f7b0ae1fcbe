package io.ordergate.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.ordergate.fixed.FixedPoint;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping read by key, with the path of every value for error messages. Reads the composed node tree,
 * not constructed Java objects, so decimals keep their exact text ({@code 0.1} never becomes a double).
 * <b>Not thread safe</b>: used only while loading a configuration.
 *
 * <p>Each read marks its key as known; {@link #finish()} rejects the keys nobody read, which catches typos.
 */
final class YamlSection
{
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final String path;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Boolean> read = new LinkedHashMap<>();

    private YamlSection(final String path, final MappingNode node)
    {
        this.path = path;
        if (node != null)
        {
            for (final NodeTuple tuple : node.getValue())
            {
                if (!(tuple.getKeyNode() instanceof ScalarNode))
                {
                    throw new ConfigException(path.isEmpty() ? "<root>" : path, "keys must be plain names");
                }
                final String key = ((ScalarNode)tuple.getKeyNode()).getValue();
                if (values.put(key, tuple.getValueNode()) != null)
                {
                    throw new ConfigException(pathOf(key), "duplicate key");
                }
            }
        }
    }

    /** The document root; an empty document is an empty mapping. */
    static YamlSection root(final Node document)
    {
        if (document == null || isNull(document))
        {
            return new YamlSection("", null);
        }
        if (!(document instanceof MappingNode))
        {
            throw new ConfigException("<root>", "must be a mapping of sections");
        }
        return new YamlSection("", (MappingNode)document);
    }

    String pathOf(final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(final String key)
    {
        final Node node = values.get(key);
        return node != null && !isNull(node);
    }

    /** A nested mapping; missing or empty is an empty section, so every key in it takes its default. */
    YamlSection section(final String key)
    {
        final Node node = take(key);
        if (node == null || isNull(node))
        {
            return new YamlSection(pathOf(key), null);
        }
        if (!(node instanceof MappingNode))
        {
            throw new ConfigException(pathOf(key), "must be a mapping");
        }
        return new YamlSection(pathOf(key), (MappingNode)node);
    }

    /** A list of mappings; missing or empty is an empty list. */
    List<YamlSection> sections(final String key)
    {
        final List<YamlSection> result = new ArrayList<>();
        final List<Node> items = sequence(key);
        for (int i = 0; i < items.size(); i++)
        {
            final String itemPath = pathOf(key) + "[" + i + "]";
            final Node item = items.get(i);
            if (!(item instanceof MappingNode))
            {
                throw new ConfigException(itemPath, "must be a mapping");
            }
            result.add(new YamlSection(itemPath, (MappingNode)item));
        }
        return result;
    }

    /** A list of scalars as their text; missing or empty is an empty list. */
    List<String> strings(final String key)
    {
        final List<String> result = new ArrayList<>();
        final List<Node> items = sequence(key);
        for (int i = 0; i < items.size(); i++)
        {
            final Node item = items.get(i);
            if (!(item instanceof ScalarNode) || isNull(item))
            {
                throw new ConfigException(pathOf(key) + "[" + i + "]", "must be a text value");
            }
            result.add(((ScalarNode)item).getValue());
        }
        return result;
    }

    /** Any scalar as its text ({@code NO} stays "NO", {@code 123} is "123"); {@code fallback} when missing. */
    String string(final String key, final String fallback)
    {
        final ScalarNode node = scalar(key);
        return node == null ? fallback : node.getValue();
    }

    String requiredString(final String key)
    {
        return required(key, string(key, null));
    }

    /** A string matching {@code pattern}, described as {@code rule} in the error. */
    String matching(final String key, final String fallback, final Pattern pattern, final String rule)
    {
        final String value = string(key, fallback);
        if (value == null)
        {
            return required(key, null);
        }
        if (!pattern.matcher(value).matches())
        {
            throw new ConfigException(pathOf(key), "must be " + rule + ", was \"" + value + "\"");
        }
        return value;
    }

    long longValue(final String key, final long fallback, final long min, final long max)
    {
        final ScalarNode node = scalar(key);
        if (node == null)
        {
            return fallback;
        }
        final String text = node.getValue().replace("_", "");
        long value = 0;
        boolean valid = node.getTag().equals(Tag.INT) && INTEGER.matcher(text).matches();
        if (valid)
        {
            try
            {
                value = Long.parseLong(text);
            }
            catch (final NumberFormatException ex)
            {
                valid = false;
            }
        }
        if (!valid || value < min || value > max)
        {
            throw new ConfigException(pathOf(key),
                "must be an integer between " + min + " and " + max + ", was " + node.getValue());
        }
        return value;
    }

    long requiredLong(final String key, final long min, final long max)
    {
        required(key, scalar(key));
        return longValue(key, 0, min, max);
    }

    int intValue(final String key, final int fallback, final int min, final int max)
    {
        return (int)longValue(key, fallback, min, max);
    }

    int requiredInt(final String key, final int min, final int max)
    {
        return (int)requiredLong(key, min, max);
    }

    boolean bool(final String key, final boolean fallback)
    {
        final ScalarNode node = scalar(key);
        if (node == null)
        {
            return fallback;
        }
        if (!node.getTag().equals(Tag.BOOL))
        {
            throw new ConfigException(pathOf(key), "must be true or false, was " + node.getValue());
        }
        final String text = node.getValue().toLowerCase(java.util.Locale.ROOT);
        return text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y");
    }

    /**
     * A decimal at {@code digits}, from a YAML number or string, parsed from its text by {@link FixedPoint}.
     * {@code what} names the scale in errors, e.g. "5 decimal places".
     */
    long decimal(final String key, final int digits, final String what)
    {
        final String text = requiredString(key);
        final long value = FixedPoint.parse(text, digits);
        if (value == FixedPoint.NOT_A_NUMBER)
        {
            throw new ConfigException(pathOf(key), "must be a decimal number, was \"" + text + "\"");
        }
        if (value == FixedPoint.TOO_MANY_DIGITS)
        {
            throw new ConfigException(pathOf(key), "must have at most " + what + ", was " + text);
        }
        if (value == FixedPoint.OUT_OF_RANGE)
        {
            throw new ConfigException(pathOf(key), "is too large, was " + text);
        }
        return value;
    }

    /** Rejects every key that no read asked for. Call after reading the whole section. */
    void finish()
    {
        for (final String key : values.keySet())
        {
            if (!read.containsKey(key))
            {
                throw new ConfigException(pathOf(key), "unknown key");
            }
        }
    }

    private <T> T required(final String key, final T value)
    {
        if (value == null)
        {
            throw new ConfigException(pathOf(key), "is required");
        }
        return value;
    }

    private Node take(final String key)
    {
        read.put(key, Boolean.TRUE);
        return values.get(key);
    }

    /** The scalar at {@code key}, or null when missing or {@code ~}. */
    private ScalarNode scalar(final String key)
    {
        final Node node = take(key);
        if (node == null || isNull(node))
        {
            return null;
        }
        if (!(node instanceof ScalarNode))
        {
            throw new ConfigException(pathOf(key), "must be a single value, not a " +
                (node instanceof MappingNode ? "mapping" : "list"));
        }
        return (ScalarNode)node;
    }

    private List<Node> sequence(final String key)
    {
        final Node node = take(key);
        if (node == null || isNull(node))
        {
            return List.of();
        }
        if (!(node instanceof SequenceNode))
        {
            throw new ConfigException(pathOf(key), "must be a list");
        }
        return ((SequenceNode)node).getValue();
    }

    private static boolean isNull(final Node node)
    {
        return node.getTag().equals(Tag.NULL);
    }
}
