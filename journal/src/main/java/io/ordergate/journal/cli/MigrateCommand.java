package io.ordergate.journal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ordergate.journal.JournalMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code journal migrate}: rewrites a journal from before checksums (see {@link JournalMigration}). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Rewrite a journal written before records carried checksums, so that every record has one; the"
        + " original files are kept in DIR/journal/legacy/<time>/. Refuses while a gateway has the journal open."})
final class MigrateCommand implements Callable<Integer>
{
    @Mixin
    JournalLocation location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        Path directory = location.existingJournal(spec.commandLine().getOut(), "migrate");
        if (directory != null)
        {
            spec.commandLine().getOut().println(JournalMigration.migrate(directory));
        }
        return JournalCli.DONE;
    }
}
