package io.ordergate.benchmarks.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Netty's own HTTP hello-world server ({@code io.netty.example.http.helloworld.HttpHelloWorldServer} from
 * {@code io.netty:netty-example}, the same Netty version as the gateway) in its own JVM, started from this jar:
 * the bare HTTP stack every gateway figure is compared with. Control thread only.
 */
final class BaselineServer implements AutoCloseable
{
    static final String MAIN_CLASS = "io.netty.example.http.helloworld.HttpHelloWorldServer";
    private static final long START_TIMEOUT_MILLIS = 20_000;

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;

    private BaselineServer(final Process process, final int port, final Path log)
    {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, "baseline-server-killer");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the server on a free loopback port and waits until it accepts connections. */
    static BaselineServer start() throws IOException, InterruptedException
    {
        final int port = freePort();
        final Path log = Files.createTempFile("ordergate-baseline-", ".log");
        // The example reads its port from -Dport (ServerUtil/HttpHelloWorldServer: System.getProperty("port", "8080")).
        final List<String> command = List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xms256m", "-Xmx256m",
            "-Dport=" + port,
            "-cp", ownJar().toString(),
            MAIN_CLASS);
        final Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        final BaselineServer server = new BaselineServer(process, port, log);
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!accepts(port))
        {
            if (!process.isAlive())
            {
                server.close();
                throw new IllegalStateException("the baseline server exited with " + process.exitValue() + ": see " + log);
            }
            if (System.currentTimeMillis() > deadline)
            {
                server.close();
                throw new IllegalStateException("the baseline server did not accept connections on port " + port +
                    " within " + START_TIMEOUT_MILLIS + " ms: see " + log);
            }
            Thread.sleep(50);
        }
        return server;
    }

    int port()
    {
        return port;
    }

    long pid()
    {
        return process.pid();
    }

    private static boolean accepts(final int port)
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /** The jar (or classes directory) this class was loaded from: it carries netty-example and Netty itself. */
    static Path ownJar()
    {
        try
        {
            return Path.of(BaselineServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(5, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ex)
        {
            // already shutting down: the hook runs anyway
        }
        try
        {
            Files.deleteIfExists(log);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
