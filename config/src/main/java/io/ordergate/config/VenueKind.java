package io.ordergate.config;

import java.util.Locale;

/** Where an account's orders are executed, by name in configuration. Immutable: safe from any thread. */
public enum VenueKind
{
    /** The embedded paper venue: fills against the current quote. */
    PAPER,
    /** A MetaTrader 5 terminal, through an executor. */
    MT5;

    /** The configuration name: "paper" or "mt5". */
    public String configName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    static VenueKind fromConfigName(final String text)
    {
        for (final VenueKind kind : values())
        {
            if (kind.configName().equals(text))
            {
                return kind;
            }
        }
        return null;
    }
}
