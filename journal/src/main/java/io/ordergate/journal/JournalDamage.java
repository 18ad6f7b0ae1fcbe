package io.ordergate.journal;

import java.nio.file.Path;

/**
 * Immutable: the first place a journal is not intact, as {@link Journal#inspect} found it.
 *
 * @param file                the cycle file holding the damage
 * @param position            the byte offset in that file of the first document that is not intact
 * @param what                what is wrong there, in words
 * @param recordsBefore       intact records in that file before the damage (they are kept by a repair)
 * @param damagedBytes        from {@code position} to the last non-zero byte of the file: what a repair moves aside from
 *                            it; 0 where the file's end was lost whole (nothing is left of it)
 * @param recordsAfter        intact records found after the damage, in that file and the later ones
 * @param recordsInLaterFiles those of {@code recordsAfter} in the later files
 * @param laterFiles          cycle files after the damaged one
 */
public record JournalDamage(Path file, long position, String what, long recordsBefore, long damagedBytes,
    long recordsAfter, long recordsInLaterFiles, int laterFiles)
{
    /** @return true when nothing intact follows the damage: the journal can go on from its last intact record */
    public boolean atTail()
    {
        return recordsAfter == 0;
    }

    /** One line for an operator: where, what, and what follows (where those records are: a lost end leaves none in its file). */
    public String describe()
    {
        String where = file.getFileName() + " at byte " + position + ": " + what;
        if (damagedBytes > 0)
        {
            where += "; " + damagedBytes + " bytes from there on";
        }
        if (recordsAfter == 0)
        {
            return where + (damagedBytes > 0 ? " and no intact record after them" : "; no intact record after it");
        }
        long inThisFile = recordsAfter - recordsInLaterFiles;
        String inLaterFiles = " the " + laterFiles + (laterFiles == 1 ? " later file" : " later files");
        return where + (damagedBytes > 0 ? ", then " : "; then ") + (inThisFile == 0
            ? recordsInLaterFiles + " intact records in" + inLaterFiles
            : inThisFile + " intact records in this file" + (recordsInLaterFiles == 0 ? "" : " and " + recordsInLaterFiles + " in" + inLaterFiles));
    }
}
