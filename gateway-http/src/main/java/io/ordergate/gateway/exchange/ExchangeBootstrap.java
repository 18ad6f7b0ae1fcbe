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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ordergate.config.AccountSpec;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.VenueKind;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DemoCredentialsFile;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.venue.ExchangeBodies;
import io.ordergate.gateway.core.StartupCommands;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.simulators.exchange.SimulatedExchange;
import io.ordergate.simulators.exchange.SimulatedOkx;

/**
 * The exchange steps of start-up, after replay:
 * <pre>
 *   1. demo exchange   with demo.simulated_exchange, the demo's exchange account (demo.exchange_account_id, a binance
 *                      account of the configuration): its credentials made once and kept owner-only in
 *                      data_dir/demo-exchange.properties, journaled only sealed; a simulated exchange (in this process,
 *                      or the one at demo.simulated_exchange_url) that knows them; likewise demo.okx_account_id (an
 *                      okx account of the configuration) on a simulated OKX in this process, its credentials (with a
 *                      passphrase) in data_dir/demo-okx.properties
 *   2. links           every exchange account's client, session and user-data stream start
 *   3. instruments     each configured exchange account's instruments checked against its exchange's filters: a
 *                      difference stops start-up with every difference named (an exchange that does not answer does not)
 *   4. EXCHANGE_RECOVER routed exchange orders become unknown; every open one is asked for again (reconciled)
 * </pre>
 * Start-up thread only; the reply thread counts the answers down.
 */
public final class ExchangeBootstrap implements AutoCloseable
{
    static final String DEMO_FILE = "demo-exchange.properties";
    static final String DEMO_OKX_FILE = "demo-okx.properties";
    private static final Map<String, String> DEMO_BALANCES = Map.of("USDT", "100000", "BTC", "1", "ETH", "10");

    private SimulatedExchange simulated;
    private SimulatedOkx simulatedOkx;

    public void run(final GatewayConfig config, final CommandPublisher publisher, final ExchangeIo io, final ExchangeReplies replies, final SecretBox secrets,
        final long timeoutMillis) throws InterruptedException
    {
        final StartupCommands commands = new StartupCommands("exchange start-up commands");
        if (demoAccount(config, config.demo().exchangeAccountId(), VenueKind.BINANCE))
        {
            final String demoAccount = config.demo().exchangeAccountId();
            final Properties demo = demoCredentials(config.dataDir().resolve(DEMO_FILE), demoAccount, publisher, commands, secrets, false);
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
            }
        }
        if (demoAccount(config, config.demo().okxAccountId(), VenueKind.OKX))
        {
            final String demoAccount = config.demo().okxAccountId();
            final Properties demo = demoCredentials(config.dataDir().resolve(DEMO_OKX_FILE), demoAccount, publisher, commands, secrets, true);
            simulatedOkx = SimulatedOkx.start(0);
            simulatedOkx.addAccount(demo.getProperty("api_key"), demo.getProperty("api_secret"), demo.getProperty("passphrase"), DEMO_BALANCES);
            io.override(demoAccount, VenueKind.OKX, simulatedOkx.restUrl(), simulatedOkx.streamUrl());
        }
        commands.await(timeoutMillis);  // the demo accounts' credentials applied before their links start
        feedQuotes(replies);
        io.start(publisher);
        checkInstruments(config, io);
        commands.publish(publisher, CommandType.EXCHANGE_RECOVER, writer -> { });
        commands.await(timeoutMillis);
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

    /** The gateway's quotes move the demo's simulated exchanges in this process (their USDT pairs). */
    private void feedQuotes(final ExchangeReplies replies)
    {
        final SimulatedExchange exchange = simulated;
        final SimulatedOkx okx = simulatedOkx;
        if (exchange == null && okx == null)
        {
            return;
        }
        replies.quotes((symbol, bid, ask) ->
        {
            if (symbol.endsWith("USDT"))
            {
                final String bidText = bid.stripTrailingZeros().toPlainString();
                final String askText = ask.stripTrailingZeros().toPlainString();
                if (exchange != null)
                {
                    exchange.quote(symbol, bidText, askText);
                }
                if (okx != null)
                {
                    okx.quote(symbol, bidText, askText);
                }
            }
        });
    }

    /** The demo's simulated OKX when it runs in this process, else null. */
    public SimulatedOkx simulatedOkx()
    {
        return simulatedOkx;
    }

    /** The demo's simulated exchange when it runs in this process, else null. */
    public SimulatedExchange simulated()
    {
        return simulated;
    }

    /** The demo account's credentials, made (and published) the first time, read from the file after. */
    private Properties demoCredentials(final Path file, final String accountId, final CommandPublisher publisher, final StartupCommands commands,
        final SecretBox secrets, final boolean withPassphrase)
    {
        final Properties existing = DemoCredentialsFile.load(file);
        if (existing != null)
        {
            return existing;
        }
        final Properties demo = new Properties();
        demo.setProperty("api_key", "sim" + Secrets.newKey().substring(3));
        demo.setProperty("api_secret", Secrets.newSecret());
        if (withPassphrase)
        {
            demo.setProperty("passphrase", Secrets.newSecret().substring(0, 16));  // OKX's passphrase: one the account's owner chose
        }
        DemoCredentialsFile.save(file, demo, "credentials of the demo's simulated exchange account (demo mode only)");
        final String key = demo.getProperty("api_key");
        commands.publish(publisher, CommandType.EXCHANGE_CREDENTIALS,
            writer -> ExchangeBodies.credentials(writer, accountId, false,
            Credentials.masked(key), secrets.seal(key, accountId + "/api_key"),
            secrets.seal(demo.getProperty("api_secret"), accountId + "/api_secret"),
            withPassphrase ? secrets.seal(demo.getProperty("passphrase"), accountId + "/passphrase") : null));
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
    public void close()
    {
        if (simulated != null)
        {
            simulated.close();
        }
        if (simulatedOkx != null)
        {
            simulatedOkx.close();
        }
    }

    /** Whether demo mode serves this account of the configuration, of this venue, on a simulated exchange. */
    private static boolean demoAccount(final GatewayConfig config, final String accountId, final VenueKind venue)
    {
        if (!config.demo().simulatedExchange())
        {
            return false;
        }
        for (final AccountSpec account : config.accounts())
        {
            if (account.accountId().equals(accountId) && account.venue() == venue)
            {
                return true;
            }
        }
        return false;
    }
}
