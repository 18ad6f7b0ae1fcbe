package io.ordergate.gateway.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ordergate.config.AccountSpec;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.VenueKind;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DemoCredentialsFile;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * The exchange steps of start-up, after replay:
 * <pre>
 *   1. demo exchange   with demo.simulated_exchange, the demo's exchange account (demo.exchange_account_id, a binance
 *                      account of the configuration): its credentials made once and kept owner-only in
 *                      data_dir/demo-exchange.properties, journaled only sealed; a simulated exchange (in this process,
 *                      or the one at demo.simulated_exchange_url) that knows them
 *   2. links           every exchange account's client, session and user-data stream start
 *   3. instruments     each configured exchange account's instruments checked against its exchange's filters: a
 *                      difference stops start-up with every difference named (an exchange that does not answer does not)
 *   4. EXCHANGE_RECOVER routed exchange orders become unknown; every open one is asked for again (reconciled)
 * </pre>
 * Start-up thread only; the reply thread counts the answers down.
 */
public final class ExchangeBootstrap implements ReplyTarget, AutoCloseable
{
    static final String DEMO_FILE = "demo-exchange.properties";
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
            final String demoAccount = config.demo().exchangeAccountId();
            final Properties demo = demoCredentials(config.dataDir().resolve(DEMO_FILE), demoAccount, publisher, secrets);
            final URI external = config.demo().simulatedExchangeUrl();
            if (external != null)
            {
                register(external, demo);
                io.override(demoAccount, external, URI.create(external.toString().replaceFirst("^http", "ws")));
            }
            else
            {
                simulated = SimulatedExchange.start(0);
                simulated.addAccount(demo.getProperty("api_key"), demo.getProperty("api_secret"), DEMO_BALANCES);
                io.override(demoAccount, simulated.restUrl(), simulated.streamUrl());
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
        checkInstruments(config, io);
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

    /**
     * Waits (bounded by each account's timeout, twice) for every configured exchange account's instrument check and
     * stops start-up on a difference; an exchange that does not answer in time is left to be checked when it does.
     */
    private static void checkInstruments(final GatewayConfig config, final ExchangeIo io) throws InterruptedException
    {
        final List<String> differences = new ArrayList<>();
        for (final AccountSpec account : config.accounts())
        {
            final CompletableFuture<List<String>> check = account.venue().exchange() ? io.instrumentCheck(account.accountId()) : null;
            if (check == null)
            {
                continue;
            }
            try
            {
                final long wait = 2L * config.exchanges().forAccount(account.accountId(), account.venue()).timeoutMillis();
                check.get(wait, TimeUnit.MILLISECONDS).forEach(d -> differences.add(account.accountId() + " " + d));
            }
            catch (final ExecutionException | TimeoutException ex)
            {
                continue;  // no answer yet: the link refuses nothing it has not checked, and checks when it connects
            }
        }
        if (!differences.isEmpty())
        {
            throw new IllegalStateException("the configured instruments differ from the exchange's filters (exchangeInfo): "
                + String.join("; ", differences));
        }
    }

    /** The demo's simulated exchange when it runs in this process, else null. */
    public SimulatedExchange simulated()
    {
        return simulated;
    }

    private Properties demoCredentials(final Path file, final String accountId, final CommandPublisher publisher, final SecretBox secrets)
        throws InterruptedException
    {
        final Properties existing = DemoCredentialsFile.load(file);
        if (existing != null)
        {
            return existing;
        }
        final Properties demo = new Properties();
        demo.setProperty("api_key", "sim" + Secrets.newKey().substring(3));
        demo.setProperty("api_secret", Secrets.newSecret());
        DemoCredentialsFile.save(file, demo, "credentials of the demo's simulated exchange account (demo mode only)");
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
            writer -> ExchangeBodies.credentials(writer, accountId, false,
            Credentials.masked(key), secrets.seal(key, accountId + "/api_key"),
            secrets.seal(demo.getProperty("api_secret"), accountId + "/api_secret"), null), target, null))
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
        if (!config.demo().simulatedExchange())
        {
            return false;
        }
        for (final AccountSpec account : config.accounts())
        {
            if (account.accountId().equals(config.demo().exchangeAccountId()) && account.venue() == VenueKind.BINANCE)
            {
                return true;
            }
        }
        return false;
    }
}
