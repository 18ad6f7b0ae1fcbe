package io.ordergate.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * A DELETE_GROUP retires the client order ids its group ran, so a group made again under its id runs its first order
 * with one of them; a DELETE_GROUP journaled before that rule (no rules byte) replays as it was decided then: the
 * namesake's order is the old one's duplicate.
 */
class DeletedGroupKeysRulesTest
{
    private final EngineDriver driver = EngineDriver.withPaperAccount();

    @Test
    void aGroupMadeAgainAfterADeletionRunsAnOrderWithAClientOrderIdTheOldOneRan()
    {
        makeOrderAndDelete(w -> GroupBodies.delete(w, "again"));

        EngineDriver.expect(ResultCode.CREATED, order("c-1"));
    }

    @Test
    void aDeletionJournaledBeforeTheRuleKeepsTheOldOnesIdsAsItDidThen()
    {
        makeOrderAndDelete(w -> w.putString("again"));

        EngineDriver.expect(ResultCode.DUPLICATE, order("c-1"));
        EngineDriver.expect(ResultCode.CREATED, order("c-2"));
    }

    private void makeOrderAndDelete(final java.util.function.Consumer<BodyWriter> deleteBody)
    {
        EngineDriver.expect(ResultCode.CREATED, driver.createAccount("paper-2", "USD", "100000", 100));
        driver.quote("EURUSD", "1.08420", "1.08428");
        EngineDriver.expect(ResultCode.CREATED, createGroup("paper-1"));
        EngineDriver.expect(ResultCode.CREATED, order("c-1"));
        final CommandEvent delete = new CommandEvent();
        deleteBody.accept(driver.begin(delete, CommandType.DELETE_GROUP));
        driver.finish(delete);
        EngineDriver.expect(ResultCode.OK, driver.apply(delete));
        EngineDriver.expect(ResultCode.CREATED, createGroup("paper-2"));
    }

    private CommandEvent createGroup(final String account)
    {
        final CommandEvent event = new CommandEvent();
        GroupBodies.group(driver.begin(event, CommandType.CREATE_GROUP), "again", 0, "", "", 0, 0,
            List.of(new GroupBodies.Member(account, GroupBodies.SIZING_MULTIPLIER, EngineDriver.wire("1"), "", List.of())));
        driver.finish(event);
        return driver.apply(event);
    }

    private CommandEvent order(final String clientOrderId)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = driver.begin(event, CommandType.GROUP_ORDER);
        GroupBodies.groupOrderHead(body, "again");
        GroupBodies.signal(body, "EURUSD", Side.BUY, OrderType.MARKET, null, GroupBodies.HAS_QUANTITY, EngineDriver.wire("0.01"), 0, 0, 0, 0, 0, 0);
        body.putString(clientOrderId);
        driver.finish(event);
        return driver.apply(event);
    }
}
