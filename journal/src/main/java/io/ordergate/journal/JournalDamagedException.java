package io.ordergate.journal;

/**
 * Thrown by {@link Journal#open} when intact records follow damage (so going on from the last intact record would
 * drop them silently), and by a replay that meets a record damaged since the journal opened. The message names the
 * file, the byte and the repair command.
 */
public final class JournalDamagedException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    private final transient JournalDamage damage;

    JournalDamagedException(final String message)
    {
        this(message, null);
    }

    JournalDamagedException(final String message, final JournalDamage damage)
    {
        super(message);
        this.damage = damage;
    }

    /** @return where and what, or null for damage met during replay */
    public JournalDamage damage()
    {
        return damage;
    }
}
