package io.ordergate.gateway.exchange;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

import io.ordergate.config.ExchangeEndpointConfig;
import io.ordergate.config.InstrumentSpec;
import io.ordergate.exchange.client.ExchangeClient;
import io.ordergate.exchange.client.ExchangeEndpoint;
import io.ordergate.exchange.client.FuturesSetup;
import io.ordergate.exchange.client.InstrumentCheck;
import io.ordergate.exchange.client.OrderFilters;
import io.ordergate.exchange.client.OrderSession;
import io.ordergate.exchange.client.UserDataStream;
import io.ordergate.exchange.client.VenueReports;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.VenueRequest;

/**
 * One exchange account's connection: its client (on the connector's shared HTTP client), order session, user-data
 * stream and futures setup. When it opens it reads the exchange's limits and symbol filters and checks the gateway's
 * instruments against them: while they differ, the account's orders are refused with the differences named (and the
 * log says so), never sent to be refused by the exchange. Thread safe: used from the connector's I/O threads.
 */
final class ExchangeLink
{
    private static final Logger LOG = Logger.getLogger(ExchangeLink.class.getName());

    private final String accountId;
    private final ExchangeClient client;
    private final OrderSession session;
    private final UserDataStream stream;
    private final FuturesSetup futures;
    private final VenueReports reports;
    /** Completes with the instruments' differences from the exchange's filters (empty: they agree, or it could not be read). */
    private final CompletableFuture<List<String>> checked;
    /** A futures account's balances read again every balance_refresh_seconds (unrealized profit moves with the mark), or null. */
    private final ScheduledFuture<?> balanceRefresh;

    private ExchangeLink(final String accountId, final ExchangeClient client, final OrderSession session, final UserDataStream stream,
        final FuturesSetup futures, final VenueReports reports, final CompletableFuture<List<String>> checked,
        final ScheduledFuture<?> balanceRefresh)
    {
        this.balanceRefresh = balanceRefresh;
        this.accountId = accountId;
        this.client = client;
        this.session = session;
        this.stream = stream;
        this.futures = futures;
        this.reports = reports;
        this.checked = checked;
    }

    UserDataStream stream()
    {
        return stream;
    }

    /** Opens an account's link: clock, limits and filters first, then the stream (which reconciles and reads balances). */
    static ExchangeLink open(final String accountId, final ExchangeDialect dialect, final ExchangeEndpointConfig endpoint, final boolean testnet,
        final Supplier<Credentials> credentials, final HttpClient http, final ScheduledExecutorService io, final VenueReports reports,
        final List<InstrumentSpec> instruments)
    {
        final boolean futuresStream = dialect.streamApi() == VenueRequest.Api.FUTURES;
        final ExchangeClient client = new ExchangeClient(dialect, new ExchangeEndpoint(endpoint.restUrl(testnet), endpoint.futuresRestUrl(testnet),
            futuresStream ? endpoint.futuresStreamUrl(testnet) : endpoint.streamUrl(testnet), Duration.ofMillis(endpoint.timeoutMillis()),
            endpoint.recvWindowMillis(), testnet), credentials, http, io);
        final OrderSession session = new OrderSession(client, reports, new OrderSession.Settings(250, 5_000, endpoint.notFoundGraceMillis()), io);
        final CompletableFuture<List<String>> checked = client.syncClock().thenCompose(offset -> client.syncLimits()).thenApply(unread ->
        {
            final List<String> differences = InstrumentCheck.differences(instruments, client.symbolRules());
            if (!differences.isEmpty())
            {
                LOG.severe(() -> "exchange account " + accountId + ": the configured instruments differ from the exchange's filters; its orders "
                    + "are refused until the configuration agrees: " + String.join("; ", differences));
            }
            else if (unread.isPresent())
            {
                LOG.warning(() -> "exchange account " + accountId + ": exchangeInfo could not be read (" + clipped(unread.get())
                    + "); instruments unchecked");
            }
            return differences;
        });
        final UserDataStream.Timing streamTiming = new UserDataStream.Timing(UserDataStream.Timing.DEFAULT.keepAliveMillis(),
            UserDataStream.Timing.DEFAULT.keepAliveRetryMillis(), endpoint.streamIdleMillis());
        final UserDataStream stream = new UserDataStream(accountId, client, session, client.endpoint().streamUrl(), io, streamTiming).start();
        final int refreshSeconds = endpoint.balanceRefreshSeconds();
        final ScheduledFuture<?> balanceRefresh = futuresStream && refreshSeconds > 0
            ? io.scheduleAtFixedRate(session::syncBalances, refreshSeconds, refreshSeconds, TimeUnit.SECONDS) : null;
        return new ExchangeLink(accountId, client, session, stream, new FuturesSetup(client, reports, io), reports, checked, balanceRefresh);
    }

    /** The instrument check's outcome (empty when the configuration agrees with the exchange). */
    CompletableFuture<List<String>> checked()
    {
        return checked;
    }

    ExchangeDialect dialect()
    {
        return client.dialect();
    }

    OrderSession session()
    {
        return session;
    }

    FuturesSetup futures()
    {
        return futures;
    }

    /**
     * Sends an order once the instruments were checked; refuses it (journaled, rejected, never sent) while they differ,
     * or when the exchange's filters would refuse it (its minimum notional; a market order valued at {@code quote}).
     * An order still waiting for the check when this link is replaced (new credentials or settings close it: a fresh
     * account's link is made again right after its creation) was never sent: it goes to {@code replaced}, to be placed
     * on the link that took over, not rejected as "the account's connection is closed".
     */
    void place(final OrderTicket ticket, final BigDecimal[] quote, final Consumer<OrderTicket> replaced)
    {
        checked.thenAccept(differences ->
        {
            if (client.closed())
            {
                replaced.accept(ticket);
                return;
            }
            if (!differences.isEmpty())
            {
                reports.rejected(ticket.orderId(), null, "not sent: the gateway's instruments differ from the exchange's filters for account "
                    + accountId + " (" + String.join("; ", differences) + ")");
                return;
            }
            final String refusal = OrderFilters.refusal(ticket, client.symbolRules().get(ticket.symbol()), quote);
            if (refusal != null)
            {
                reports.rejected(ticket.orderId(), null, "not sent: " + refusal);
                return;
            }
            session.place(ticket);
        });
    }

    /** An order this link never sent and no other link took over: journaled as rejected. */
    void refuseUnsent(final OrderTicket ticket, final String why)
    {
        reports.rejected(ticket.orderId(), null, why);
    }

    /** Replaced by a link with new credentials: the socket closes; the new link's session adopts the open orders. */
    void close()
    {
        stopRefresh();
        stream.close();
        session.close();
        client.close();
    }

    /** The account is removed: the stream token is ended at the exchange too. */
    void closeAndForget()
    {
        stopRefresh();
        stream.closeAndForget();
        session.close();
        client.close();
    }

    private void stopRefresh()
    {
        if (balanceRefresh != null)
        {
            balanceRefresh.cancel(false);
        }
    }

    /** An exchange's answer in a log line: its first 200 characters (a refusal may be a whole HTML page). */
    private static String clipped(final String text)
    {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
