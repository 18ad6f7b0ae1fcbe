package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A ticket remembers the deals of its last four partial closes, so a result and a report of one apply it once. */
class TicketPartialDealsTest
{
    @Test
    void shouldKnowTheLastFourPartialDealsAndForgetOlderOnes()
    {
        final TicketPosition ticket = new TicketPosition(0);
        for (long deal = 101; deal <= 105; deal++)
        {
            assertFalse(ticket.appliedPartial(deal), "deal " + deal + " before it is applied");
            ticket.rememberPartial(deal);
            assertTrue(ticket.appliedPartial(deal), "deal " + deal + " once applied");
        }
        for (long deal = 102; deal <= 105; deal++)
        {
            assertTrue(ticket.appliedPartial(deal), "deal " + deal + " is among the last four");
        }
        assertFalse(ticket.appliedPartial(101), "the fifth deal back is forgotten");
        ticket.rememberPartial(0);
        assertFalse(ticket.appliedPartial(0), "no deal ticket is never a repeat");
        assertTrue(ticket.appliedPartial(102), "remembering no deal forgets nothing");
    }
}
