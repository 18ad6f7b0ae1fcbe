package io.ordergate.exchange.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueRequest;

/**
 * Asks the exchange for the commissions of a done order's fills that were learnt from an order query, which tells none
 * (Binance spot's {@code GET /api/v3/order}; its stream event, which does, may have been lost while the stream was
 * down), and reports them as the order's whole commission: the engine books what it adds to what it already booked
 * (the late-fee path), so a stream event arriving too books nothing twice. Each order is asked for once: every query
 * that finds it done (a reconcile, a reconnect's, the query after a refusal) tells the same untold fee, and the route
 * weighs 5, so another question only follows an answer that is refused for a while ({@link VenueAnswer.Outcome#temporary}:
 * unanswered, 5xx, 429, 418) or does not list all the fills yet. A lasting refusal (a bad symbol, a key without the
 * permission) ends the question at its first answer: the fills keep the fee they were booked with, and a warning names
 * the exchange's code. Thread safe: runs on the connector's threads; for a dialect without
 * {@link io.ordergate.exchange.spi.ExchangeDialect#orderTrades} it does nothing.
 */
final class FillCommissions
{
    private static final Logger LOG = Logger.getLogger(FillCommissions.class.getName());
    /** Asks after a temporarily refused or incomplete answer (the fills not all listed yet), with back-off from the first. */
    static final int MAX_ATTEMPTS = 5;
    private static final long FIRST_RETRY_MILLIS = 500;
    /** How long an order stays {@link #asked} after its last answer: longer than any query of a done order comes after it. */
    private static final long FORGET_AFTER_MILLIS = 10 * 60_000;

    private final ExchangeClient client;
    private final VenueReports reports;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier closed;
    /**
     * Orders ({@link #key}: symbol and venue order id, as Binance numbers its orders per symbol) whose fills are being
     * asked for, or were answered less than {@link #FORGET_AFTER_MILLIS} ago.
     */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    FillCommissions(final ExchangeClient client, final VenueReports reports, final ScheduledExecutorService scheduler, final BooleanSupplier closed)
    {
        this.client = client;
        this.reports = reports;
        this.scheduler = scheduler;
        this.closed = closed;
    }

    /** A query's state of a done order with fills and no commission: its fills' commissions are asked for. */
    void askIfUntold(final long orderId, final String symbol, final OrderState queried)
    {
        if (queried.status().done() && queried.executedQty().signum() > 0 && queried.fee().signum() == 0 && !queried.venueOrderId().isEmpty()
            && asked.add(key(symbol, queried)))
        {
            ask(orderId, symbol, queried, 0);
        }
    }

    /** The order's question is over (told, or given up on): another query of it asks nothing for a while, then it is forgotten. */
    private void answered(final String symbol, final OrderState queried)
    {
        if (!closed.getAsBoolean())
        {
            scheduler.schedule(() -> asked.remove(key(symbol, queried)), FORGET_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static String key(final String symbol, final OrderState queried)
    {
        return symbol + ' ' + queried.venueOrderId();
    }

    private void ask(final long orderId, final String symbol, final OrderState queried, final int attempt)
    {
        final VenueRequest request = client.dialect().orderTrades(symbol, queried.venueOrderId());
        if (request == null || closed.getAsBoolean())
        {
            asked.remove(key(symbol, queried));  // nothing asked: a dialect without the route keeps no entries
            return;
        }
        client.send(request).thenAccept(answer ->
        {
            if (closed.getAsBoolean())
            {
                return;
            }
            final OrderState fills = answer.ok() ? answer.order() : null;
            if (fills != null && fills.executedQty().compareTo(queried.executedQty()) >= 0)
            {
                if (fills.fee().signum() != 0)
                {
                    reports.state(orderId, new OrderState(queried.clientOrderId(), queried.venueOrderId(), queried.status(), queried.executedQty(),
                        queried.cumulativeQuote(), fills.fee(), queried.executedQty()));
                }
                answered(symbol, queried);
                return;
            }
            if (!answer.ok() && !answer.outcome().temporary())
            {
                LOG.warning(() -> "the exchange refused the fills of order " + queried.clientOrderId() + " (" + answer.outcome() + " "
                    + answer.code() + " " + answer.text() + "); not asked again: its fills keep the fee they were booked with");
                answered(symbol, queried);
                return;
            }
            if (attempt + 1 >= MAX_ATTEMPTS)
            {
                LOG.warning(() -> "the commissions of order " + queried.clientOrderId() + " were not listed after " + MAX_ATTEMPTS
                    + " asks; its fills keep the fee they were booked with");
                answered(symbol, queried);
                return;
            }
            scheduler.schedule(() -> ask(orderId, symbol, queried, attempt + 1), Math.max(FIRST_RETRY_MILLIS << attempt, answer.retryAfterMillis()),
                TimeUnit.MILLISECONDS);
        });
    }
}
