package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static io.ordergate.engine.EngineDriver.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

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
        final CommandEvent group = new CommandEvent();
        GroupBodies.group(driver.begin(group, CommandType.CREATE_GROUP), "g", 0, "", "", 0, 0,
            List.of(new GroupBodies.Member("paper-1", GroupBodies.SIZING_RISK_PERCENT, wire("1"), "", List.of())));
        driver.finish(group);
        expect(ResultCode.CREATED, driver.apply(group));
        final CommandEvent order = new CommandEvent();
        final BodyWriter body = driver.begin(order, CommandType.GROUP_ORDER);
        GroupBodies.groupOrderHead(body, "g");
        GroupBodies.signal(body, "BIGUSD", Side.BUY, OrderType.MARKET, null, GroupBodies.HAS_QUANTITY | NewOrderBody.HAS_STOP_LOSS,
            wire("1"), 0, wire(STOP), 0, 0, 0, 0);
        body.putString("");
        driver.finish(order);
        final Object results = Json.at(Json.output(expect(ResultCode.CREATED, driver.apply(order))), "results");
        assertEquals("10", Json.at(results, 0, "quantity").toString(), String.valueOf(results));
        driver.digest();
    }

    @Test
    void anExpertsRiskBasedSizeIsTruncatedNotRoundedUpAcrossALotStep()
    {
        final EngineDriver driver = driver();
        final CommandEvent create = new CommandEvent();
        final BodyWriter strategy = driver.begin(create, CommandType.CREATE_EXPERT);
        strategy.putString("paper-1").putString("big").putString("1h").putLong(1);
        ExpertBodies.encodeStrategy(strategy, "BIGUSD", ExpertBodies.HAS_SYMBOL | ExpertBodies.HAS_SIZE_TYPE | ExpertBodies.HAS_SIZE_VALUE,
            0, 0, ExpertBodies.SIZE_RISK_BASED, wire("1"), 0, 0, 0);
        driver.finish(create);
        expect(ResultCode.CREATED, driver.apply(create));
        final CommandEvent start = new CommandEvent();
        driver.begin(start, CommandType.CONTROL_EXPERT).putString("exp_1").putByte(ExpertBodies.START);
        driver.finish(start);
        expect(ResultCode.OK, driver.apply(start));
        final CommandEvent order = new CommandEvent();
        final BodyWriter body = driver.begin(order, CommandType.EXPERT_ORDER).putString("exp_1");
        NewOrderBody.encode(body, "", "", Side.BUY, OrderType.MARKET, null, NewOrderBody.HAS_STOP_LOSS, 0, 0, wire(STOP), 0, 0, 0, "");
        driver.finish(order);
        expect(ResultCode.CREATED, driver.apply(order));
        assertEquals(10, order.order.quantity);
        driver.digest();
    }
}
