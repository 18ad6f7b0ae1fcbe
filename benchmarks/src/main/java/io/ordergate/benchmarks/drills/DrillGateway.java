package io.ordergate.benchmarks.drills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real gateway in its own process, for drills that kill it: {@code java -jar ordergate.jar} when a jar is given,
 * otherwise the gateway's main class on this JVM's class path (with this JVM's {@code --add-*} and {@code -D} flags).
 * Started on an ephemeral loopback port with the drills' admin key; {@link #kill} is SIGKILL.
 */
final class DrillGateway implements AutoCloseable
{
    static final String ADMIN_KEY = "og_drilladminkey00000000000";
    static final String ADMIN_SECRET = "drill-admin-secret-0123456789abcdefghijklmnopqrstu";
    private static final Pattern BANNER = Pattern.compile("^Ordergate listening on http://[^:]+:(\\d+) ");
    private static final String END = "\u0000end";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    DrillGateway(final Path gatewayJar, final Path config, final Path dataDir, final Path stderr) throws IOException, InterruptedException
    {
        final List<String> command = javaCommand(gatewayJar);
        command.addAll(List.of("--config", config.toString(), "--port", "0", "--data-dir", dataDir.toString()));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("ORDERGATE_API_KEY", ADMIN_KEY);
        builder.environment().put("ORDERGATE_API_SECRET", ADMIN_SECRET);
        builder.environment().put("ORDERGATE_DEMO_FEED", "off");
        process = builder.start();
        final Thread reader = new Thread(this::readLines, "drill-gateway-stdout");
        reader.setDaemon(true);
        reader.start();
        port = awaitBanner(stderr);
    }

    /** The command that runs the gateway's main: its jar, or its class on this class path with this JVM's flags. */
    static List<String> javaCommand(final Path gatewayJar)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        if (gatewayJar != null)
        {
            command.addAll(List.of("-jar", gatewayJar.toString()));
        }
        else
        {
            for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
            {
                if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle"))
                {
                    command.add(arg);
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.ordergate.gateway.OrdergateMain"));
        }
        return command;
    }

    /** Runs one of the gateway's tools ({@code journal dump ...}) to its end; what it printed. */
    static String tool(final Path gatewayJar, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = javaCommand(gatewayJar);
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return printed;
    }

    int port()
    {
        return port;
    }

    /** One request with the admin key; the answer, or null when none came within 10 s. */
    HttpResponse<String> call(final String method, final String path, final String body)
    {
        try
        {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("X-API-Key", ADMIN_KEY).header("X-API-Secret", ADMIN_SECRET).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException ex)
        {
            return null;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("the gateway did not die within 60 s of SIGKILL");
        }
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(60, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int awaitBanner(final Path stderr) throws InterruptedException, IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true)
        {
            final String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END))
            {
                process.destroyForcibly();
                throw new IllegalStateException((line == null ? "timed out" : "the gateway exited") + " before listening; stderr:\n"
                    + (Files.exists(stderr) ? Files.readString(stderr) : ""));
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
            // the process died: the end marker tells whoever waits
        }
        finally
        {
            lines.add(END);
        }
    }
}
