package io.ordergate.benchmarks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The short drills, as CI runs them: real gateways in their own processes (the gateway's classes on this class path),
 * killed, damaged, fed the bad-input corpus, held by idle sockets and given an executor backlog; the table says no
 * loss, no 5xx and no hang, and the exit status is 0.
 */
class DrillsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPassEveryShortDrillAndPrintTheTable()
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final int status = new CommandLine(new Drills(new PrintStream(printed, true, StandardCharsets.UTF_8)))
            .execute("--short", "--work-dir", dir.toString());
        final String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertEquals(0, status, table);
        for (final String drill : new String[] {"kill9", "damage", "input", "idle", "backlog"})
        {
            assertTrue(table.lines().anyMatch(line -> line.startsWith(drill + " ") && line.matches("\\S+\\s+\\d+\\s+\\d+\\s+0\\s.*")),
                drill + " with no failure:\n" + table);
        }
        assertTrue(table.contains("all drills passed"), table);
    }
}
