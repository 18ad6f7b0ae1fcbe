package io.ordergate.simulators.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The standalone terminal's command line, parsed without starting a terminal: README's invocation, the defaults, and
 * a usage error (exit 2) that names the missing option or variable. Every executed case has no credentials or no
 * executor id, so none can reach the terminal's start (which would connect and wait forever).
 */
class SimulatedTerminalMainTest
{
    private static final Map<String, String> CREDENTIALS = Map.of("ORDERGATE_EXECUTOR_KEY", "exe_k", "ORDERGATE_EXECUTOR_SECRET", "exe_s");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(final SimulatedTerminalMain main)
    {
        return new CommandLine(main).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }

    @Test
    void shouldParseTheReadmeInvocation()
    {
        final SimulatedTerminalMain main = new SimulatedTerminalMain(CREDENTIALS);
        commandLine(main).parseArgs("--url", "http://127.0.0.1:18080", "--executor-id", "demo-executor", "--state-dir", "state");

        final SimulatedTerminal.Settings settings = main.settings();
        assertEquals(URI.create("http://127.0.0.1:18080"), settings.baseUrl());
        assertEquals("demo-executor", settings.executorId());
        assertEquals("exe_k", settings.apiKey());
        assertEquals("exe_s", settings.apiSecret());
        assertEquals(30, settings.heartbeatSeconds());
        assertEquals(Path.of("state"), main.stateDir);
    }

    @Test
    void shouldDefaultToTheLocalGatewayWithNoStateDirectoryAndNoPrices()
    {
        final SimulatedTerminalMain main = new SimulatedTerminalMain(CREDENTIALS);
        commandLine(main).parseArgs("--executor-id", "ex-1");

        assertEquals(URI.create("http://127.0.0.1:8080"), main.settings().baseUrl());
        assertNull(main.stateDir);
        assertFalse(main.hasQuoteKey(), "no quote key in the environment: no prices");
    }

    @Test
    void shouldPriceOnlyWithBothQuoteVariables()
    {
        final SimulatedTerminalMain half = new SimulatedTerminalMain(Map.of("ORDERGATE_QUOTE_KEY", "og_q"));
        final SimulatedTerminalMain both = new SimulatedTerminalMain(Map.of("ORDERGATE_QUOTE_KEY", "og_q", "ORDERGATE_QUOTE_SECRET", "q"));

        assertFalse(half.hasQuoteKey());
        assertTrue(both.hasQuoteKey());
    }

    @Test
    void shouldNameTheMissingExecutorIdAndExitWithTwo()
    {
        // no credentials either: were --executor-id not required, this would still stop at exit 2, without starting a terminal
        final int status = commandLine(new SimulatedTerminalMain(Map.of())).execute("--url", "http://127.0.0.1:8080");

        assertEquals(2, status);
        assertTrue(err.toString().contains("Missing required option: '--executor-id=ID'"), err.toString());
    }

    @Test
    void shouldNameTheMissingSecretAndExitWithTwo()
    {
        final int status = commandLine(new SimulatedTerminalMain(Map.of("ORDERGATE_EXECUTOR_KEY", "exe_k"))).execute("--executor-id", "ex-1");

        assertEquals(2, status);
        assertTrue(err.toString().contains("ORDERGATE_EXECUTOR_SECRET is not set"), err.toString());
    }

    @Test
    void shouldRefuseAnUnknownOptionOrAFlagWithoutItsValue()
    {
        assertEquals(2, commandLine(new SimulatedTerminalMain(Map.of())).execute("--executor-id", "ex-1", "--port", "1"));
        assertTrue(err.toString().contains("Unknown options: '--port'"), err.toString());
        assertEquals(2, commandLine(new SimulatedTerminalMain(Map.of())).execute("--executor-id", "ex-1", "--state-dir"));
        assertTrue(err.toString().contains("Missing required parameter for option '--state-dir'"), err.toString());
    }

    @Test
    void shouldPrintUsageWithTheEnvironmentAndExitWithZeroOnHelp()
    {
        assertEquals(0, commandLine(new SimulatedTerminalMain(Map.of())).execute("--help"));

        final String usage = out.toString();
        for (final String named : new String[] {"--url", "--executor-id", "--state-dir", "ORDERGATE_EXECUTOR_KEY", "ORDERGATE_QUOTE_SECRET"})
        {
            assertTrue(usage.contains(named), named + " in:\n" + usage);
        }
    }
}
