package io.ordergate.benchmarks.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The benchmark's command line, parsed without running a trial: {@code [TRIALS] [LOAD_SECONDS]} as docs/CLUSTER.md
 * shows it, the defaults, and usage errors (exit 2) that name the bad parameter.
 */
class FailoverBenchmarkTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(final FailoverBenchmark benchmark)
    {
        return new CommandLine(benchmark).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }

    @Test
    void shouldTakeTrialsAndLoadSecondsAsTheDocsShow()
    {
        final FailoverBenchmark benchmark = new FailoverBenchmark();
        commandLine(benchmark).parseArgs("20", "5");
        benchmark.validate();

        assertEquals(20, benchmark.trials);
        assertEquals(5, benchmark.loadSeconds);
    }

    @Test
    void shouldDefaultToTwentyTrialsOfFiveSeconds()
    {
        final FailoverBenchmark none = new FailoverBenchmark();
        commandLine(none).parseArgs();
        final FailoverBenchmark trialsOnly = new FailoverBenchmark();
        commandLine(trialsOnly).parseArgs("3");

        assertEquals(20, none.trials);
        assertEquals(5, none.loadSeconds);
        assertEquals(3, trialsOnly.trials);
        assertEquals(5, trialsOnly.loadSeconds);
    }

    @Test
    void shouldNameANumberThatIsNotOneAndExitWithTwo()
    {
        assertEquals(2, commandLine(new FailoverBenchmark()).execute("twenty"));
        assertTrue(err.toString().contains("TRIALS"), err.toString());
        assertEquals(2, commandLine(new FailoverBenchmark()).execute("20", "5", "7"));
        assertTrue(err.toString().contains("'7'"), err.toString());
    }

    @Test
    void shouldRefuseNoTrialsOrNoLoad()
    {
        final FailoverBenchmark noTrials = new FailoverBenchmark();
        commandLine(noTrials).parseArgs("0");
        final FailoverBenchmark noLoad = new FailoverBenchmark();
        commandLine(noLoad).parseArgs("3", "0");

        assertTrue(assertThrows(CommandLine.ParameterException.class, noTrials::validate).getMessage().contains("TRIALS"));
        assertTrue(assertThrows(CommandLine.ParameterException.class, noLoad::validate).getMessage().contains("LOAD_SECONDS"));
    }

    @Test
    void shouldPrintUsageAndExitWithZeroOnHelp()
    {
        assertEquals(0, commandLine(new FailoverBenchmark()).execute("--help"));
        assertTrue(out.toString().contains("[TRIALS] [LOAD_SECONDS]"), out.toString());
    }
}
