package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.exchange.venue.ExchangeBodies;

/**
 * An account's reports reach the ring in the order they were made, even when the ring was full for the first of them:
 * the later ones wait behind its retry instead of overtaking it (a timeout's {@code unknown} applied after the
 * rejection that settled the order would be stale news).
 */
class RingReportsOrderTest
{
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop()
    {
        scheduler.shutdownNow();
    }

    @Test
    void shouldKeepAnAccountsReportsInOrderBehindOneThatWaitsForRoomInTheRing()
    {
        final List<String> published = new CopyOnWriteArrayList<>();
        final AtomicInteger full = new AtomicInteger(1);  // the ring has no room for the first try
        final RingReports reports = new RingReports("bn-1", (type, body) ->
        {
            if (full.getAndDecrement() > 0)
            {
                return false;
            }
            published.add(kindAndOrder(body));
            return true;
        }, scheduler);

        reports.unknown(7, "timed out");
        reports.rejected(7, "-2010", "insufficient balance");
        reports.unknown(8, "timed out");

        ExchangeHarness.await("every report published", () -> published.size() == 3, published::toString);
        assertEquals(List.of("unknown 7", "rejected 7", "unknown 8"), published);
    }

    private static String kindAndOrder(final java.util.function.Consumer<BodyWriter> body)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        body.accept(new BodyWriter().wrap(buffer, 0));
        final BodyReader reader = new BodyReader();
        reader.wrap(buffer, 0);
        reader.readString(new AsciiView());
        final long orderId = reader.readLong();
        final int kind = reader.readByte();
        final String name = kind == ExchangeBodies.REPORT_UNKNOWN ? "unknown" : kind == ExchangeBodies.REPORT_REJECTED ? "rejected" : "kind " + kind;
        return name + " " + orderId;
    }
}
