package io.ordergate.simulators.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The delay fault's per-socket queue: whichever drain runs first (Netty may run the last event's before the earlier
 * ones') takes every event due, in the order pushed, and nothing not yet due.
 */
class HeldEventsTest
{
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void shouldHandOutEveryDueEventInThePushOrderToTheFirstDrain()
    {
        final HeldEvents events = new HeldEvents();
        events.hold("placement", 0);
        events.hold("placement balances", 0);
        events.hold("fill", 0);
        events.hold("fill balances", 0);

        assertEquals(List.of("placement", "placement balances", "fill", "fill balances"), events.takeDue(System.nanoTime()));
        assertTrue(events.takeDue(System.nanoTime() + HOUR).isEmpty(), "the later drains find nothing left to write twice");
    }

    @Test
    void shouldKeepAnEventThatIsNotDueYetAndEverythingPushedAfterIt()
    {
        final HeldEvents events = new HeldEvents();
        events.hold("now", 0);
        events.hold("later", HOUR);
        events.hold("after later", 0);

        assertEquals(List.of("now"), events.takeDue(System.nanoTime()), "an event never overtakes one pushed before it");
        assertEquals(List.of("later", "after later"), events.takeDue(System.nanoTime() + 2 * HOUR));
    }
}
