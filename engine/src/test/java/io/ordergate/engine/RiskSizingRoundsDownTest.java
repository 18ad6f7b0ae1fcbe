package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * A risk-sized quantity never risks more than asked, not even by a rounding: 1% of 100,000.00 is 1,000.00; one BIG
 * bought at 1000.00000000 loses 90.90909091 to a stop at 909.09090909, so the size is 1000 ÷ 90.90909091 =
 * 10.99999999989 lots. Rounded half-even to 8 digits that is 11.00000000, and 11 lots lose 1,000.00000001; truncated it
 * is 10.99999999, rounded down to the lot step 10 lots.
 */
class RiskSizingRoundsDownTest
{
    private static final String CONFIG = EngineDriver.CONFIG
        + "  - { symbol: BIGUSD, digits: 8, pip_size: 0.0001, contract_size: 1, lot_step: 1,\n"
        + "      min_quantity: 1, max_quantity: 1000, base_currency: BIG, quote_currency: USD }\n";
    private static final String STOP = "909.09090909";

    private static EngineDriver driver()
    {
        final EngineDriver driver = new EngineDriver(ConfigLoader.parse(CONFIG, "test"));
        expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", "100000", 100));
        expect(ResultCode.ACCEPTED, driver.quote("BIGUSD", "999.99999999", "1000.00000000"));
        return driver;
    }

    @Test
    void aGroupMembersRiskPercentSizeIsTruncatedNotRoundedUpAcrossALotStep()
    {
        final EngineDriver driver = driver();
        final Object results = RiskSizedBuys.groupBuy(driver, "BIGUSD", STOP);
        assertEquals("10", Json.at(results, 0, "quantity").toString(), String.valueOf(results));
        driver.digest();
    }

    @Test
    void anExpertsRiskBasedSizeIsTruncatedNotRoundedUpAcrossALotStep()
    {
        final EngineDriver driver = driver();
        final CommandEvent order = RiskSizedBuys.expertBuy(driver, "BIGUSD", STOP);
        assertEquals(10, order.order.quantity);
        driver.digest();
    }
}
