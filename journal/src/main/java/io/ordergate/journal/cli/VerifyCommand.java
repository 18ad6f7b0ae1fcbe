package io.ordergate.journal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ordergate.journal.Journal;
import io.ordergate.journal.JournalInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code journal verify}: checks every record, changes nothing; exit 1 when anything is damaged. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check every record's CRC32C and the files' structure; change nothing. Exit 1 on damage.")
final class VerifyCommand implements Callable<Integer>
{
    @Mixin
    JournalLocation location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        Path directory = location.existingJournal(spec.commandLine().getOut(), "check");
        if (directory == null)
        {
            return JournalCli.DONE;
        }
        JournalInspection inspection = Journal.inspect(directory);
        if (inspection.intact())
        {
            spec.commandLine().getOut().println("journal " + directory + " is intact: " + inspection.records() + " records");
            return JournalCli.DONE;
        }
        spec.commandLine().getOut().println("journal " + directory + " is damaged: " + inspection.damage().describe()
            + ". " + inspection.records() + " intact records come before it. "
            + (inspection.damage().atTail()
                ? "The gateway cuts a damaged tail off at its next start (or run: journal repair)."
                : "The gateway will not start on it: run journal repair (see docs/RELIABILITY.md)."));
        return JournalCli.FAILED;
    }
}
