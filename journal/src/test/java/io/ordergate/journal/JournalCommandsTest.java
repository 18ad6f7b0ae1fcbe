package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.journal.JournalTailDamageTest.Damage;
import io.ordergate.journal.cli.JournalCli;

/**
 * The command a refusal tells the operator to run works when pasted into a POSIX shell, even for a data directory whose
 * name holds a space and a single quote: the shell hands the path over as one argument, unchanged.
 */
class JournalCommandsTest
{
    private static final String SUGGESTED = "java -jar ordergate.jar ";

    @TempDir
    Path root;

    @Test
    void shouldSuggestARepairThatAShellPassesThePathOfAsOneArgument() throws Exception
    {
        Path dataDir = root.resolve("trader's data $HOME");
        Path directory = dataDir.resolve("journal");
        SequencedJournal.write(directory, 0, 10);
        Path file = DamagedFiles.lastCycleFile(directory);
        Damage.GARBAGE_HEADER.apply(file, DamagedFiles.recordPositions(file).get(5));

        String message = assertThrows(JournalDamagedException.class, () -> Journal.open(directory)).getMessage();
        String command = message.substring(message.indexOf(SUGGESTED) + SUGGESTED.length());
        List<String> words = shellWords(command);
        assertEquals(List.of("journal", "repair", "--data-dir", dataDir.toAbsolutePath().toString()), words, message);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = JournalCli.run(words.subList(1, words.size()).toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(5, SequencedJournal.replayInOrder(journal), "the pasted repair kept the records before the damage");
        }
    }

    @Test
    void shouldQuoteAJournalDirectoryOutsideADataDirectoryToo() throws Exception
    {
        Path odd = root.resolve("it's here").resolve("a 'b' c");
        assertEquals(List.of("journal", "verify", "--journal-dir", odd.toString()), shellWords(JournalCommands.command("verify", odd)
            .substring(SUGGESTED.length())));
    }

    /** What {@code /bin/sh} makes of {@code text} as the arguments of a command, one per line. */
    private static List<String> shellWords(final String text) throws Exception
    {
        Process shell = new ProcessBuilder("/bin/sh", "-c", "printf '%s\\n' " + text).redirectErrorStream(true).start();
        String printed = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shell.waitFor(10, TimeUnit.SECONDS), "the shell ran");
        assertEquals(0, shell.exitValue(), printed);
        return List.of(printed.split("\n"));
    }
}
