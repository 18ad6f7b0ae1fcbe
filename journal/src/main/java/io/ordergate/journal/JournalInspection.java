package io.ordergate.journal;

import java.nio.file.Path;

/**
 * Immutable: what {@link Journal#inspect} found in a journal directory.
 *
 * @param directory   the journal directory
 * @param records     intact records before the first damage (all of them when there is none)
 * @param lastIndex   the index of the last of those records, or -1 when there is none
 * @param damage      the first damage, or null when every record is intact
 */
public record JournalInspection(Path directory, long records, long lastIndex, JournalDamage damage)
{
    public boolean intact()
    {
        return damage == null;
    }
}
