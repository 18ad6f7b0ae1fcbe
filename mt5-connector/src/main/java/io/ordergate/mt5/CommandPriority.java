package io.ordergate.mt5;

/**
 * Seed 000's priorities, in delivery order: URGENT first, LOW last. Ordinals are journaled: only add at the end.
 * Immutable: safe from any thread.
 */
public enum CommandPriority
{
    URGENT,
    HIGH,
    NORMAL,
    LOW;

    private static final CommandPriority[] VALUES = values();

    public static CommandPriority fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }

    /** @return the priority with this wire name, or null. */
    public static CommandPriority fromName(final String name)
    {
        for (final CommandPriority priority : VALUES)
        {
            if (priority.name().equals(name))
            {
                return priority;
            }
        }
        return null;
    }
}
