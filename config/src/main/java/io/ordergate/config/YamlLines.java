package io.ordergate.config;

import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The line a refused setting is written on, found from its path ({@code instruments[1].pip_size}) in the composed
 * node tree, so an operator goes straight to it instead of counting list items. A key that is not written (a
 * required one missing, a default refused by a check across sections) is placed at its nearest written parent.
 * Stateless: safe from any thread.
 */
final class YamlLines
{
    private YamlLines()
    {
    }

    /** {@code refused} with {@code " (line N)"} after its message, or as it is when no part of its path is written. */
    static ConfigException withLine(final ConfigException refused, final Node document)
    {
        final int line = lineOf(document, refused.key());
        return line < 1 ? refused : new ConfigException(refused.key(), refused.getMessage() + " (line " + line + ")", refused);
    }

    /** The 1-based line of the deepest written part of {@code path}; 0 when not even its first part is written. */
    static int lineOf(final Node document, final String path)
    {
        Node node = document;
        int line = 0;
        for (final String segment : path.split("\\."))
        {
            int bracket = segment.indexOf('[');
            final NodeTuple tuple = lastEntry(node, bracket < 0 ? segment : segment.substring(0, bracket));
            if (tuple == null)
            {
                return line;
            }
            line = tuple.getKeyNode().getStartMark().getLine() + 1;
            node = tuple.getValueNode();
            while (bracket >= 0)
            {
                final int close = segment.indexOf(']', bracket);
                final int index = close < 0 ? -1 : index(segment.substring(bracket + 1, close));
                if (!(node instanceof SequenceNode) || index < 0 || index >= ((SequenceNode)node).getValue().size())
                {
                    return line;
                }
                node = ((SequenceNode)node).getValue().get(index);
                line = node.getStartMark().getLine() + 1;
                bracket = segment.indexOf('[', close);
            }
        }
        return line;
    }

    /** The last entry named {@code key}: for a duplicate key, the repetition the error is about. */
    private static NodeTuple lastEntry(final Node node, final String key)
    {
        if (!(node instanceof MappingNode))
        {
            return null;
        }
        final List<NodeTuple> entries = ((MappingNode)node).getValue();
        for (int i = entries.size() - 1; i >= 0; i--)
        {
            final Node keyNode = entries.get(i).getKeyNode();
            if (keyNode instanceof ScalarNode && ((ScalarNode)keyNode).getValue().equals(key))
            {
                return entries.get(i);
            }
        }
        return null;
    }

    private static int index(final String text)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
