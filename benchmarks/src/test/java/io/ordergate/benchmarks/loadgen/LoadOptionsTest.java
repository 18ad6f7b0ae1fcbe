package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadOptionsTest
{
    private static final Map<String, String> ENV = Map.of("ORDERGATE_API_KEY", "k", "ORDERGATE_API_SECRET", "s");

    private static String[] args(final String... extra)
    {
        final String[] base = {"--url", "http://127.0.0.1:8080", "--rate", "5000", "--duration", "30", "--connections", "8", "--json", "out/run.json"};
        final String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void shouldParseTheCommandLineOfApiMdWithItsDefaults()
    {
        final LoadOptions options = LoadOptions.parse(args(), ENV);

        assertEquals(5000, options.rate);
        assertEquals(30, options.durationSeconds);
        assertEquals(8, options.connections);
        assertEquals(8080, options.port);
        assertEquals("paper-1", options.account);
        assertEquals("EURUSD", options.symbol);
        assertEquals(Path.of("out/run.hgrm"), options.hgrm);
        assertEquals(Path.of("out/run.svg"), options.plot);
        assertEquals(Path.of("out/run.baseline.hgrm"), LoadOptions.baselineSibling(options.hgrm));
        assertNull(options.executors);
        assertEquals("k", options.apiKey);
        assertEquals(5, options.warmupSeconds);
        assertFalse(options.flatWarmup, "the warm-up ramps unless asked otherwise");
        assertTrue(LoadOptions.parse(args("--flat-warmup"), ENV).flatWarmup);
        assertEquals(LoadTransport.epollLoads() ? Pacing.LOOP : Pacing.THREAD, options.pacing,
            "the event loop paces where the epoll transport loads");
    }

    @Test
    void shouldTakeEitherPacerByNameAndRefuseAnyOther()
    {
        assertEquals(Pacing.THREAD, LoadOptions.parse(args("--pacer", "thread"), ENV).pacing);
        if (LoadTransport.epollLoads())
        {
            assertEquals(Pacing.LOOP, LoadOptions.parse(args("--pacer=loop"), ENV).pacing);
        }
        else
        {
            assertTrue(assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--pacer", "loop"), ENV))
                .getMessage().contains("epoll"));
        }
        assertEquals("--pacer must be loop or thread, was LOOP",
            assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--pacer", "LOOP"), ENV)).getMessage());
        assertEquals("--pacer needs a value",
            assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--pacer"), ENV)).getMessage());
    }

    @Test
    void shouldRefuseAHostThatIsNotLoopback()
    {
        final LoadOptions.UsageException refused = assertThrows(LoadOptions.UsageException.class,
            () -> LoadOptions.parse(new String[] {"--url", "http://10.1.2.3:8080", "--rate", "1", "--duration", "1",
                "--connections", "1", "--json", "x.json"}, ENV));
        assertTrue(refused.getMessage().contains("not a loopback address"), refused.getMessage());
        assertTrue(LoadOptions.isLoopback("localhost"));
        assertTrue(LoadOptions.isLoopback("::1"));
    }

    @Test
    void shouldNameTheMissingOrBadOption()
    {
        final String[] noJson = {"--url", "http://127.0.0.1:8080", "--rate", "1", "--duration", "1", "--connections", "1"};
        assertEquals("missing --json", assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(noJson, ENV)).getMessage());
        assertTrue(assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--rate", "0"), ENV))
            .getMessage().startsWith("--rate must be between 1"));
        assertTrue(assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--bogus"), ENV))
            .getMessage().contains("--bogus"));
        assertTrue(assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--account", "a\"b"), ENV))
            .getMessage().contains("--account"));
    }

    @Test
    void shouldParseExecutorsAndNameTheFramesHistogramBesideTheOthers()
    {
        final LoadOptions options = LoadOptions.parse(args("--executors", "2", "--hgrm", "out/x.hgrm"), ENV);

        assertEquals(2, options.executors);
        assertEquals(Path.of("out/x.frames.hgrm"), LoadOptions.framesSibling(options.hgrm));
        assertEquals(Path.of("out/run.frames.hgrm"), LoadOptions.framesSibling(LoadOptions.parse(args(), ENV).hgrm));
    }

    @Test
    void shouldRefuseAnExecutorCountBelowOneOrWithoutAValue()
    {
        assertTrue(assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--executors", "0"), ENV))
            .getMessage().startsWith("--executors must be between 1"));
        assertTrue(assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--executors", "two"), ENV))
            .getMessage().contains("whole number"));
        assertEquals("--executors needs a value",
            assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--executors"), ENV)).getMessage());
    }

    @Test
    void shouldAskForAnAdminKeyWhenExecutorsRunWithoutCredentials()
    {
        final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        final String[] argv = args("--executors", "2");
        final int exit = LoadGenerator.run(argv, System.out, new java.io.PrintStream(err, true), Map.of());

        assertEquals(LoadGenerator.EXIT_USAGE, exit);
        assertTrue(err.toString().contains("an admin key"), err.toString());
    }

    @Test
    void shouldTakeBothValueFormsAndLetTheLastOfARepeatedOptionWin()
    {
        final LoadOptions options = LoadOptions.parse(args("--rate=7000", "--warmup=0", "--connections", "2"), ENV);

        assertEquals(7000, options.rate);
        assertEquals(0, options.warmupSeconds);
        assertEquals(2, options.connections, "scripts override a base command line by appending to it");
    }

    @Test
    void shouldNameTheUnknownOptionTheMissingRequiredOneAndTheOneWithoutAValue()
    {
        assertEquals("unknown option --jsno", assertThrows(LoadOptions.UsageException.class,
            () -> LoadOptions.parse(args("--jsno", "x.json"), ENV)).getMessage());
        assertEquals("unknown option stray", assertThrows(LoadOptions.UsageException.class,
            () -> LoadOptions.parse(args("stray"), ENV)).getMessage());
        final String[] noUrl = {"--rate", "1", "--duration", "1", "--connections", "1"};
        assertEquals("missing --url", assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(noUrl, ENV)).getMessage());
        assertEquals("--account needs a value", assertThrows(LoadOptions.UsageException.class,
            () -> LoadOptions.parse(args("--account", "--symbol", "GBPUSD"), ENV)).getMessage());
        final String typo = assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args("--account", "--jsno"), ENV)).getMessage();
        assertTrue(typo.contains("--account") && typo.contains("--jsno"), typo);
        assertEquals("--warmup must be between 0 and 3600, was -1", assertThrows(LoadOptions.UsageException.class,
            () -> LoadOptions.parse(args("--warmup", "-1"), ENV)).getMessage());
    }

    @Test
    void shouldPrintTheHelpWithEveryOptionAndExitZeroOrTwoWithoutArguments()
    {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        final java.io.PrintStream stream = new java.io.PrintStream(out, true);

        assertEquals(LoadGenerator.EXIT_OK, LoadGenerator.run(new String[] {"--url", "http://127.0.0.1:1", "--help"}, stream, System.err, ENV));
        for (final String option : new String[] {"--url", "--rate", "--duration", "--connections", "--json", "--account", "--symbol",
            "--quantity", "--warmup", "--flat-warmup", "--baseline", "--hgrm", "--plot", "--pipeline", "--drain-timeout",
            "--quote-subscribers", "--subscribe", "--executors", "--pacer", "ORDERGATE_API_KEY", "Exit codes: 0 done, 1 the run failed, 2 bad usage."})
        {
            assertTrue(out.toString().contains(option), option + " in\n" + out);
        }
        assertEquals(LoadGenerator.EXIT_USAGE, LoadGenerator.run(new String[0], stream, System.err, ENV));
        assertEquals(LoadGenerator.EXIT_USAGE, LoadGenerator.run(args("--bogus"), stream, new java.io.PrintStream(out, true), ENV));
        assertTrue(out.toString().contains("loadgen: unknown option --bogus"), out.toString());
    }
}
