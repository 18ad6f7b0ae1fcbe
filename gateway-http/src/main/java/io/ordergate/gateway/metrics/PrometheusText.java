package io.ordergate.gateway.metrics;

import java.nio.charset.StandardCharsets;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: each family once as {@code # HELP} and {@code # TYPE},
 * then its samples, one {@code name{label="value",...} value} per line. Label values escape {@code \}, {@code "} and
 * newlines; help text escapes {@code \} and newlines. <b>Not thread safe</b>: one per scrape.
 */
final class PrometheusText
{
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(8192);

    PrometheusText family(final String name, final String type, final String help)
    {
        out.append("# HELP ").append(name).append(' ');
        escape(help, false);
        out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    PrometheusText sample(final String name, final double value)
    {
        out.append(name);
        return value(value);
    }

    PrometheusText sample(final String name, final String label, final String labelValue, final double value)
    {
        out.append(name).append('{');
        label(label, labelValue);
        out.append('}');
        return value(value);
    }

    PrometheusText sample(
        final String name, final String label1, final String value1, final String label2, final String value2, final double value)
    {
        out.append(name).append('{');
        label(label1, value1);
        out.append(',');
        label(label2, value2);
        out.append('}');
        return value(value);
    }

    byte[] toBytes()
    {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void label(final String name, final String value)
    {
        out.append(name).append("=\"");
        escape(value, true);
        out.append('"');
    }

    private PrometheusText value(final double value)
    {
        out.append(' ');
        if (Double.isNaN(value))
        {
            out.append("NaN");
        }
        else if (Double.isInfinite(value))
        {
            out.append(value > 0 ? "+Inf" : "-Inf");
        }
        else if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            out.append((long)value);
        }
        else
        {
            out.append(value);
        }
        out.append('\n');
        return this;
    }

    private void escape(final String text, final boolean quotes)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '\\')
            {
                out.append("\\\\");
            }
            else if (c == '\n')
            {
                out.append("\\n");
            }
            else if (c == '"' && quotes)
            {
                out.append("\\\"");
            }
            else
            {
                out.append(c);
            }
        }
    }
}
