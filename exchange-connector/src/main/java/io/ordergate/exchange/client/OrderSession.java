package io.ordergate.exchange.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.StreamEvent;
import io.ordergate.exchange.spi.VenueAnswer;

/**
 * Never twice, never lost, for one exchange account. Each order is sent once under its client order id. An answer
 * nobody can read (timeout, 5xx, "status unknown") makes it {@code unknown}, and then the session asks the exchange
 * by client order id, with back-off, until it knows: "not found" within {@link Settings#notFoundGraceMillis} of the
 * send means "not yet known", never "rejected". A 429 waits for its {@code Retry-After}, asks whether the order exists
 * and sends it again under the same id only if it does not. On every stream (re)connect and after a restart every
 * order still open is asked for again. Fills come as cumulative states, so one applied twice changes nothing.
 *
 * <p>Thread safe: the tracked orders are in a concurrent map; every action runs on the connector's scheduler.
 */
public final class OrderSession
{
    private static final Logger LOG = Logger.getLogger(OrderSession.class.getName());

    /** Back-off and patience of reconciliation. */
    public record Settings(long firstRetryMillis, long maxRetryMillis, long notFoundGraceMillis)
    {
        public static final Settings DEFAULT = new Settings(250, 5_000, 15_000);
    }

    /** An order the session still follows. */
    private record Tracked(long orderId, String symbol, String clientOrderId, OrderTicket ticket, long sentAtMillis)
    {
    }

    private final ExchangeClient client;
    private final VenueReports reports;
    private final Settings settings;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Tracked> open = new ConcurrentHashMap<>();

    public OrderSession(final ExchangeClient client, final VenueReports reports, final Settings settings, final ScheduledExecutorService scheduler)
    {
        this.client = client;
        this.reports = reports;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /** Sends a new order once; its fate comes back through the reports. */
    public void place(final OrderTicket ticket)
    {
        final Tracked order = new Tracked(ticket.orderId(), ticket.symbol(), ticket.clientOrderId(), ticket, System.currentTimeMillis());
        open.put(order.clientOrderId(), order);
        client.send(client.dialect().placeOrder(ticket)).thenAccept(answer -> placed(order, answer));
    }

    private void placed(final Tracked order, final VenueAnswer answer)
    {
        switch (answer.outcome())
        {
            case OK:
                state(order, answer.order());
                return;
            case RATE_LIMITED:
                // Refused, nothing executed; after the wait, ask first, and send again (same id) only if it is not there.
                scheduler.schedule(() -> client.send(client.dialect().queryOrder(order.symbol(), order.clientOrderId()))
                    .thenAccept(query -> afterRefusal(order, query)), answer.retryAfterMillis(), TimeUnit.MILLISECONDS);
                return;
            case BANNED:
                open.remove(order.clientOrderId());
                reports.unavailable(order.orderId(), System.currentTimeMillis() + answer.retryAfterMillis(), answer.text());
                return;
            case UNKNOWN:
                reports.unknown(order.orderId(), answer.text());
                reconcile(order, 0);
                return;
            case NOT_FOUND:
            case REJECTED:
            case AUTH_FAILED:
            case CLOCK_SKEW:
            default:
                open.remove(order.clientOrderId());
                reports.rejected(order.orderId(), answer.code(), answer.text());
        }
    }

    private void afterRefusal(final Tracked order, final VenueAnswer query)
    {
        if (query.ok())
        {
            state(order, query.order());
        }
        else if (query.outcome() == VenueAnswer.Outcome.NOT_FOUND)
        {
            client.send(client.dialect().placeOrder(order.ticket())).thenAccept(answer -> placed(order, answer));
        }
        else
        {
            placed(order, query.outcome() == VenueAnswer.Outcome.REJECTED ? VenueAnswer.unknown(query.text()) : query);
        }
    }

    /** Asks the exchange to cancel an open order; the cancel's result (or the stream) settles it. */
    public void cancel(final long orderId, final String symbol, final String clientOrderId)
    {
        client.send(client.dialect().cancelOrder(symbol, clientOrderId)).thenAccept(answer ->
        {
            final Tracked order = open.get(clientOrderId);
            if (answer.ok())
            {
                state(order != null ? order : new Tracked(orderId, symbol, clientOrderId, null, 0), answer.order());
            }
            else if (order != null)
            {
                reconcile(order, 0);  // filled meanwhile, unknown, limited: ask what it is now
            }
        });
    }

    /**
     * Follows an order the gateway believes open (after a restart, or routed before this session existed): asks the
     * exchange now, and with back-off until it knows. "Not found" counts as not yet known for the grace window
     * from now.
     */
    public void follow(final long orderId, final String symbol, final String clientOrderId)
    {
        final Tracked order = new Tracked(orderId, symbol, clientOrderId, null, System.currentTimeMillis());
        open.put(clientOrderId, order);
        reconcile(order, 0);
    }

    /** Asks again for every order still open (each stream (re)connect). */
    public void reconcileAll()
    {
        for (final Tracked order : List.copyOf(open.values()))
        {
            reconcile(order, 0);
        }
    }

    public void onStream(final StreamEvent event)
    {
        if (event.balances() != null)
        {
            reports.balances(event.balances());
        }
        if (event.order() != null)
        {
            final Tracked order = open.get(event.order().clientOrderId());
            if (order != null)
            {
                state(order, event.order());
            }
        }
    }

    /** Orders the session still follows. */
    public int openOrders()
    {
        return open.size();
    }

    private void reconcile(final Tracked order, final int attempt)
    {
        client.send(client.dialect().queryOrder(order.symbol(), order.clientOrderId())).thenAccept(answer ->
        {
            switch (answer.outcome())
            {
                case OK:
                    state(order, answer.order());
                    return;
                case NOT_FOUND:
                    if (System.currentTimeMillis() - order.sentAtMillis() < settings.notFoundGraceMillis())
                    {
                        retry(order, attempt, 0);  // shortly after sending, "not found" means "not yet known"
                    }
                    else
                    {
                        open.remove(order.clientOrderId());
                        reports.rejected(order.orderId(), answer.code(), "the exchange has no order " + order.clientOrderId()
                            + " " + settings.notFoundGraceMillis() / 1000 + " s after it was sent; it was not sent again");
                    }
                    return;
                default:
                    retry(order, attempt, answer.retryAfterMillis());
            }
        });
    }

    private void retry(final Tracked order, final int attempt, final long atLeastMillis)
    {
        final long backoff = Math.min(settings.maxRetryMillis(), settings.firstRetryMillis() << Math.min(attempt, 16));
        LOG.fine(() -> "order " + order.clientOrderId() + " not settled; asking again in " + Math.max(backoff, atLeastMillis) + " ms");
        scheduler.schedule(() -> reconcile(order, attempt + 1), Math.max(backoff, atLeastMillis), TimeUnit.MILLISECONDS);
    }

    private void state(final Tracked order, final OrderState state)
    {
        if (state.status().done())
        {
            open.remove(order.clientOrderId());
        }
        reports.state(order.orderId(), state);
    }

    /** Reads the account's balances now. */
    public void syncBalances()
    {
        client.send(client.dialect().balances()).thenAccept(answer ->
        {
            if (answer.ok())
            {
                reports.balances(answer.balances());
            }
        });
    }
}
