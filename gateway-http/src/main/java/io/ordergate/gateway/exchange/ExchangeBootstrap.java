package io.ordergate.gateway.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ordergate.config.AccountSpec;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.VenueKind;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * The exchange steps of start-up, after replay:
 * <pre>
 *   1. demo exchange   in demo mode, the binance-demo account's credentials, made once and kept owner-only in
 *                      data_dir/demo-exchange.properties, journaled only sealed; a simulated exchange (in this
 *                      process, or the one at ordergate.demo.exchange_url / ORDERGATE_DEMO_EXCHANGE_URL) that knows them
 *   2. links           every exchange account's client, session and user-data stream start
 *   3. EXCHANGE_RECOVER routed exchange orders become unknown; every open one is asked for again (reconciled)
 * </pre>
 * Start-up thread only; the reply thread counts the answers down.
 */
public final class ExchangeBootstrap implements ReplyTarget, AutoCloseable
{
    public static final String DEMO_ACCOUNT_ID = "binance-demo";
    static final String DEMO_FILE = "demo-exchange.properties";
    static final String EXTERNAL_URL_PROPERTY = "ordergate.demo.exchange_url";
    private static final Map<String, String> DEMO_BALANCES = Map.of("USDT", "100000", "BTC", "1", "ETH", "10");

    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private CountDownLatch done;
    private SimulatedExchange simulated;

    public void run(final GatewayConfig config, final CommandPublisher publisher, final ExchangeIo io, final ExchangeReplies replies, final SecretBox secrets,
        final long timeoutMillis) throws InterruptedException
    {
        done = new CountDownLatch(1);
        if (demoAccount(config))
        {
            final Properties demo = demoCredentials(config.dataDir().resolve(DEMO_FILE), publisher, secrets);
            final String external = System.getProperty(EXTERNAL_URL_PROPERTY, System.getenv("ORDERGATE_DEMO_EXCHANGE_URL"));
            if (external != null && !external.isBlank())
            {
                final URI rest = URI.create(external);
                register(rest, demo);
                io.override(DEMO_ACCOUNT_ID, rest, URI.create(rest.toString().replaceFirst("^http", "ws")));
            }
            else
            {
                simulated = SimulatedExchange.start(0);
                simulated.addAccount(demo.getProperty("api_key"), demo.getProperty("api_secret"), DEMO_BALANCES);
                io.override(DEMO_ACCOUNT_ID, simulated.restUrl(), simulated.streamUrl());
                final SimulatedExchange exchange = simulated;
                replies.quotes((symbol, bid, ask) ->
                {
                    if (symbol.endsWith("USDT"))
                    {
                        exchange.quote(symbol, bid.stripTrailingZeros().toPlainString(), ask.stripTrailingZeros().toPlainString());
                    }
                });
            }
        }
        io.start(publisher);
        if (!publisher.publish(CommandType.EXCHANGE_RECOVER, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> { }, this, null))
        {
            throw new IllegalStateException("the ring is full at start-up");
        }
        if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS))
        {
            throw new IllegalStateException("exchange start-up commands did not complete within " + timeoutMillis + " ms");
        }
        if (!failures.isEmpty())
        {
            throw new IllegalStateException("exchange start-up commands failed: " + String.join("; ", failures));
        }
    }

    /** The demo's simulated exchange when it runs in this process, else null. */
    public SimulatedExchange simulated()
    {
        return simulated;
    }

    private Properties demoCredentials(final Path file, final CommandPublisher publisher, final SecretBox secrets) throws InterruptedException
    {
        final Properties existing = load(file);
        if (existing != null)
        {
            return existing;
        }
        final Properties demo = new Properties();
        demo.setProperty("api_key", "sim" + Secrets.newKey().substring(3));
        demo.setProperty("api_secret", Secrets.newSecret());
        save(file, demo);
        final String key = demo.getProperty("api_key");
        final CountDownLatch credentialsDone = new CountDownLatch(1);
        final ReplyTarget target = (event, flushes) ->
        {
            if (event.result == null || !event.result.isSuccess())
            {
                failures.add("EXCHANGE_CREDENTIALS: " + event.result + " " + event.resultMessage);
            }
            credentialsDone.countDown();
        };
        if (!publisher.publish(CommandType.EXCHANGE_CREDENTIALS, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
            writer -> ExchangeBodies.credentials(writer, DEMO_ACCOUNT_ID, false,
            Credentials.masked(key), secrets.seal(key, DEMO_ACCOUNT_ID + "/api_key"),
            secrets.seal(demo.getProperty("api_secret"), DEMO_ACCOUNT_ID + "/api_secret"), null), target, null))
        {
            throw new IllegalStateException("the ring is full at start-up");
        }
        credentialsDone.await(30, TimeUnit.SECONDS);
        return demo;
    }

    /** Tells an external simulated exchange the demo account's key (it keeps an account it already knows). */
    private static void register(final URI exchange, final Properties demo)
    {
        final String body = "{\"api_key\":\"" + demo.getProperty("api_key") + "\",\"api_secret\":\"" + demo.getProperty("api_secret")
            + "\",\"balances\":{\"USDT\":\"100000\",\"BTC\":\"1\",\"ETH\":\"10\"}}";
        try
        {
            final HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(exchange.resolve("/admin/accounts"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200)
            {
                throw new IllegalStateException("the simulated exchange at " + exchange + " refused the demo account: " + answer.body());
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("the simulated exchange at " + exchange + " does not answer: " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        if (event.result == null || !event.result.isSuccess())
        {
            failures.add(event.type + ": " + event.result + (event.resultMessage == null ? "" : " (" + event.resultMessage + ")"));
        }
        done.countDown();
    }

    @Override
    public void close()
    {
        if (simulated != null)
        {
            simulated.close();
        }
    }

    private static boolean demoAccount(final GatewayConfig config)
    {
        if (!config.demo().simulatedTerminal())
        {
            return false;
        }
        for (final AccountSpec account : config.accounts())
        {
            if (account.accountId().equals(DEMO_ACCOUNT_ID) && account.venue() == VenueKind.BINANCE)
            {
                return true;
            }
        }
        return false;
    }

    private static void save(final Path file, final Properties properties)
    {
        try
        {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try
            {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            catch (final UnsupportedOperationException ex)
            {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file))
            {
                properties.store(out, "credentials of the demo's simulated exchange account (demo mode only)");
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static Properties load(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            properties.load(in);
            return properties;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }
}
