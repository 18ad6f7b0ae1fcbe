package io.ordergate.gateway.streams;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.ordergate.gateway.core.Caller;

/**
 * A stream ticket lasts 30 s from its issue, on the tickets' own clock (moved by hand here, no waiting): good up to
 * the last nanosecond of the 30 s, refused one after, and good once.
 */
class StreamTicketExpiryTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final Caller KEY = () -> 7;

    @Test
    void aTicketIsGoodForThirtySecondsAndOnce()
    {
        final AtomicLong clock = new AtomicLong(123 * SECOND);
        final StreamTickets tickets = new StreamTickets(clock::get, caller -> true);
        final String inTime = tickets.issue(KEY);
        final String late = tickets.issue(KEY);
        assertNotEquals(inTime, late, "every ticket is its own");

        clock.addAndGet(30 * SECOND);
        assertSame(KEY, tickets.redeem(inTime), "30 s after its issue it still opens the socket, as the key that asked");
        assertNull(tickets.redeem(inTime), "once only");
        clock.addAndGet(1);
        assertNull(tickets.redeem(late), "30 s and 1 ns after its issue it is refused");
    }

    @Test
    void expiredTicketsAreDroppedWhenTheNextIsIssued()
    {
        final AtomicLong clock = new AtomicLong(0);
        final StreamTickets tickets = new StreamTickets(clock::get, caller -> true);
        final String old = tickets.issue(KEY);
        clock.addAndGet(31 * SECOND);
        final String fresh = tickets.issue(KEY);
        clock.addAndGet(-31 * SECOND);  // even with the clock wound back, the old ticket was dropped at the last issue
        assertNull(tickets.redeem(old));
        assertSame(KEY, tickets.redeem(fresh));
    }
}
