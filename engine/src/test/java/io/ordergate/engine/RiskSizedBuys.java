package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static io.ordergate.engine.EngineDriver.wire;

import java.util.List;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/** A market buy with a stop, sized to risk 1% of {@code paper-1}'s equity by a group member's rule or an expert's. */
final class RiskSizedBuys
{
    private RiskSizedBuys()
    {
    }

    /** Group "g" with paper-1 sized {@code risk_percent} 1, then its buy: the group order's {@code results}. */
    static Object groupBuy(final EngineDriver driver, final String symbol, final String stop)
    {
        final CommandEvent group = new CommandEvent();
        GroupBodies.group(driver.begin(group, CommandType.CREATE_GROUP), "g", 0, "", "", 0, 0,
            List.of(new GroupBodies.Member("paper-1", GroupBodies.SIZING_RISK_PERCENT, wire("1"), "", List.of())));
        driver.finish(group);
        expect(ResultCode.CREATED, driver.apply(group));
        final CommandEvent order = new CommandEvent();
        final BodyWriter body = driver.begin(order, CommandType.GROUP_ORDER);
        GroupBodies.groupOrderHead(body, "g");
        GroupBodies.signal(body, symbol, Side.BUY, OrderType.MARKET, null, GroupBodies.HAS_QUANTITY | NewOrderBody.HAS_STOP_LOSS,
            wire("1"), 0, wire(stop), 0, 0, 0, 0);
        body.putString("");
        driver.finish(order);
        return Json.at(Json.output(expect(ResultCode.CREATED, driver.apply(order))), "results");
    }

    /** Expert exp_1 on paper-1 sized {@code risk_based} 1, started, then its buy: the applied order command. */
    static CommandEvent expertBuy(final EngineDriver driver, final String symbol, final String stop)
    {
        final CommandEvent order = expertBuy(driver, symbol, ExpertBodies.SIZE_RISK_BASED, wire("1"), 0, stop);
        expect(ResultCode.CREATED, order);
        return order;
    }

    /**
     * Expert exp_1 on paper-1 with the strategy given ({@code leverage} 0: none), started, then its market buy with the
     * stop: the applied order command, whatever its result.
     */
    static CommandEvent expertBuy(final EngineDriver driver, final String symbol, final int sizeType, final long sizeValue,
        final long leverage, final String stop)
    {
        final CommandEvent create = new CommandEvent();
        final BodyWriter strategy = driver.begin(create, CommandType.CREATE_EXPERT);
        strategy.putString("paper-1").putString("sized").putString("1h").putLong(1);
        ExpertBodies.encodeStrategy(strategy, symbol, ExpertBodies.HAS_SYMBOL | ExpertBodies.HAS_SIZE_TYPE | ExpertBodies.HAS_SIZE_VALUE
            | (leverage == 0 ? 0 : ExpertBodies.HAS_LEVERAGE), leverage, 0, sizeType, sizeValue, 0, 0, 0);
        driver.finish(create);
        expect(ResultCode.CREATED, driver.apply(create));
        final CommandEvent start = new CommandEvent();
        driver.begin(start, CommandType.CONTROL_EXPERT).putString("exp_1").putByte(ExpertBodies.START);
        driver.finish(start);
        expect(ResultCode.OK, driver.apply(start));
        final CommandEvent order = new CommandEvent();
        final BodyWriter body = driver.begin(order, CommandType.EXPERT_ORDER).putString("exp_1");
        NewOrderBody.encode(body, "", "", Side.BUY, OrderType.MARKET, null, NewOrderBody.HAS_STOP_LOSS, 0, 0, wire(stop), 0, 0, 0, "");
        driver.finish(order);
        driver.apply(order);
        return order;
    }
}
