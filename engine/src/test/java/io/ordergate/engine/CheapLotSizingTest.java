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
        final CommandEvent group = new CommandEvent();
        GroupBodies.group(driver.begin(group, CommandType.CREATE_GROUP), "g", 0, "", "", 0, 0,
            List.of(new GroupBodies.Member("paper-1", GroupBodies.SIZING_RISK_PERCENT, wire("1"), "", List.of())));
        driver.finish(group);
        expect(ResultCode.CREATED, driver.apply(group));
        final CommandEvent order = new CommandEvent();
        final BodyWriter body = driver.begin(order, CommandType.GROUP_ORDER);
        GroupBodies.groupOrderHead(body, "g");
        GroupBodies.signal(body, "XRPUSD", Side.BUY, OrderType.MARKET, null, GroupBodies.HAS_QUANTITY | NewOrderBody.HAS_STOP_LOSS,
            wire("1"), 0, wire("0.5860"), 0, 0, 0, 0);
        body.putString("");
        driver.finish(order);
        final Object results = Json.at(Json.output(expect(ResultCode.CREATED, driver.apply(order))), "results");
        assertEquals("71428", Json.at(results, 0, "quantity").toString(), String.valueOf(results));
        assertEquals("filled", Json.at(results, 0, "status"));
        driver.digest();
    }

    @Test
    void anExpertsRiskBasedOrderIsSizedOnTheExactLossOfACheapLot()
    {
        final EngineDriver driver = driver();
        final CommandEvent create = new CommandEvent();
        final BodyWriter strategy = driver.begin(create, CommandType.CREATE_EXPERT);
        strategy.putString("paper-1").putString("cheap").putString("1h").putLong(1);
        ExpertBodies.encodeStrategy(strategy, "XRPUSD", ExpertBodies.HAS_SYMBOL | ExpertBodies.HAS_SIZE_TYPE | ExpertBodies.HAS_SIZE_VALUE,
            0, 0, ExpertBodies.SIZE_RISK_BASED, wire("1"), 0, 0, 0);
        driver.finish(create);
        expect(ResultCode.CREATED, driver.apply(create));
        final CommandEvent start = new CommandEvent();
        driver.begin(start, CommandType.CONTROL_EXPERT).putString("exp_1").putByte(ExpertBodies.START);
        driver.finish(start);
        expect(ResultCode.OK, driver.apply(start));
        final CommandEvent order = new CommandEvent();
        final BodyWriter body = driver.begin(order, CommandType.EXPERT_ORDER).putString("exp_1");
        NewOrderBody.encode(body, "", "", Side.BUY, OrderType.MARKET, null, NewOrderBody.HAS_STOP_LOSS, 0, 0, wire("0.5860"), 0, 0, 0, "");
        driver.finish(order);
        expect(ResultCode.CREATED, driver.apply(order));
        assertEquals(71428, order.order.quantity);
        driver.digest();
    }
}
