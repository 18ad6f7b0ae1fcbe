package io.ordergate.journal;

/**
 * Thrown by {@link Journal#open} for a journal written before records carried checksums: its records cannot be
 * verified, so it is not read until {@code journal migrate} has rewritten it (see {@link JournalMigration}).
 */
public final class LegacyJournalException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    LegacyJournalException(final String message)
    {
        super(message);
    }
}
