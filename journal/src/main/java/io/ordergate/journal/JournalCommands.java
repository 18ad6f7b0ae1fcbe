package io.ordergate.journal;

import java.nio.file.Path;

/** Stateless: the operator commands the journal's messages tell people to run, spelled once. */
public final class JournalCommands
{
    static final String JAR = "java -jar ordergate.jar";
    static final String DATA_DIRECTORY_CHILD = "journal";

    private JournalCommands()
    {
    }

    /** @return e.g. {@code java -jar ordergate.jar journal repair --data-dir '/srv/og/data'} */
    static String command(final String verb, final Path journalDirectory)
    {
        Path absolute = journalDirectory.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String where = parent != null && absolute.getFileName().toString().equals(DATA_DIRECTORY_CHILD)
            ? "--data-dir " + quoted(parent)
            : "--journal-dir " + quoted(absolute);
        return JAR + " journal " + verb + " " + where;
    }

    /**
     * The path as one word of a POSIX shell, so that a command copied from a message runs as printed even when the path
     * holds a space, a quote or a {@code $}: single quotes keep everything literal, and a single quote inside is
     * closed, escaped and reopened ({@code '\''}).
     */
    public static String quoted(final Path path)
    {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
