package io.ordergate.journal;

import java.io.PrintStream;
import java.nio.file.Path;

import org.agrona.ExpandableArrayBuffer;

/**
 * Run by {@link JournalKillTest} in a child JVM that it kills with SIGKILL. Continues the sequence already in the
 * journal and appends in a tight loop, printing {@code acked N} after each append of sequence N returned.
 *
 * <p>Arguments: the journal directory, and {@code tear} to stop inside an append instead: after {@code acksBeforeTear}
 * records it opens a document, writes half a record, prints {@code torn}, and blocks until killed.
 */
public final class AppendUntilKilledMain
{
    public static void main(final String[] args) throws Exception
    {
        Path directory = Path.of(args[0]);
        boolean tear = args.length > 1 && args[1].equals("tear");
        PrintStream out = System.out;
        Journal journal = Journal.open(directory);
        long[] next = {0};
        journal.replay((buffer, offset, length, index) -> next[0] = SequencedRecords.decode(buffer, offset, length) + 1);
        out.println("started at " + next[0]);
        out.flush();
        JournalAppender appender = journal.appender();
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(SequencedRecords.MAX_LENGTH);
        for (long sequence = next[0]; ; sequence++)
        {
            if (tear && sequence == next[0] + 100)
            {
                TornAppend.writeHalfARecordAndBlock(directory, sequence, out);
            }
            int length = SequencedRecords.encode(sequence, buffer);
            appender.append(buffer, 0, length);
            out.println("acked " + sequence);
            out.flush();
        }
    }
}
