package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * Risk sizing on an instrument whose one lot is worth cents: one XRP bought at 0.6000 loses 0.0140 (1.4 cents) to a
 * stop at 0.5860. Risking 1% of 100,000 is 1,000.00, so 71,428 XRP; the loss per lot rounded to a whole cent (1)
 * sized 100,000 XRP, a loss of 1,400.00 at the stop (1.4% of equity asked as 1%).
 */
class CheapLotSizingTest
{
    private static final String CONFIG = EngineDriver.CONFIG
        + "  - { symbol: XRPUSD, digits: 4, pip_size: 0.0001, contract_size: 1, lot_step: 1,\n"
        + "      min_quantity: 1, max_quantity: 10000000, base_currency: XRP, quote_currency: USD }\n";

    private static EngineDriver driver()
    {
        final EngineDriver driver = new EngineDriver(ConfigLoader.parse(CONFIG, "test"));
        expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", "100000", 100));
        expect(ResultCode.ACCEPTED, driver.quote("XRPUSD", "0.5990", "0.6000"));
        return driver;
    }

    @Test
    void aGroupMembersRiskPercentIsSizedOnTheExactLossOfACheapLot()
    {
        final EngineDriver driver = driver();
        final Object results = RiskSizedBuys.groupBuy(driver, "XRPUSD", "0.5860");
        assertEquals("71428", Json.at(results, 0, "quantity").toString(), String.valueOf(results));
        assertEquals("filled", Json.at(results, 0, "status"));
        driver.digest();
    }

    @Test
    void anExpertsRiskBasedOrderIsSizedOnTheExactLossOfACheapLot()
    {
        final EngineDriver driver = driver();
        final CommandEvent order = RiskSizedBuys.expertBuy(driver, "XRPUSD", "0.5860");
        assertEquals(71428, order.order.quantity);
        driver.digest();
    }
}
