package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;


/**
 * Stateless, start-up thread: the file {@value #FILE_NAME} says which {@link RecordFormat} a journal directory's
 * records are in. A directory without queue files gets it when the journal is first opened. A directory with queue
 * files but without it was written before records carried checksums: it is refused, not read unchecked, until
 * {@code journal migrate} has rewritten it.
 */
final class JournalFormat
{
    static final String FILE_NAME = "journal.format";
    static final String CURRENT = "ordergate-journal " + RecordFormat.VERSION;

    private JournalFormat()
    {
    }

    /** @throws LegacyJournalException for a journal without the format file; IllegalStateException for another format */
    static void checkOrCreate(final Path directory)
    {
        if (!check(directory))
        {
            write(directory);
        }
    }

    /**
     * Reads the format file without writing one, for a check that changes nothing.
     *
     * @return true when the format file names this format; false when the directory holds no queue file yet
     * @throws LegacyJournalException for a journal without the format file; IllegalStateException for another format
     */
    static boolean check(final Path directory)
    {
        if (isCurrent(directory))
        {
            return true;
        }
        if (!CycleFile.list(directory).isEmpty())
        {
            throw new LegacyJournalException("the journal in " + directory + " was written before records carried"
                + " checksums (it has no " + FILE_NAME + " file), so its records cannot be verified; start-up stops"
                + " rather than read them unchecked. Stop every gateway on it and run once: "
                + JournalCommands.command("migrate", directory)
                + " (it rewrites every record with a checksum and keeps the original files aside)");
        }
        return false;
    }

    /** @return true when the directory's format file names this format; throws when it names another */
    static boolean isCurrent(final Path directory)
    {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            return false;
        }
        try
        {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (text.isEmpty())
            {
                // what a machine crash right after the journal's creation can leave (the name kept, the bytes lost)
                throw new IllegalStateException(file + " is empty: a machine crash while the journal in " + directory
                    + " was first created leaves it so. If this Ordergate wrote the journal, put the line \"" + CURRENT
                    + "\" in that file, then check every record with: " + JournalCommands.command("verify", directory));
            }
            if (!text.equals(CURRENT))
            {
                throw new IllegalStateException("the journal in " + directory + " is in format \"" + text
                    + "\" (" + file + "); this Ordergate reads \"" + CURRENT + "\" only");
            }
            return true;
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes the format file whole, owner-only, forced to the device with its directory entry ({@link DurableFiles#replace}):
     * written once per journal, and a lost one stops every later start (see {@link #isCurrent}).
     */
    static void write(final Path directory)
    {
        Path file = directory.resolve(FILE_NAME);
        try
        {
            DurableFiles.replace(file, (CURRENT + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
