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
}
