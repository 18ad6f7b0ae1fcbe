package io.ordergate.gateway.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.OrderView;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.exchange.binance.BinanceDialect;
import io.ordergate.exchange.client.ExchangeClient;
import io.ordergate.exchange.client.OrderSession;
import io.ordergate.exchange.client.UserDataStream;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.venue.ExchangeOutbox;

/**
 * The exchange connector's I/O in the gateway: one link per exchange account (its client, order session and
 * user-data stream), all on the connector's own threads ({@code og-exchange-io}), never on the engine's or the
 * reply stage's. Credentials arrive sealed (from the journal) and are opened with the master key only to sign.
 * Thread safe: the reply thread hands work over, the I/O threads do it.
 */
public final class ExchangeIo implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(ExchangeIo.class.getName());

    /** An account's sealed credentials as the journal holds them. */
    record Sealed(boolean testnet, String key, String secret, String passphrase)
    {
        @Override
        public String toString()
        {
            return "Sealed{testnet=" + testnet + "}";
        }
    }

    /** One account's connection to its exchange. */
    private record Link(ExchangeClient client, OrderSession session, UserDataStream stream)
    {
    }

    private final ExchangeDialect dialect = new BinanceDialect();
    private final ExchangeSettings settings;
    private final SecretBox secrets;
    private final ScheduledExecutorService io = Executors.newScheduledThreadPool(2, r ->
    {
        final Thread t = new Thread(r, "og-exchange-io");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Sealed> sealed = new ConcurrentHashMap<>();
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    /** Accounts pointed somewhere else than the settings say (the demo's simulated exchange): {rest, stream}. */
    private final Map<String, URI[]> overrides = new ConcurrentHashMap<>();
    private volatile CommandPublisher publisher;

    public ExchangeIo(final ExchangeSettings settings, final SecretBox secrets)
    {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** Points one account at another exchange address (the demo's simulator); before {@link #start}. */
    public void override(final String accountId, final URI restUrl, final URI streamUrl)
    {
        overrides.put(accountId, new URI[] {restUrl, streamUrl});
    }

    /** An account's credentials changed (journal replay or a new command): its link is made again with them. */
    void credentials(final String accountId, final Sealed credentials)
    {
        sealed.put(accountId, credentials);
        if (publisher != null)
        {
            io.execute(() -> relink(accountId));
        }
    }

    /** Opens every account's link; the ring is running from here on. */
    public void start(final CommandPublisher running)
    {
        this.publisher = running;
        for (final String accountId : sealed.keySet())
        {
            io.execute(() -> relink(accountId));
        }
    }

    /** An outbox record from the reply thread: sent from the I/O threads. */
    void handle(final ExchangeOutbox.Record record)
    {
        io.execute(() ->
        {
            final Link link = links.computeIfAbsent(record.accountId(), this::link);
            if (link == null)
            {
                LOG.warning(() -> "no credentials for exchange account " + record.accountId() + "; order " + record.orderId() + " is not sent");
                return;
            }
            final String clientOrderId = dialect.clientOrderId(record.namespace(), record.orderId());
            switch (record.kind())
            {
                case ExchangeOutbox.PLACE:
                    link.session().place(ticket(record, clientOrderId));
                    break;
                case ExchangeOutbox.CANCEL:
                    link.session().cancel(record.orderId(), record.symbol(), clientOrderId);
                    break;
                case ExchangeOutbox.FOLLOW:
                    link.session().follow(record.orderId(), record.symbol(), clientOrderId);
                    break;
                default:
                    LOG.warning(() -> "unknown exchange outbox record kind " + record.kind());
            }
        });
    }

    /** Asks the account's exchange for its balances now (they come back as a journaled report). */
    public boolean syncBalances(final String accountId)
    {
        final Link link = links.get(accountId);
        if (link == null)
        {
            return false;
        }
        link.session().syncBalances();
        return true;
    }

    private void relink(final String accountId)
    {
        final Link old = links.remove(accountId);
        if (old != null)
        {
            old.stream().close();
        }
        links.computeIfAbsent(accountId, this::link);
    }

    private Link link(final String accountId)
    {
        final Sealed credentials = sealed.get(accountId);
        if (credentials == null || publisher == null)
        {
            return null;
        }
        final URI[] override = overrides.get(accountId);
        final URI rest = override != null ? override[0] : settings.rest(credentials.testnet());
        final URI stream = override != null ? override[1] : settings.stream(credentials.testnet());
        final ExchangeClient client = new ExchangeClient(dialect, rest, () -> open(accountId, credentials), settings.timeout(), io);
        final OrderSession session = new OrderSession(client, new RingReports(accountId, publisher, io),
            new OrderSession.Settings(250, 5_000, settings.notFoundGraceMillis()), io);
        client.syncClock();
        client.syncLimits();
        return new Link(client, session, new UserDataStream(client, session, stream, io).start());
    }

    /** The plain credentials, for one signature; the master key opens them, nothing keeps them. */
    private Credentials open(final String accountId, final Sealed credentials)
    {
        return new Credentials(secrets.open(credentials.key(), accountId + "/api_key"), secrets.open(credentials.secret(), accountId + "/api_secret"),
            credentials.passphrase() == null ? null : secrets.open(credentials.passphrase(), accountId + "/passphrase"));
    }

    private static OrderTicket ticket(final ExchangeOutbox.Record record, final String clientOrderId)
    {
        return new OrderTicket(record.orderId(), clientOrderId, record.symbol(), record.side().name(), record.type().name(),
            record.timeInForce().name(), BigDecimal.valueOf(record.quantity(), record.quantityDigits()),
            record.price() == OrderView.NONE ? null : BigDecimal.valueOf(record.price(), record.priceDigits()));
    }

    @Override
    public void close()
    {
        for (final Link link : links.values())
        {
            link.stream().close();
        }
        io.shutdownNow();
    }
}
