package io.ordergate.gateway.warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.Ordergate;
import io.ordergate.gateway.auth.Secrets;

/**
 * The start-up warm-up ({@code server.warmup_orders}): before the gateway opens, a scratch gateway in this JVM (its
 * own temporary data directory and journal, one paper account, no simulators, an ephemeral loopback port, the real
 * configuration's transport and pipeline settings) takes that many market orders over loopback HTTP, and is closed and
 * deleted. The JIT compiles the order path (HTTP decoding, the route, the order's JSON, the ring, the journal, the
 * engine, the answer) on those orders, so the real gateway's first orders run compiled code instead of the
 * interpreter's: a cold gateway answers a few thousand orders a second for its first seconds (docs/PERFORMANCE.md,
 * "Start-up and the generator's warm-up"). Nothing of the scratch gateway reaches the real one: not its journal, keys or state.
 * Call from the start-up thread before the real gateway starts.
 */
public final class StartupWarmup
{
    private static final Logger LOG = Logger.getLogger(StartupWarmup.class.getName());
    /** Orders in flight at once: a few connections, as clients would open. */
    private static final int CONNECTIONS = 4;
    static final String ACCOUNT = "warmup-1";
    private static final long FIRST_FILL_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FIRST_FILL_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private StartupWarmup()
    {
    }

    /** What a warm-up did. */
    public record Result(long orders, long failed, long millis)
    {
    }

    /**
     * Runs {@code orders} orders through a scratch gateway shaped like {@code real}; returns once it is closed and its
     * directory deleted. A warm-up that fails is logged and given up: it only ever costs start-up time.
     */
    public static Result run(final GatewayConfig real, final int orders)
    {
        return run(real, orders, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@link #run(GatewayConfig, int)} with the scratch gateway's directory made in {@code parent}. */
    static Result run(final GatewayConfig real, final int orders, final Path parent)
    {
        final long start = System.nanoTime();
        Path directory = null;
        Thread cleanUpOnExit = null;
        try
        {
            directory = Files.createTempDirectory(parent, "ordergate-warmup");
            // A SIGTERM during the warm-up must not leave the scratch journal behind in the temporary directory.
            final Path scratchDirectory = directory;
            cleanUpOnExit = new Thread(() -> deleteQuietly(scratchDirectory), "og-warmup-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanUpOnExit);
            final String key = Secrets.newKey();
            final String secret = Secrets.newSecret();
            final GatewayConfig scratch = ConfigLoader.parse(scratchYaml(real), "the start-up warm-up").withDataDir(directory.resolve("data"));
            final StartupOptions options = StartupOptions.parse(new String[0],
                Map.of(StartupOptions.API_KEY_ENV, key, StartupOptions.API_SECRET_ENV, secret));
            try (Ordergate gateway = Ordergate.start(scratch, options, new PrintStream(OutputStream.nullOutputStream())))
            {
                final AtomicLong failed = new AtomicLong();
                drive(gateway.port(), key, secret, orders, failed);
                final Result result = new Result(orders, failed.get(), (System.nanoTime() - start) / 1_000_000);
                LOG.info(() -> "start-up warm-up: " + result.orders() + " orders through a scratch gateway in " + result.millis() + " ms"
                    + (result.failed() == 0 ? "" : " (" + result.failed() + " not answered 201)"));
                return result;
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.warning("start-up warm-up given up: " + ex);
            return new Result(0, orders, (System.nanoTime() - start) / 1_000_000);
        }
        finally
        {
            deleteQuietly(directory);
            removeQuietly(cleanUpOnExit);
        }
    }

    /** One paper account and one instrument, small tables; the real configuration's listener transport and pipeline. */
    static String scratchYaml(final GatewayConfig real)
    {
        return String.join("\n",
            "server:",
            "  host: 127.0.0.1",
            "  port: 0",
            "  transport: " + real.server().transport(),
            "  event_loop_threads: " + real.server().eventLoopThreads(),
            "pipeline:",
            "  ring_size: " + real.pipeline().ringSize(),
            "  wait_strategy: " + real.pipeline().waitStrategy().configName(),
            // Small tables: the scratch gateway's memory is garbage in the real one's heap once it is closed.
            "engine: { max_accounts: 8, max_orders: 4096, max_trades: 4096, max_keys: 8, max_tickets: 64, max_executor_commands: 64 }",
            "instruments:",
            "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
            "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD,",
            "      demo_bid: 1.08420, demo_ask: 1.08428 }",
            "accounts:",
            "  - { account_id: " + ACCOUNT + ", venue: paper, currency: USD, balance: 100000000, leverage: 100 }",
            "demo:",
            "  quote_feed: true",          // the paper venue fills at the feed's quotes
            "  simulated_terminal: false",
            "  simulated_exchange: false",
            "");
    }

    private static void drive(final int port, final String key, final String secret, final int orders, final AtomicLong failed)
        throws IOException
    {
        awaitFirstFill(port, key, secret);
        final List<Thread> threads = new ArrayList<>();
        final AtomicLong next = new AtomicLong();
        final List<RuntimeException> errors = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++)
        {
            final Thread thread = new Thread(() ->
            {
                try (WarmupConnection connection = new WarmupConnection(port, key, secret, ACCOUNT))
                {
                    long i;
                    while ((i = next.getAndIncrement()) < orders)
                    {
                        final int status = connection.order((i & 1) == 0);
                        if (status != 201 && failed.getAndIncrement() == 0)
                        {
                            LOG.warning(() -> "start-up warm-up: an order was answered " + status + " (not 201): " + connection.lastBody());
                        }
                    }
                }
                catch (final IOException ex)
                {
                    synchronized (errors)
                    {
                        errors.add(new UncheckedIOException(ex));
                    }
                }
            }, "og-warmup-" + c);
            thread.start();
            threads.add(thread);
        }
        for (final Thread thread : threads)
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while warming up", ex);
            }
        }
        if (!errors.isEmpty())
        {
            throw errors.get(0);
        }
    }

    /** The feed's first quote is published as the scratch gateway gets ready: until it is in, an order gets NO_PRICE. */
    private static void awaitFirstFill(final int port, final String key, final String secret) throws IOException
    {
        final long deadline = System.nanoTime() + FIRST_FILL_TIMEOUT_NANOS;
        try (WarmupConnection connection = new WarmupConnection(port, key, secret, ACCOUNT))
        {
            int status;
            while ((status = connection.order(true)) != 201)
            {
                if (System.nanoTime() > deadline)
                {
                    throw new IOException("the scratch gateway answered " + status + " (not 201): " + connection.lastBody());
                }
                LockSupport.parkNanos(FIRST_FILL_RETRY_NANOS);
            }
        }
    }

    private static void removeQuietly(final Thread hook)
    {
        try
        {
            if (hook != null)
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        catch (final IllegalStateException shuttingDown)
        {
            // the JVM is exiting: the hook runs (or ran) and deletes the directory
        }
    }

    private static void deleteQuietly(final Path directory)
    {
        if (directory == null)
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException | UncheckedIOException ex)
        {
            LOG.warning("the start-up warm-up's directory " + directory + " was not deleted: " + ex);
        }
    }
}
