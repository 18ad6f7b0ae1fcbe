package io.ordergate.journal;

import java.nio.file.Path;

/**
 * Immutable: the first place a journal is not intact, as {@link Journal#inspect} found it.
 *
 * @param file           the cycle file holding the damage
 * @param position       the byte offset in that file of the first document that is not intact
 * @param what           what is wrong there, in words
 * @param recordsBefore  intact records in that file before the damage (they are kept by a repair)
 * @param damagedBytes   from {@code position} to the last non-zero byte of the file: what a repair moves aside from it
 * @param recordsAfter   intact records found after the damage, in that file and the later ones
 * @param laterFiles     cycle files after the damaged one
 */
public record JournalDamage(Path file, long position, String what, long recordsBefore, long damagedBytes,
    long recordsAfter, int laterFiles)
{
    /** @return true when nothing intact follows the damage: the journal can go on from its last intact record */
    public boolean atTail()
    {
        return recordsAfter == 0;
    }

    /** One line for an operator: where, what, and what follows. */
    public String describe()
    {
        return file.getFileName() + " at byte " + position + ": " + what + "; " + damagedBytes + " bytes from there on"
            + (recordsAfter == 0 ? " and no intact record after them" : ", then " + recordsAfter + " intact records"
                + (laterFiles == 0 ? "" : " in this file and the " + laterFiles + " later files"));
    }
}
