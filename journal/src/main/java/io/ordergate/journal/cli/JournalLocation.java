package io.ordergate.journal.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ordergate.journal.Journal;
import io.ordergate.journal.JournalCommands;
import picocli.CommandLine.Option;

/** Mixin, parsed once per command: where the journal is, given as the gateway's data directory or directly. */
final class JournalLocation
{
    static final String DEFAULT_DATA_DIR = "./data";

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "the gateway's data directory (its --data-dir or data_dir); the journal is DIR/journal. Default: "
            + DEFAULT_DATA_DIR + ", the demo's")
    Path dataDir;

    @Option(names = "--journal-dir", paramLabel = "DIR",
        description = "the journal directory itself, e.g. one a repair moved aside (DIR/journal/damaged/<time>)")
    Path journalDir;

    Path journal()
    {
        if (journalDir != null && dataDir != null)
        {
            throw new IllegalArgumentException("give --data-dir or --journal-dir, not both");
        }
        return journalDir != null ? journalDir : (dataDir != null ? dataDir : Path.of(DEFAULT_DATA_DIR)).resolve("journal");
    }

    /**
     * The journal's directory if there is one; otherwise null, after telling {@code out} there is nothing to
     * {@code action} (not an error: a gateway that never ran has no journal).
     */
    Path existingJournal(final PrintWriter out, final String action)
    {
        final Path directory = journal();
        if (Files.isDirectory(directory))
        {
            return directory;
        }
        // A mistaken path must not read as "no journal, nothing to do": exit 0 would pass for a check that passed
        final Path given = journalDir != null ? journalDir : dataDir;
        if (given != null && Files.exists(given) && !Files.isDirectory(given))
        {
            throw new IllegalArgumentException(given + " is a file, not a directory: give the directory that holds the"
                + " journal's day files (--journal-dir) or the gateway's data directory (--data-dir)");
        }
        if (journalDir == null && dataDir != null && Journal.holdsJournal(dataDir))
        {
            throw new IllegalArgumentException(dataDir + " holds a journal itself, it is not a data directory: give"
                + " --journal-dir " + JournalCommands.quoted(dataDir));
        }
        out.println("no journal at " + directory + ": nothing to " + action);
        return null;
    }
}
