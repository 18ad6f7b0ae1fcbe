package io.ordergate.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.journal.Journal;
import io.ordergate.journal.JournalDamagedException;

/** The operator's command lines, as {@code java -jar ordergate.jar journal ...} runs them. */
class JournalCliTest
{
    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args)
    {
        out.reset();
        err.reset();
        return JournalCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void journalOfFiveRecordsWithTheThirdDamaged()
    {
        try (Journal journal = Journal.open(dataDir.resolve("journal")))
        {
            for (int i = 0; i < 5; i++)
            {
                journal.appender().append(new UnsafeBuffer(("record-" + i).getBytes(StandardCharsets.US_ASCII)), 0, 8);
            }
        }
        JournalFileBytes.replaceFirst(dataDir.resolve("journal"), "record-2", "record-X");
    }

    @Test
    void verifyDumpAndRepairADamagedJournalThenTheGatewayOpensIt()
    {
        journalOfFiveRecordsWithTheThirdDamaged();
        assertThrows(JournalDamagedException.class, () -> Journal.open(dataDir.resolve("journal")).close());

        assertEquals(1, run("verify", "--data-dir", dataDir.toString()));
        assertTrue(out().contains("is damaged: ") && out().contains("then 2 intact records"), out());
        assertTrue(out().contains("The gateway will not start on it: run journal repair"), out());

        assertEquals(1, run("dump", "--data-dir", dataDir.toString()));
        String dump = out();
        assertTrue(dump.contains("length=8 crc=ok " + hex("record-1")), dump);
        assertTrue(dump.contains(" DAMAGED at byte ") && dump.contains("fails its CRC32C"), dump);
        assertTrue(dump.contains(" after-damage index=") && dump.contains(hex("record-4")), dump);
        assertTrue(dump.endsWith("4 intact records, 1 damaged places" + System.lineSeparator()), dump);

        assertEquals(0, run("repair", "--data-dir", dataDir.toString()));
        assertTrue(out().contains("Kept the 2 records before it"), out());
        assertTrue(out().contains("with the 2 intact records after the damage, which are no longer replayed"), out());

        assertEquals(0, run("verify", "--data-dir", dataDir.toString()));
        assertTrue(out().contains("is intact: 2 records"), out());
        try (Journal journal = Journal.open(dataDir.resolve("journal")))
        {
            assertEquals(2, journal.replay((b, o, l, i) -> { }));
        }
        assertEquals(0, run("repair", "--journal-dir", dataDir.resolve("journal").toString()));
        assertTrue(out().contains("nothing to repair"), out());
    }

    @Test
    void theMovedAsideFileCanBeDumpedAndVerifiedWithJournalDir() throws Exception
    {
        journalOfFiveRecordsWithTheThirdDamaged();
        assertEquals(0, run("repair", "--data-dir", dataDir.toString()));
        Path aside;
        try (java.util.stream.Stream<Path> incidents = java.nio.file.Files.list(dataDir.resolve("journal/damaged")))
        {
            aside = incidents.findFirst().orElseThrow();
        }
        assertEquals(1, run("dump", "--journal-dir", aside.toString(), "--bytes", "3"));
        assertTrue(out().contains("length=8 crc=ok " + hex("rec") + " ..."), out());
        assertTrue(out().contains("4 intact records, 1 damaged places"), out());
        assertEquals(1, run("verify", "--journal-dir", aside.toString()));
        assertTrue(out().contains("is damaged: ") && out().contains("then 2 intact records"), out() + err);
    }

    @Test
    void dumpPrintsRecordsThroughTheInstalledDecoderUnlessHexIsAsked()
    {
        try (Journal journal = Journal.open(dataDir.resolve("journal")))
        {
            journal.appender().append(new UnsafeBuffer("text:hello".getBytes(StandardCharsets.US_ASCII)), 0, 10);
            journal.appender().append(new UnsafeBuffer(new byte[] {1, 2}), 0, 2);
        }
        assertEquals(0, run("dump", "--data-dir", dataDir.toString()));
        assertTrue(out().contains("length=10 crc=ok says \"hello\"" + System.lineSeparator()), out());
        assertTrue(out().contains("length=2 crc=ok 0102" + System.lineSeparator()), "declined: hex " + out());
        assertEquals(0, run("dump", "--hex", "--data-dir", dataDir.toString()));
        assertTrue(out().contains("length=10 crc=ok " + hex("text:hello")), out());
    }

    @Test
    void aMissingJournalIsNothingToDoAndBadCommandLinesExitTwo()
    {
        assertEquals(0, run("verify", "--data-dir", dataDir.resolve("nowhere").toString()));
        assertTrue(out().contains("no journal at " + dataDir.resolve("nowhere").resolve("journal") + ": nothing to check"), out());
        assertEquals(0, run("repair", "--data-dir", dataDir.resolve("nowhere").toString()));
        assertTrue(out().contains(": nothing to repair"), out());
        assertEquals(0, run("dump", "--journal-dir", dataDir.resolve("nowhere").toString()));
        assertTrue(out().contains("no journal at " + dataDir.resolve("nowhere") + ": nothing to print"), out());
        assertEquals(2, run());
        assertEquals(2, run("repair", "--bogus"));
        assertEquals(2, run("verify", "--data-dir", "a", "--journal-dir", "b"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not both"), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("--help"));
        assertTrue(out().contains("repair") && out().contains("migrate") && out().contains("dump"), out());
    }

    @Test
    void aPathThatIsNotWhereAJournalIsGivenIsABadCommandLineNotNothingToDo() throws Exception
    {
        Path journalDir = dataDir.resolve("journal");
        try (Journal journal = Journal.open(journalDir))
        {
            journal.appender().append(new UnsafeBuffer(new byte[] {1}), 0, 1);
        }
        Path dayFile;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(journalDir))
        {
            dayFile = files.filter(file -> file.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        String err;
        for (String command : new String[] {"verify", "dump", "repair"})
        {
            assertEquals(2, run(command, "--journal-dir", dayFile.toString()), command + ": " + out());
            err = this.err.toString(StandardCharsets.UTF_8);
            assertTrue(err.contains(dayFile + " is a file"), err);
            assertEquals(2, run(command, "--data-dir", journalDir.toString()), command + ": " + out());
            err = this.err.toString(StandardCharsets.UTF_8);
            assertTrue(err.contains("--journal-dir '" + journalDir + "'"), err);
        }
    }

    @Test
    void repairRefusesWhileAGatewayHasTheJournalOpen()
    {
        try (Journal journal = Journal.open(dataDir.resolve("journal")))
        {
            assertEquals(1, run("repair", "--data-dir", dataDir.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("is already open"), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static String hex(final String text)
    {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.US_ASCII))
        {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
