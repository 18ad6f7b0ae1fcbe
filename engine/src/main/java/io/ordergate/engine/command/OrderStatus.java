package io.ordergate.engine.command;

/** Order status as API.md names it. */
public enum OrderStatus
{
    ACCEPTED("accepted", false),
    ROUTED("routed", false),
    PARTIALLY_FILLED("partially_filled", false),
    FILLED("filled", true),
    CANCELLED("cancelled", true),
    REJECTED("rejected", true),
    EXPIRED("expired", true),
    UNKNOWN("unknown", false);

    private final String wireName;
    private final boolean terminal;

    OrderStatus(final String wireName, final boolean terminal)
    {
        this.wireName = wireName;
        this.terminal = terminal;
    }

    public String wireName()
    {
        return wireName;
    }

    /** A terminal order never changes again. */
    public boolean isTerminal()
    {
        return terminal;
    }

    /** @return the status for its wire name, or null. Allocates nothing. */
    public static OrderStatus fromWireName(final String name)
    {
        for (final OrderStatus status : values())
        {
            if (status.wireName.equals(name))
            {
                return status;
            }
        }
        return null;
    }
}
