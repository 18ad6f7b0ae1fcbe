package io.ordergate.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.spi.OrderState.Status;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.simulators.exchange.Faults;

/**
 * A Binance spot fill learnt only by an order query ({@code GET /api/v3/order} tells no commission; no stream here to
 * tell it either) gets its commission from {@code GET /api/v3/myTrades}, reported as the order's whole fee for the
 * engine's late-fee path.
 */
class QueriedFillCommissionTest
{
    private ConnectorFixture fixture;

    @AfterEach
    void stop() throws InterruptedException
    {
        fixture.close();
    }

    @Test
    void shouldReportTheCommissionOfAFillLearntOnlyByAQueryFromTheOrdersTrades() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.exchange.commissionRate(new BigDecimal("0.001"));
        fixture.exchange.faults().failAfterPlacing(1, Faults.FailMode.STATUS_503);  // the FULL answer with its fills is lost
        final OrderTicket ticket = fixture.market(21, "BUY", "0.01");
        fixture.session.place(ticket);
        final RecordedReports.Report queried = fixture.reports.awaitStatus(21, Status.FILLED);
        assertEquals(0, queried.state().fee().signum(), "the query tells no commission");
        final RecordedReports.Report charged = fixture.reports.await("order 21's commission",
            r -> r.orderId() == 21 && r.state() != null && r.state().fee().signum() != 0);
        // 0.001 of the 0.01 BTC bought, valued at the fill's price in the quote asset
        assertEquals(0, new BigDecimal("0.65001").compareTo(charged.state().fee()), charged.state().toString());
        assertEquals(0, new BigDecimal("0.01").compareTo(charged.state().feeQuantity()), "the whole order's fills");
        assertEquals(Status.FILLED, charged.state().status());
    }
}
