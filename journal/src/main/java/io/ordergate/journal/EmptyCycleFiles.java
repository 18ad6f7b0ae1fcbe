package io.ordergate.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up thread, with the directory lock held: moves aside the cycle files with no byte set in them, which a
 * machine crash leaves when it comes just after Chronicle created a day's file and before its header reached the
 * disk. They hold no record, so nothing is lost; left in the journal, one before the newest day makes Chronicle's
 * appender fail at the first append (rolling past it, it finds no store to close). Moved, not deleted, as a repair
 * moves what it cuts, into {@code damaged/<UTC time>/} with a report.
 */
final class EmptyCycleFiles
{
    private EmptyCycleFiles()
    {
    }

    /** @return one line for the log saying which files went where, or null when no cycle file was empty */
    static String moveAside(final Path directory)
    {
        List<String> names = new ArrayList<>();
        Path aside = null;
        for (CycleFile file : CycleFile.list(directory))
        {
            if (isEmpty(file))
            {
                if (aside == null)
                {
                    aside = JournalRepair.incidentDirectory(directory);
                }
                CycleRewriter.moveAside(file, aside);
                names.add(file.name());
            }
        }
        if (aside == null)
        {
            return null;
        }
        String summary = "journal " + directory + ": the cycle files " + names + " had nothing written in them (a machine"
            + " crash just after a new day's file was created); moved them to " + aside + ". No record was lost.";
        JournalRepair.writeReport(aside, summary);
        return summary;
    }

    private static boolean isEmpty(final CycleFile file)
    {
        try (CycleFileReader reader = new CycleFileReader(file.path()))
        {
            // a written file starts with Chronicle's store header: only a file without one is read to its end
            return (reader.size() < RecordCursor.DOCUMENT_HEADER_LENGTH || reader.intAt(0) == 0) && !reader.anySetFrom(0);
        }
    }
}
