package io.ordergate.gateway;

import java.io.BufferedReader;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ordergate.config.StartupOptions;

/**
 * {@link OrdergateMain} in a child JVM on port 0, its port read from the banner. Used by one test thread. Public
 * for the kill -9 tests of other packages; its admin key is {@link #ADMIN_KEY}/{@link #ADMIN_SECRET}.
 */
public final class ChildGateway implements AutoCloseable
{
    public static final String ADMIN_KEY = TestGateway.ADMIN_KEY;
    public static final String ADMIN_SECRET = TestGateway.ADMIN_SECRET;

    private static final Pattern BANNER = Pattern.compile("^Ordergate listening on http://[^:]+:(\\d+) ");
    private static final String END_OF_OUTPUT = "\u0000end";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    public ChildGateway(final Path config, final Path dataDir, final Path stderr) throws IOException, InterruptedException
    {
        this(config, dataDir, stderr, List.of());
    }

    /** @param jvmArguments more arguments for the child JVM (such as {@code -Dname=value}) */
    public ChildGateway(final Path config, final Path dataDir, final Path stderr, final List<String> jvmArguments)
        throws IOException, InterruptedException
    {
        this.stderr = stderr;
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-D"))
            {
                command.add(arg);
            }
        }
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OrdergateMain.class.getName());
        command.addAll(List.of("--config", config.toString(), "--port", "0", "--data-dir", dataDir.toString()));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put(StartupOptions.API_KEY_ENV, TestGateway.ADMIN_KEY);
        builder.environment().put(StartupOptions.API_SECRET_ENV, TestGateway.ADMIN_SECRET);
        builder.environment().put(StartupOptions.DEMO_FEED_ENV, "off");
        process = builder.start();
        final Thread reader = new Thread(this::readLines, "child-stdout-reader");
        reader.setDaemon(true);
        reader.start();
        port = awaitBanner(60);
    }

    public int port()
    {
        return port;
    }

    private int awaitBanner(final long timeoutSeconds) throws InterruptedException, IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true)
        {
            final String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END_OF_OUTPUT))
            {
                throw new AssertionError((line == null ? "timed out" : "child exited") + " waiting for the banner; stderr:\n" + stderrText());
            }
            final Matcher matcher = BANNER.matcher(line);
            if (matcher.find())
            {
                return Integer.parseInt(matcher.group(1));
            }
        }
    }

    private void readLines()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            // the process died; the end marker tells a waiting test
        }
        finally
        {
            lines.add(END_OF_OUTPUT);
        }
    }

    /** SIGKILL on Unix: no shutdown hook runs. */
    public void kill() throws InterruptedException
    {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            throw new AssertionError("child did not die within 60 s of SIGKILL");
        }
    }

    /** SIGTERM: the shutdown hook closes the gateway in order. */
    public int terminate() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            throw new AssertionError("child did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    public String stderrText() throws IOException
    {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            try
            {
                kill();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while killing the child", ex);
            }
        }
    }
}
