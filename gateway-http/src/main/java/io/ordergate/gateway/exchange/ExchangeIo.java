package io.ordergate.gateway.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

import io.ordergate.config.ExchangeConfig;
import io.ordergate.config.InstrumentSpec;
import io.ordergate.config.VenueKind;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.exchange.client.BalanceRead;
import io.ordergate.exchange.client.ExchangeClient;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.venue.ExchangeOutbox;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DaemonThreads;

/**
 * The exchange connector's I/O in the gateway: one link per exchange account (its client, order session, user-data
 * stream and futures setup), all on the connector's own threads ({@code og-exchange-io}) and one shared HTTP client,
 * never on the engine's or the reply stage's. Credentials arrive sealed (from the journal); {@link LinkOpening} makes
 * each link where the configuration ({@code exchanges}) says and opens them with the master key only to sign.
 * Thread safe: the reply thread hands work over, the I/O threads do it.
 */
public final class ExchangeIo implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(ExchangeIo.class.getName());

    private final ScheduledExecutorService io = Executors.newScheduledThreadPool(2, DaemonThreads.named("og-exchange-io"));
    /** Makes the links, all on one HTTP client: its connections are pooled per address, and it lives and dies with the connector. */
    private final LinkOpening opener;
    private final Map<String, SealedCredentials> sealed = new ConcurrentHashMap<>();
    private final Map<String, ExchangeLink> links = new ConcurrentHashMap<>();
    /** The venue of each exchange account made without credentials (a configured one), by account id. */
    private final Map<String, VenueKind> venues = new ConcurrentHashMap<>();
    /** The gateway's last {bid, ask} per symbol, from the reply stage: values a market order for the exchange's minimum notional. */
    private final Map<String, BigDecimal[]> quotes = new ConcurrentHashMap<>();
    private volatile CommandPublisher publisher;
    /** Cluster form: this member does not lead (the single-node form always does). */
    private volatile boolean following;
    private final ForwardedSyncs syncs = new ForwardedSyncs(io);
    private final SettingsInOrder settingsInOrder = new SettingsInOrder(io);
    private final AccountReports reports = new AccountReports(io);
    private final LinkFailures linkFailures = new LinkFailures(io);
    /** Makes an account's link ({@link #open}; a test puts one that throws in its place). */
    volatile java.util.function.BiFunction<String, CommandPublisher, ExchangeLink> opening = this::open;

    public ExchangeIo(final ExchangeConfig config, final List<InstrumentSpec> instruments, final SecretBox secrets)
    {
        this.opener = new LinkOpening(config, instruments, secrets, ExchangeClient.newHttpClient(io), io);
    }

    /**
     * The account's user-data stream as it is now: connected or not, and how many times it (re)connected; null when the
     * account has no link (no credentials, or the connector not started). Any thread.
     */
    public ExchangeStreamState streamState(final String accountId)
    {
        final ExchangeLink link = links.get(accountId);
        final LinkFailures.Failure failure = link == null ? linkFailures.of(accountId) : null;
        return link != null ? new ExchangeStreamState(link.stream().connected(), link.stream().connects(), null)
            : failure == null ? null : new ExchangeStreamState(false, 0, failure.reason());
    }


    /** Points one binance account at a simulated exchange serving everything at one address; before {@link #start}. */
    public void override(final String accountId, final URI restUrl, final URI streamUrl)
    {
        override(accountId, VenueKind.BINANCE, restUrl, streamUrl);
    }

    /** Points one account of the exchange {@code venue} at a simulated exchange serving everything at one address; before {@link #start}. */
    public void override(final String accountId, final VenueKind venue, final URI restUrl, final URI streamUrl)
    {
        opener.override(accountId, venue, restUrl, streamUrl);
    }

    /** An exchange account made without credentials (journal replay or a new command): which exchange its later credentials are for. */
    void venue(final String accountId, final VenueKind venue)
    {
        venues.put(accountId, venue);
    }

    /** sync-balance asked of a member that does not lead, through the log. */
    ForwardedSyncs syncs()
    {
        return syncs;
    }

    /** Cluster form: told by the reply stage whether this member leads. */
    void following(final boolean notLeading)
    {
        following = notLeading;
    }

    /** Whether sync-balance for this account goes through the log to the leader: this member does not lead, and has its credentials. */
    boolean forwardsSync(final String accountId)
    {
        return following && sealed.containsKey(accountId);
    }

    /** The publisher while this member sends to exchanges (leads), else null. */
    CommandPublisher publisher()
    {
        return publisher;
    }

    /** Every account's sealed credentials, as the commands applied set them (a root of the cluster's snapshots). */
    Map<String, SealedCredentials> sealedCredentials()
    {
        return sealed;
    }

    /** The last quote of each symbol, as the commands applied gave them (a root of the cluster's snapshots). */
    Map<String, BigDecimal[]> lastQuotes()
    {
        return quotes;
    }

    /** An account's credentials are new (journal replay or a new command): its link is made again with them. */
    void credentials(final String accountId, final SealedCredentials credentials)
    {
        final SealedCredentials before = sealed.get(accountId);
        final Boolean futures = credentials.futures() != null ? credentials.futures() : Boolean.valueOf(before != null && before.futuresMarket());
        final VenueKind venue = credentials.venue() != null ? credentials.venue() : before != null ? before.venue() : venues.get(accountId);
        sealed.put(accountId, new SealedCredentials(credentials.testnet(), credentials.key(), credentials.secret(), credentials.passphrase(), futures, venue));
        if (publisher != null)
        {
            io.execute(() -> relink(accountId));
        }
    }

    /** The account was removed (replayed or new): its link closes, its stream token ends, its credentials are forgotten. */
    void remove(final String accountId)
    {
        sealed.remove(accountId);
        venues.remove(accountId);
        reports.forget(accountId);
        linkFailures.forget(accountId);
        final ExchangeLink link = links.remove(accountId);
        if (link != null)
        {
            io.execute(link::closeAndForget);
        }
    }

    /**
     * Opens every account's link; the ring is running from here on. Each is opened at most once (never replaced as a
     * relink would), so the start-up's instrument check, which may ask first, waits on the link that stays.
     */
    public void start(final CommandPublisher running)
    {
        this.publisher = running;
        for (final String accountId : sealed.keySet())
        {
            io.execute(() -> link(accountId));
        }
    }

    /**
     * Cluster form, this member stops leading: every link closes (the new leader opens its own and reconciles) and
     * nothing is sent from here until {@link #start} again; the I/O threads stay for a later term. Any thread, never
     * blocks (the links close on the I/O threads).
     */
    public void stop()
    {
        publisher = null;
        for (final String accountId : links.keySet())
        {
            final ExchangeLink link = links.remove(accountId);
            if (link != null)
            {
                io.execute(link::close);
            }
        }
    }

    /** The outcome of an account's instrument check (empty: it agrees), or null when the account has no link. */
    public CompletableFuture<List<String>> instrumentCheck(final String accountId)
    {
        final ExchangeLink link = link(accountId);
        return link == null ? null : link.checked();
    }

    /** A quote the engine applied (reply thread); kept only while there are exchange accounts. */
    void quote(final String symbol, final BigDecimal bid, final BigDecimal ask)
    {
        if (!sealed.isEmpty())
        {
            quotes.put(symbol, new BigDecimal[] {bid, ask});
        }
    }

    /** An outbox record from the reply thread: sent from the I/O threads. */
    void handle(final ExchangeOutbox.Record record)
    {
        io.execute(() ->
        {
            final CommandPublisher running = publisher;
            final ExchangeLink link = link(record.accountId());
            if (link == null)
            {
                // leading (a follower sends and reports nothing): an order to place is reported rejected, not left routed
                UnsentRecords.noLink(record, running != null && running == publisher ? reports.of(record.accountId(), running) : null);
                return;
            }
            final String clientOrderId = link.dialect().clientOrderId(record.namespace(), record.orderId(), record.startEpoch());
            switch (record.kind())
            {
                case ExchangeOutbox.PLACE:
                    place(record.accountId(), link, OutboxRecords.ticket(record, clientOrderId));
                    break;
                case ExchangeOutbox.CANCEL:
                    link.session().cancel(record.orderId(), record.symbol(), clientOrderId);
                    break;
                case ExchangeOutbox.FOLLOW:
                    link.session().follow(record.orderId(), record.symbol(), clientOrderId);
                    break;
                case ExchangeOutbox.SETTINGS:
                    settingsInOrder.after(record.accountId(),
                        () -> applySettings(record.accountId(), link, FuturesCodes.settings(record.symbol(), record.settings())));
                    break;
                default:
                    LOG.warning(() -> "unknown exchange outbox record kind " + record.kind());
            }
        });
    }

    /** Places an order on the account's link; one it never sent, being replaced meanwhile, goes to the one that {@link #tookOver}. */
    private void place(final String accountId, final ExchangeLink link, final OrderTicket ticket)
    {
        link.place(ticket, quotes.get(ticket.symbol()), unsent -> io.execute(() ->
        {
            final ExchangeLink current = tookOver(accountId, link);
            if (current == null)
            {
                link.refuseUnsent(unsent, "not sent: the account's connection closed before it could be (no link took over)");
                return;
            }
            place(accountId, current, unsent);
        }));
    }

    /** Sends futures settings on the link; those its replacement closed underneath go again on the one that {@link #tookOver}, not reported refused. */
    private CompletableFuture<Void> applySettings(final String accountId, final ExchangeLink link, final io.ordergate.exchange.spi.FuturesSettings settings)
    {
        return link.futures().apply(settings).thenComposeAsync(outcome ->
        {
            final ExchangeLink current = outcome.linkClosed() ? tookOver(accountId, link) : null;
            return current == null ? CompletableFuture.<Void>completedFuture(null) : applySettings(accountId, current, settings);
        }, io);
    }

    /**
     * Asks the account's exchange for its balances (not reported: the caller journals them), or null when it has no link.
     * A read that failed on a link replaced meanwhile (it answers "closed") is asked once more on the one that {@link #tookOver}.
     */
    public CompletableFuture<BalanceRead> readBalances(final String accountId)
    {
        final ExchangeLink link = link(accountId);
        return link == null ? null : link.session().readBalances().thenCompose(read ->
        {
            final ExchangeLink current = read.answer().ok() ? null : tookOver(accountId, link);
            return current == null ? CompletableFuture.completedFuture(read) : current.session().readBalances();
        });
    }

    /**
     * The link that replaced {@code replaced} as the account's, or null: new credentials or settings make a link again (a
     * fresh account's right after its creation) and close the old one, whose unfinished work goes to the new one.
     */
    private ExchangeLink tookOver(final String accountId, final ExchangeLink replaced)
    {
        final ExchangeLink current = links.get(accountId);
        return current == replaced ? null : current;
    }

    private ExchangeLink link(final String accountId)
    {
        final CommandPublisher running = publisher;
        if (running == null)
        {
            return null;
        }
        final ExchangeLink link = links.computeIfAbsent(accountId, id -> linkFailures.open(id, () -> opening.apply(id, running), () -> link(id)));
        if (link != null && publisher == null && links.remove(accountId, link))
        {
            link.close();  // stopped meanwhile (this member no longer leads): no link outlives the term
            return null;
        }
        return link;
    }

    private void relink(final String accountId)
    {
        final ExchangeLink old = links.remove(accountId);
        final ExchangeLink fresh = link(accountId);
        if (old != null)
        {
            old.close();
            if (fresh != null)
            {
                fresh.session().adopt(old.session());  // nothing the old link followed is left unfollowed
            }
        }
    }

    private ExchangeLink open(final String accountId, final CommandPublisher running)
    {
        final SealedCredentials credentials = sealed.get(accountId);
        return credentials == null ? null : opener.open(accountId, credentials, reports.of(accountId, running));
    }

    @Override
    public void close()
    {
        for (final ExchangeLink link : links.values())
        {
            link.close();
        }
        links.clear();
        io.shutdownNow();
    }
}
