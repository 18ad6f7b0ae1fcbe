package io.ordergate.engine.user;

import static io.ordergate.engine.user.UserDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * A repeated CONNECT_BROKER of the user's current broker account answers that connection, and makes no second
 * account; one journaled before that rule (no rules byte) replays as it was decided then: a second account, which
 * later commands of that journal may name.
 */
class BrokerRepeatRulesTest
{
    private final GatewayConfig config = ConfigLoader.parse(UserDriver.CONFIG, "users");
    private final UserDriver driver = new UserDriver(config, new Engine(config));

    @Test
    void aRepeatNowAnswersTheConnectionItHas()
    {
        final int ann = (int) expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER)).resultId;
        expect(ResultCode.CREATED, driver.send(ann, CommandType.CONNECT_BROKER, w -> broker(w, "bc-1")));

        final UserView repeated = driver.user(expect(ResultCode.CREATED, driver.send(ann, CommandType.CONNECT_BROKER, w -> broker(w, "bc-2"))));

        assertEquals("bc-1", repeated.broker().connectionId());
        expect(ResultCode.NOT_FOUND, driver.getAccount(ann, "bc-2"));
    }

    @Test
    void aRepeatJournaledBeforeTheRuleMakesItsAccountAsItDidThen()
    {
        final int ann = (int) expect(ResultCode.CREATED, driver.signup("u-1", "ann@example.com", Role.TRADER)).resultId;
        expect(ResultCode.CREATED, driver.send(ann, CommandType.CONNECT_BROKER, w -> brokerWithoutRules(w, "bc-1")));

        final UserView repeated = driver.user(expect(ResultCode.CREATED,
            driver.send(ann, CommandType.CONNECT_BROKER, w -> brokerWithoutRules(w, "bc-2"))));

        assertEquals("bc-2", repeated.broker().connectionId());
        expect(ResultCode.OK, driver.getAccount(ann, "bc-2"));
    }

    private static void broker(final BodyWriter w, final String id)
    {
        UserBodies.connectBroker(w, id, "Exness Global", "12345678", UserBodies.ACCOUNT_TYPE_DEMO, "My Demo", "USD", 1_000_000_000_000L, 100);
    }

    /** The body as it was journaled before the rules byte. */
    private static void brokerWithoutRules(final BodyWriter w, final String id)
    {
        w.putString(id).putString("Exness Global").putString("12345678").putByte(UserBodies.ACCOUNT_TYPE_DEMO).putString("My Demo")
            .putString("USD").putLong(1_000_000_000_000L).putInt(100);
    }
}
