package io.ordergate.exchange.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.StreamEvent;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueRequest;

/**
 * Never twice, never lost, for one exchange account. Each order is sent once under its client order id. An answer nobody can read (timeout,
 * 5xx, "status unknown") makes it {@code unknown}, and then the session asks the exchange by client order id, with back-off, until it knows:
 * "not found" within {@link Settings#notFoundGraceMillis} of the moment the order became unknown means "not yet known", never "rejected". The
 * window starts when the send's fate became unknown (the exchange may have taken the order at any time until then), not when the order was
 * handed over: time an order waits for the rate governor or a {@code Retry-After} is not the exchange's delay. A 429 waits for its
 * {@code Retry-After}, asks whether the order exists and sends it again under the same id only if it does not and the session still follows
 * it. Until a send has its answer, no query's "not found" settles the order (a stream reconnect asks for every open order, one held for
 * {@code Retry-After} too): the send's answer does. On every stream (re)connect and after a restart every order still open is asked for
 * again. Fills come as cumulative states, so one applied twice changes nothing. A cancel that overtook its order is kept for it
 * ({@link CancelsAhead}).
 *
 * <p>The grace window reads the session's own clock (injectable, so tests decide when a window ends instead of racing a loaded machine's
 * scheduler). Thread safe: the tracked orders are in a concurrent map; every action runs on the connector's scheduler.
 */
public final class OrderSession
{
    private static final Logger LOG = Logger.getLogger(OrderSession.class.getName());
    /** How long after its fills were told without a commission a stream report may still bring an order's. */
    private static final long FEE_WAIT_MILLIS = 60_000;

    /** Back-off and patience of reconciliation. */
    public record Settings(long firstRetryMillis, long maxRetryMillis, long notFoundGraceMillis)
    {
        public static final Settings DEFAULT = new Settings(250, 5_000, 15_000);
    }

    private final ExchangeClient client;
    private final VenueReports reports;
    private final Settings settings;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Map<String, TrackedOrder> open = new ConcurrentHashMap<>();
    /** Done orders whose fills were told without their commission (a futures RESULT answer beat the stream), for a while. */
    private final Map<String, TrackedOrder> doneWithoutFee = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** The session that adopted this one's orders (a new link): cancels and follows that reach this one go there. */
    private volatile OrderSession successor;
    private final PositionReads positions;
    private final FillCommissions commissions;
    private final StreamedBalances balances;
    private final CancelsAhead cancelsAhead;

    public OrderSession(final ExchangeClient client, final VenueReports reports, final Settings settings, final ScheduledExecutorService scheduler)
    {
        this(client, reports, settings, scheduler, System::currentTimeMillis);
    }

    /** @param clock epoch millis for the grace window (tests pass one they move by hand) */
    public OrderSession(final ExchangeClient client, final VenueReports reports, final Settings settings, final ScheduledExecutorService scheduler,
        final LongSupplier clock)
    {
        this.client = client;
        this.reports = reports;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.positions = new PositionReads(client, reports, scheduler, () -> closed);
        this.commissions = new FillCommissions(client, reports, scheduler, () -> closed);
        this.balances = new StreamedBalances(client, reports, () -> closed);
        this.cancelsAhead = new CancelsAhead(scheduler, settings.notFoundGraceMillis());
    }

    /** Sends a new order once; its fate comes back through the reports. */
    public void place(final OrderTicket ticket)
    {
        final TrackedOrder order = new TrackedOrder(ticket.orderId(), ticket.symbol(), ticket.clientOrderId(), ticket, clock.getAsLong());
        order.sendPending = true;
        order.cancelWanted = cancelsAhead.take(order.clientOrderId);  // its cancel came first: cancelled once the exchange has it
        open.put(order.clientOrderId, order);
        final VenueRequest request;
        try
        {
            request = client.dialect().placeOrder(ticket);
        }
        catch (final IllegalArgumentException unsendable)
        {
            // an order this dialect cannot express (OKX's stops are algo orders): rejected, never sent
            placed(order, VenueAnswer.of(VenueAnswer.Outcome.REJECTED, unsendable.getMessage(), null, 0));
            return;
        }
        client.send(request).thenAccept(answer -> placed(order, answer));
    }

    private void placed(final TrackedOrder order, final VenueAnswer answer)
    {
        final OrderSession next = replacedBy();
        final boolean notPlaced = answer.outcome() == VenueAnswer.Outcome.RATE_LIMITED || answer.outcome() == VenueAnswer.Outcome.AUTH_FAILED;
        order.sendPending = answer.outcome() == VenueAnswer.Outcome.RATE_LIMITED;  // held for Retry-After: still to be sent
        if (notPlaced && next != null && order.ticket != null)
        {
            // This session's link was replaced while the order waited (the rate governor, a Retry-After: its closed
            // client answers "closed") or was refused (429, or the old credentials): nothing was placed. The session
            // that adopted the orders sends it, under the same client order id.
            next.place(order.ticket);
            return;
        }
        switch (answer.outcome())
        {
            case OK:
                state(order, answer.order());
                return;
            case RATE_LIMITED:
                // Refused, nothing executed; after the wait, ask first, and send again (same id) only if it is not there.
                later(() -> client.send(client.dialect().queryOrder(order.symbol, order.clientOrderId))
                    .thenAccept(query -> afterRefusal(order, query)), answer.retryAfterMillis());
                return;
            case BANNED:
                open.remove(order.clientOrderId);
                reports.unavailable(order.orderId, System.currentTimeMillis() + answer.retryAfterMillis(), answer.text());
                return;
            case UNKNOWN:
                order.sinceMillis = clock.getAsLong();  // the exchange may have taken it at any moment until now
                reports.unknown(order.orderId, answer.text());
                reconcile(order, 0);
                return;
            case NOT_FOUND:
            case REJECTED:
            case AUTH_FAILED:
            case CLOCK_SKEW:
            default:
                open.remove(order.clientOrderId);
                reports.rejected(order.orderId, answer.code(), answer.text());
        }
    }

    private void afterRefusal(final TrackedOrder order, final VenueAnswer query)
    {
        if (query.ok())
        {
            state(order, query.order());
            commissions.askIfUntold(order.orderId, order.symbol, query.order());
        }
        else if (query.outcome() == VenueAnswer.Outcome.NOT_FOUND)
        {
            if (open.get(order.clientOrderId) != order)
            {
                return;  // settled meanwhile (or taken over by a new link): sending it now would place an order nobody books
            }
            order.sinceMillis = clock.getAsLong();  // the send leaves now: the exchange's delay starts now, not at the hand-over
            client.send(client.dialect().placeOrder(order.ticket)).thenAccept(answer -> placed(order, answer));
        }
        else
        {
            placed(order, query.outcome() == VenueAnswer.Outcome.REJECTED ? VenueAnswer.unknown(query.text()) : query);
        }
    }

    /**
     * Asks the exchange to cancel an open order; the cancel's result (or the stream) settles it. A cancel that does not
     * take (refused 429, unanswered, during a ban, or ahead of its order's placement: "unknown order") is not dropped:
     * the order is asked for, and while the exchange still has it open the cancel is sent again, with back-off, until
     * the order is done (cancelled, or filled meanwhile).
     */
    public void cancel(final long orderId, final String symbol, final String clientOrderId)
    {
        final OrderSession next = replacedBy();
        if (next != null)
        {
            next.cancel(orderId, symbol, clientOrderId);  // this session's link was replaced: its successor sends it
            return;
        }
        final TrackedOrder tracked = open.get(clientOrderId);
        if (tracked != null)
        {
            tracked.cancelWanted = true;
        }
        else
        {
            cancelsAhead.note(clientOrderId);  // not followed (yet): its placement may still come, held for the instrument check
        }
        sendCancel(orderId, symbol, clientOrderId);
    }

    private void sendCancel(final long orderId, final String symbol, final String clientOrderId)
    {
        client.send(client.dialect().cancelOrder(symbol, clientOrderId)).thenAccept(answer ->
        {
            final OrderSession next = replacedBy();
            if (!answer.ok() && next != null)
            {
                next.cancel(orderId, symbol, clientOrderId);  // the link was replaced under the cancel ("closed")
                return;
            }
            final TrackedOrder order = open.get(clientOrderId);
            if (answer.ok())
            {
                state(order != null ? order : new TrackedOrder(orderId, symbol, clientOrderId, null, 0), answer.order());
            }
            else if (order != null)
            {
                order.cancelWanted = true;  // a cancel that overtook its order's placement finds the order tracked by now
                reconcile(order, 0);  // filled meanwhile, unknown, limited, not there yet: ask what it is now
            }
        });
    }

    /**
     * Follows an order the gateway believes open (after a restart, or routed before this session existed): asks the exchange now, and with
     * back-off until it knows. "Not found" counts as not yet known for the grace window from now.
     */
    public void follow(final long orderId, final String symbol, final String clientOrderId)
    {
        final OrderSession next = replacedBy();
        if (next != null)
        {
            next.follow(orderId, symbol, clientOrderId);
            return;
        }
        final TrackedOrder order = new TrackedOrder(orderId, symbol, clientOrderId, null, clock.getAsLong());
        open.put(clientOrderId, order);
        // after a restart the followed orders arrive after the stream's first read of positions, which skipped their
        // symbols while they were open: positions are read again once the exchange has answered for them
        reconcile(order, 0).thenRun(positions::readSoon);
    }

    /** Takes over the open orders of the session this one replaces (new credentials, a new link) and asks for each; the old one is closed. */
    public void adopt(final OrderSession previous)
    {
        previous.successor = this;  // set before it closes: a cancel or follow that finds it closed finds this too
        previous.close();
        cancelsAhead.adopt(previous.cancelsAhead);
        for (final TrackedOrder order : previous.open.values())
        {
            open.putIfAbsent(order.clientOrderId, order);
            reconcile(order, 0);
        }
    }

    /**
     * Asks again for every order still open (each stream (re)connect); the future completes once the exchange's
     * first answer about each was applied (or the order's reconciliation continues with back-off).
     */
    public CompletableFuture<Void> reconcileAll()
    {
        final List<CompletableFuture<Void>> asked = new ArrayList<>();
        for (final TrackedOrder order : List.copyOf(open.values()))
        {
            asked.add(reconcile(order, 0));
        }
        return CompletableFuture.allOf(asked.toArray(new CompletableFuture<?>[0]));
    }

    public void onStream(final StreamEvent event)
    {
        // A closed session reports nothing more: its old stream's late balance update would land after the new session's
        // read and stream and put an older balance back (the exchange writes to every socket of the listen key).
        if (event.balances() != null && !closed)
        {
            balances.streamed(event.balances());
        }
        if (event.order() != null)
        {
            final TrackedOrder tracked = open.get(event.order().clientOrderId());
            final TrackedOrder order = tracked != null ? tracked : doneWithoutFee.get(event.order().clientOrderId());
            if (order != null)
            {
                state(order, event.order());
            }
        }
    }

    /** The session that adopted this one's orders once this one's link was replaced (and it closed), else null. */
    private OrderSession replacedBy()
    {
        return closed ? successor : null;
    }

    /** Orders the session still follows. */
    public int openOrders()
    {
        return open.size();
    }

    /** Stops following: nothing more is asked or reported (the account is removed, or its link replaced). */
    public void close()
    {
        closed = true;
    }

    private CompletableFuture<Void> reconcile(final TrackedOrder order, final int attempt)
    {
        if (closed)
        {
            return CompletableFuture.completedFuture(null);
        }
        return client.send(client.dialect().queryOrder(order.symbol, order.clientOrderId)).thenAccept(answer ->
        {
            if (closed || open.get(order.clientOrderId) != order)
            {
                return;  // closed, settled, or superseded (an order a replaced link never placed, placed again here)
            }
            switch (answer.outcome())
            {
                case OK:
                    state(order, answer.order());
                    commissions.askIfUntold(order.orderId, order.symbol, answer.order());
                    return;
                case NOT_FOUND:
                    if (order.sendPending)
                    {
                        return;  // the send is still out or held: its own answer settles the order, never this query
                    }
                    if (clock.getAsLong() - order.sinceMillis < settings.notFoundGraceMillis())
                    {
                        retry(order, attempt, 0);  // shortly after sending, "not found" means "not yet known"
                    }
                    else
                    {
                        open.remove(order.clientOrderId);
                        reports.rejected(order.orderId, answer.code(), "the exchange has no order " + order.clientOrderId
                            + " " + settings.notFoundGraceMillis() / 1000 + " s after it was sent; it was not sent again");
                    }
                    return;
                default:
                    retry(order, attempt, answer.retryAfterMillis());
            }
        });
    }

    private void retry(final TrackedOrder order, final int attempt, final long atLeastMillis)
    {
        final long backoff = Math.min(settings.maxRetryMillis(), settings.firstRetryMillis() << Math.min(attempt, 16));
        LOG.fine(() -> "order " + order.clientOrderId + " not settled; asking again in " + Math.max(backoff, atLeastMillis) + " ms");
        later(() -> reconcile(order, attempt + 1), Math.max(backoff, atLeastMillis));
    }

    private void later(final Runnable action, final long delayMillis)
    {
        if (!closed)
        {
            scheduler.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void state(final TrackedOrder order, final OrderState state)
    {
        if (state.status().done())
        {
            open.remove(order.clientOrderId);
            if (state.executedQty().signum() > 0 && state.fee().signum() == 0 && doneWithoutFee.putIfAbsent(order.clientOrderId, order) == null)
            {
                later(() -> doneWithoutFee.remove(order.clientOrderId, order), FEE_WAIT_MILLIS);
            }
        }
        reports.state(order.orderId, state);
        if (!state.status().done() && order.cancelWanted)
        {
            // still open at the exchange although cancelled here: the cancel did not take, send it again
            final long backoff = Math.min(settings.maxRetryMillis(), settings.firstRetryMillis() << Math.min(order.cancelsSent++, 16));
            later(() ->
            {
                if (open.get(order.clientOrderId) == order)
                {
                    sendCancel(order.orderId, order.symbol, order.clientOrderId);
                }
            }, backoff);
        }
    }

    /** Reads the account's balances now and reports them (each stream (re)connect). */
    public void syncBalances()
    {
        balances.sync();
    }

    /** Reads the futures positions now and reports them with the read's start time (after each (re)connect's order reconciliation). */
    public CompletableFuture<Void> syncPositions()
    {
        return positions.readNow();
    }

    /**
     * Reads the account's balances now without reporting them: the caller journals them with the read's stream mark (sync-balance). What the
     * stream tells while the read is out is laid over its answer ({@link StreamedBalances}).
     */
    public CompletableFuture<BalanceRead> readBalances()
    {
        return balances.read();
    }
}
