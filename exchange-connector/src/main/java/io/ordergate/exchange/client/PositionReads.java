package io.ordergate.exchange.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.ordergate.exchange.spi.VenueRequest;

/**
 * Reads one account's futures positions for its {@link OrderSession} and reports them, for a dialect that has positions.
 * Thread safe: runs on the connector's scheduler; many followed orders asking at once make one read.
 */
final class PositionReads
{
    /** How long a positions read asked for by followed orders waits for the others' answers. */
    private static final long POSITIONS_READ_DELAY_MILLIS = 200;

    private final ExchangeClient client;
    private final VenueReports reports;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier closed;
    private final AtomicBoolean readPending = new AtomicBoolean();

    PositionReads(final ExchangeClient client, final VenueReports reports, final ScheduledExecutorService scheduler, final BooleanSupplier closed)
    {
        this.client = client;
        this.reports = reports;
        this.scheduler = scheduler;
        this.closed = closed;
    }

    /** Reads the positions now and reports them with the read's start time. */
    CompletableFuture<Void> readNow()
    {
        final VenueRequest request = client.dialect().positions();
        if (request == null || closed.getAsBoolean())
        {
            return CompletableFuture.completedFuture(null);
        }
        final long startedMillis = System.currentTimeMillis();  // the ring's clock: the engine compares it with its fills' times
        return client.send(request).thenAccept(answer ->
        {
            if (answer.ok() && answer.positions() != null && !closed.getAsBoolean())
            {
                reports.positions(answer.positions(), startedMillis);
            }
        });
    }

    /** One read a moment from now, however many followed orders ask for it meanwhile. */
    void readSoon()
    {
        if (client.dialect().positions() != null && !closed.getAsBoolean() && readPending.compareAndSet(false, true))
        {
            scheduler.schedule(() ->
            {
                readPending.set(false);
                readNow();
            }, POSITIONS_READ_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
