package io.ordergate.journal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import io.ordergate.journal.ChronicleSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar ordergate.jar journal (dump|verify|repair|migrate) [--data-dir DIR | --journal-dir DIR]}: the
 * operator's commands on a journal, run from the gateway's jar (whose manifest carries the JVM flags Chronicle needs).
 * Exit status: 0 done (or nothing to do), 1 damage found or the command refused, 2 a bad command line.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
    description = "Check, print, repair and migrate an Ordergate journal. See docs/RELIABILITY.md, \"Journal damage\".",
    subcommands = {DumpCommand.class, VerifyCommand.class, RepairCommand.class, MigrateCommand.class})
public final class JournalCli implements Runnable
{
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    /** Runs a command line (without the leading {@code journal}); returns the exit status. */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        ChronicleSettings.apply(); // before the first Chronicle class
        CommandLine commandLine = new CommandLine(new JournalCli());
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((e, line, parsed) ->
        {
            line.getErr().println("journal " + line.getCommandName() + ": " + e.getMessage());
            return e instanceof IllegalArgumentException ? USAGE : FAILED;
        });
        return commandLine.execute(args);
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: dump, verify, repair or migrate");
    }
}
