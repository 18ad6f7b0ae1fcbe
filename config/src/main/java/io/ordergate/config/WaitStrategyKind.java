package io.ordergate.config;

import java.util.Locale;

/**
 * How the pipeline's consumer threads wait for work, by name in configuration. Immutable: safe from any thread.
 * The default, {@link #BLOCKING}, suits a 2-core machine; {@link #BUSY_SPIN} burns a core per thread.
 */
public enum WaitStrategyKind
{
    BLOCKING, SLEEPING, YIELDING, BUSY_SPIN;

    /** The configuration name: "blocking", "sleeping", "yielding", "busy-spin". */
    public String configName()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code text}, or null if none is. */
    static WaitStrategyKind fromConfigName(final String text)
    {
        for (final WaitStrategyKind kind : values())
        {
            if (kind.configName().equals(text))
            {
                return kind;
            }
        }
        return null;
    }
}
