package io.ordergate.journal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Used by one test thread: a child JVM running {@link AppendUntilKilledMain}, its stdout read line by line. */
final class ChildJournalProcess implements AutoCloseable
{
    private static final String END_OF_OUTPUT = "\u0000end";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    ChildJournalProcess(final Path directory, final Path stderr, final String... extraArgs) throws IOException
    {
        this.stderr = stderr;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-D"))
            {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AppendUntilKilledMain.class.getName());
        command.add(directory.toString());
        command.addAll(List.of(extraArgs));
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        Thread reader = new Thread(this::readLines, "child-stdout-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLines()
    {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
                {
            String line;
            while ((line = reader.readLine()) != null)
            {
                lines.add(line);
            }
        }
        catch (IOException e)
        {
            // the process died; the end marker below tells the waiting test
        }
        finally
        {
            lines.add(END_OF_OUTPUT);
        }
    }

    /** @return the first line starting with {@code prefix} whose number after it is at least {@code atLeast} */
    long awaitLine(final String prefix, final long atLeast, final long timeoutSeconds) throws InterruptedException, IOException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true)
        {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END_OF_OUTPUT))
            {
                throw new AssertionError((line == null ? "timed out" : "child exited") + " waiting for '" + prefix
                        + "' >= " + atLeast + "; child stderr:\n" + stderrText());
            }
            if (line.startsWith(prefix))
            {
                long number = Long.parseLong(line.substring(prefix.length()).trim());
                if (number >= atLeast)
                {
                    return number;
                }
            }
        }
    }

    /** SIGKILL on Unix. */
    void kill()
    {
        process.destroyForcibly();
        try
        {
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                throw new AssertionError("child did not die within 60 s of SIGKILL");
            }
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the child to die", e);
        }
    }

    String stderrText() throws IOException
    {
        File file = stderr.toFile();
        return file.exists() ? Files.readString(stderr) : "";
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            kill();
        }
    }
}
