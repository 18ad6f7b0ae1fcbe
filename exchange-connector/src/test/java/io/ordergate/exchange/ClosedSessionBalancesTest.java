package io.ordergate.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.exchange.spi.StreamEvent;

/**
 * A session closed because its link was replaced (or its account removed) reports nothing more: a balance update its
 * old user stream delivers late (the exchange writes to every socket of the listen key, each in its own time) must not
 * land after the new session's read and stream and put back an older balance.
 */
class ClosedSessionBalancesTest
{
    @Test
    void shouldReportNoStreamBalancesOfASessionAfterItClosed() throws Exception
    {
        try (ConnectorFixture fixture = new ConnectorFixture(6_000, 100))
        {
            fixture.session.onStream(new StreamEvent(null, Map.of("BTC", new BigDecimal[] {new BigDecimal("1"), new BigDecimal("0.01")}), false));
            assertEquals(0, new BigDecimal("0.01").compareTo(fixture.reports.balances.get("BTC")[1]), "an open session reports its stream's balances");

            fixture.session.close();
            fixture.session.onStream(new StreamEvent(null, Map.of("BTC", new BigDecimal[] {new BigDecimal("2"), BigDecimal.ZERO}), false));
            assertEquals(0, new BigDecimal("0.01").compareTo(fixture.reports.balances.get("BTC")[1]),
                "a closed session's late stream balance was reported: " + fixture.reports.balances.get("BTC")[0]);
        }
    }
}
