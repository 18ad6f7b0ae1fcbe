package io.ordergate.gateway.cluster;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ordergate.gateway.OrdergateMain;

/**
 * Gateways as separate processes, one per member, started the way an operator starts one: {@code java -jar
 * ordergate.jar --config nodeN.yaml} (or, from a build's classes, the same main on the same class path with the
 * JVM flags of this one). Each one's output goes to {@code nodeN.log} beside its configuration.
 */
public final class NodeProcesses implements AutoCloseable
{
    private final List<Path> configs;
    private final Map<String, String> environment;
    private final Process[] processes;
    private final Path gatewayJar;

    /** Members run from the jar this class came from (or this build's classes). */
    public NodeProcesses(final List<Path> configs, final Map<String, String> environment)
    {
        this(configs, environment, null);
    }

    /** Members run {@code java -jar gatewayJar} (the gateway's jar, when this code runs from another one). */
    public NodeProcesses(final List<Path> configs, final Map<String, String> environment, final Path gatewayJar)
    {
        this.configs = configs;
        this.environment = environment;
        this.processes = new Process[configs.size()];
        this.gatewayJar = gatewayJar;
    }

    /** Starts member {@code id} (again, after a kill). */
    public Process start(final int id) throws IOException
    {
        final List<String> command = new ArrayList<>(javaCommand(gatewayJar));
        command.add("--config");
        command.add(configs.get(id).toAbsolutePath().toString());
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(configs.get(id).resolveSibling("node" + id + ".log").toFile()));
        builder.environment().putAll(environment);
        processes[id] = builder.start();
        return processes[id];
    }

    /** The last lines member {@code id} wrote, for a failure's message. */
    public String logTail(final int id)
    {
        try
        {
            final List<String> lines = Files.readAllLines(configs.get(id).resolveSibling("node" + id + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
        catch (final IOException ex)
        {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    public Process process(final int id)
    {
        return processes[id];
    }

    /**
     * {@code kill -9 PID}, run as its own process as an operator would: the member stops at once, as in a crash (no
     * shutdown hook, no orderly close of its cluster node). Returns once the member's process is gone.
     */
    public void kill(final int id) throws IOException, InterruptedException
    {
        final Process member = processes[id];
        if (member == null || !member.isAlive())
        {
            return;
        }
        final Process kill = new ProcessBuilder("kill", "-9", Long.toString(member.pid())).redirectErrorStream(true).start();
        if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0)
        {
            member.destroyForcibly();  // no kill(1) on this system: the same SIGKILL from here
        }
        member.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Polls member {@code id}'s {@code /health} until it answers 200, its process ends, or the deadline passes. */
    public boolean awaitHealthy(final int id, final String url, final long timeoutMillis) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline && processes[id] != null && processes[id].isAlive())
        {
            if (awaitHealthy(url, 1_000))
            {
                return true;
            }
        }
        return false;
    }

    /** Polls {@code url + /health} until it answers 200 or the deadline passes. */
    public static boolean awaitHealthy(final String url, final long timeoutMillis) throws InterruptedException
    {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline)
        {
            try
            {
                final HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200)
                {
                    return true;
                }
            }
            catch (final IOException ex)
            {
                // not listening yet
            }
            Thread.sleep(100);  // polling a condition with a deadline
        }
        return false;
    }

    private static List<String> javaCommand(final Path gatewayJar)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        final Path codeSource = gatewayJar != null ? gatewayJar : codeSource();
        if (codeSource != null && isGatewayJar(codeSource))
        {
            command.add("-jar");  // the manifest carries the JVM flags Chronicle and Aeron need
            command.add(codeSource.toString());
            return command;
        }
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle."))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        // Under surefire the JVM's own class path is a manifest-only jar; the real one is in this property.
        final String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command.add(classPath + File.pathSeparator + (codeSource == null ? "" : codeSource.toString()));
        command.add(OrdergateMain.class.getName());
        return command;
    }

    /** A jar whose manifest starts the gateway (the shaded ordergate.jar), so {@code java -jar} works with no flags. */
    private static boolean isGatewayJar(final Path path)
    {
        if (!Files.isRegularFile(path) || !path.toString().endsWith(".jar"))
        {
            return false;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile()))
        {
            final java.util.jar.Manifest manifest = jar.getManifest();
            return manifest != null && OrdergateMain.class.getName().equals(manifest.getMainAttributes().getValue("Main-Class"));
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static Path codeSource()
    {
        try
        {
            return Path.of(OrdergateMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (final URISyntaxException | RuntimeException ex)
        {
            return null;
        }
    }

    /** Stops every member still running: SIGTERM (an orderly close), then a kill after 10 s. */
    @Override
    public void close()
    {
        for (final Process process : processes)
        {
            if (process != null && process.isAlive())
            {
                process.destroy();
            }
        }
        for (final Process process : processes)
        {
            try
            {
                if (process != null && !process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS))
                {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (final Path config : configs)
        {
            removeSharedMemory(config);  // a killed member leaves its Aeron directory behind
        }
    }

    private static void removeSharedMemory(final Path configFile)
    {
        try
        {
            final io.ordergate.config.GatewayConfig config = io.ordergate.config.ConfigLoader.load(configFile);
            final Path shared = Path.of(io.ordergate.cluster.ClusterNode.aeronDir(config.cluster(), config.dataDir()));
            if (Files.isDirectory(shared))
            {
                try (java.util.stream.Stream<Path> files = Files.walk(shared))
                {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // best effort: the next start of that member removes it too
        }
    }
}
