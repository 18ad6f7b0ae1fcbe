package io.ordergate.simulators.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The simulated broker's close reports carry the close's commission and swap as a terminal books them: 0.30 lots closed
 * at 7.00 commission and -1.50 swap per lot is commission -2.10 and swap -0.45, and the balance moves by profit plus both.
 */
class SimulatedBrokerChargesTest
{
    @Test
    void aCloseReportsItsCommissionAndSwap()
    {
        final SimulatedBroker broker = new SimulatedBroker("exe-1", symbol -> new BigDecimal[] {new BigDecimal("1.10000"), new BigDecimal("1.10010")});
        broker.balance(new BigDecimal("1000"));
        broker.charges(new CloseCharges(new BigDecimal("7.00"), new BigDecimal("-1.50")));
        final List<Map<String, Object>> reports = new ArrayList<>();
        final Map<String, Object> opened = broker.execute("OPEN_POSITION", Map.of("symbol", "EURUSD", "type", "BUY", "lots", "0.30"), reports);
        final Object ticket = ((Map<?, ?>)opened.get("details")).get("ticket");
        reports.clear();
        broker.execute("CLOSE_POSITION", Map.of("ticket", ticket), reports);
        final Map<String, Object> close = reports.get(reports.size() - 1);
        assertEquals(0, new BigDecimal("-2.10").compareTo((BigDecimal)close.get("commission")), close::toString);
        assertEquals(0, new BigDecimal("-0.45").compareTo((BigDecimal)close.get("swap")), close::toString);
        // bought at 1.10010, sold at 1.10000: -0.00010 x 0.30 x 100000 = -3.00
        assertEquals(0, new BigDecimal("-3.00").compareTo((BigDecimal)close.get("profit")), close::toString);
        assertEquals(0, new BigDecimal("994.45").compareTo(broker.balance()), "1000 - 3.00 - 2.10 - 0.45");
    }
}
