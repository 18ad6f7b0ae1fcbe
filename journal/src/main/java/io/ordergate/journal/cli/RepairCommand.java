package io.ordergate.journal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ordergate.journal.JournalRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code journal repair}: cuts the journal at its first damage, moving the rest aside (see {@link JournalRepair}). */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Cut the journal at its first damage: keep every intact record before it, move the damaged file"
        + " (whole, as it was) and every later file into DIR/journal/damaged/<time>/ with a report, and say what was"
        + " kept and moved. Refuses while a gateway has the journal open."})
final class RepairCommand implements Callable<Integer>
{
    @Mixin
    JournalLocation location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        Path directory = location.existingJournal(spec.commandLine().getOut(), "repair");
        if (directory == null)
        {
            return JournalCli.DONE;
        }
        JournalRepair.Report report = JournalRepair.repair(directory);
        spec.commandLine().getOut().println(report.summary());
        return JournalCli.DONE;
    }
}
