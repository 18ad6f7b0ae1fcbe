package io.ordergate.journal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.DirectBuffer;

/**
 * For operators, from the command line: prints each record of a journal directory as its index, its length and
 * its first bytes in hex. Opens the queue read-only and takes no lock, so it can run beside a live gateway.
 *
 * <pre>
 *   java [chronicle jvm flags] -cp ... io.ordergate.journal.JournalDump DIRECTORY [BYTES_SHOWN=32]
 * </pre>
 */
public final class JournalDump
{
    private static final int DEFAULT_BYTES_SHOWN = 32;

    private JournalDump()
    {
    }

    public static void main(final String[] args)
    {
        if (args.length < 1 || args.length > 2)
        {
            System.err.println("usage: JournalDump DIRECTORY [BYTES_SHOWN=" + DEFAULT_BYTES_SHOWN + "]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        if (!Files.isDirectory(directory))
        {
            System.err.println("not a directory: " + directory);
            System.exit(2);
        }
        int bytesShown = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_BYTES_SHOWN;
        ChronicleSettings.apply(); // before the first Chronicle class below
        long count = dump(directory, bytesShown, System.out);
        System.out.println(count + " records");
    }

    /** @return how many records were printed */
    static long dump(final Path directory, final int bytesShown, final PrintStream out)
    {
        StringBuilder line = new StringBuilder();
        try (ChronicleQueueStore store = new ChronicleQueueStore(directory, true))
        {
            return store.replay((buffer, offset, length, index) -> {
                line.setLength(0);
                line.append("index=").append(index).append(" (0x").append(Long.toHexString(index)).append(")")
                        .append(" length=").append(length).append(' ');
                appendHex(line, buffer, offset, Math.min(length, bytesShown));
                if (length > bytesShown)
                {
                    line.append(" ...");
                }
                out.println(line);
            });
        }
    }

    private static void appendHex(final StringBuilder line, final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            int b = buffer.getByte(offset + i) & 0xFF;
            line.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
    }
}
