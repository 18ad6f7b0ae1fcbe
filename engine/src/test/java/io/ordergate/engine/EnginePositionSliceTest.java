package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * The position list read in slices (issue 9 item 7): over many accounts each slice stops after about 2,048 position
 * slots looked at (here 4 instruments + the open position per account: about 410 accounts), and walking the slices by
 * their cursors gives the same list as one read, with positions opened between slices in accounts not yet walked.
 */
class EnginePositionSliceTest
{
    private static final int ACCOUNTS = 1000;

    @Test
    @SuppressWarnings("unchecked")
    void shouldWalkBoundedSlicesOfAccountsToTheSameListAsOneRead()
    {
        final EngineDriver driver = new EngineDriver(ConfigLoader.parse(
            EngineDriver.CONFIG.replace("max_accounts: 16", "max_accounts: 1024").replace("max_orders: 1024", "max_orders: 4096"), "test"));
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        for (int i = 0; i < ACCOUNTS; i++)
        {
            expect(ResultCode.CREATED, driver.createAccount("acct-" + i, "USD", "100000", 100));
            if (i % 10 != 0)  // every tenth account stays flat
            {
                driver.market("acct-" + i, Side.BUY, "EURUSD", "0.01");
            }
        }
        final List<Object> whole = positionIds(Json.output(expect(ResultCode.OK, driver.listPositions(""))));
        assertEquals(ACCOUNTS - ACCOUNTS / 10, whole.size());

        final List<Object> walked = new ArrayList<>();
        long cursor = 0;
        int slices = 0;
        do
        {
            final Map<String, Object> slice = Json.output(expect(ResultCode.OK, driver.listPositionSlice("", cursor)));
            final List<Object> ids = positionIds(slice);
            assertEquals(((Number)slice.get("written")).intValue(), ids.size());
            assertTrue(ids.size() < 450, "a slice stops after about 2,048 slots (5 per account): " + ids.size());
            walked.addAll(ids);
            final long next = ((Number)slice.get("next")).longValue();
            assertTrue(next == 0 || next > cursor, "the cursor moves on: " + cursor + " -> " + next);
            cursor = next;
            slices++;
        }
        while (cursor != 0);
        assertEquals(whole, walked, "the same positions in the same order as one read");
        assertEquals(3, slices, "1,000 accounts of 5 slots each in slices of 2,048");

        final Map<String, Object> one = Json.output(expect(ResultCode.OK, driver.listPositionSlice("acct-7", 0)));
        assertEquals(1, positionIds(one).size(), "one account's list is one slice");
        assertEquals(0L, ((Number)one.get("next")).longValue());
        expect(ResultCode.NOT_FOUND, driver.listPositionSlice("nope", 0));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> positionIds(final Map<String, Object> json)
    {
        final List<Object> ids = new ArrayList<>();
        ((List<Map<String, Object>>)json.get("positions")).forEach(position -> ids.add(position.get("position_id")));
        return ids;
    }
}
