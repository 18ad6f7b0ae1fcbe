package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static io.ordergate.engine.EngineDriver.wire;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/** The account half of {@link EngineDriver}: accounts, risk limits, kill switches and keys, and accounts read back. */
interface AccountCommands extends CommandSender
{
    default CommandEvent createAccount(final String accountId, final String currency, final String balance, final int leverage)
    {
        return createAccount(accountId, VenueKind.PAPER, currency, balance, leverage);
    }

    default CommandEvent createAccount(
        final String accountId, final VenueKind venue, final String currency, final String balance, final int leverage)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.createAccount(begin(event, CommandType.CREATE_ACCOUNT), accountId, venue.code(), currency, wire(balance), leverage);
        finish(event);
        return apply(event);
    }

    /** A paper account in a position mode ({@code CommandBodies.POSITION_MODE_*}). */
    default CommandEvent createAccount(
        final String accountId, final String currency, final String balance, final int leverage, final int positionMode)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.createAccount(begin(event, CommandType.CREATE_ACCOUNT), accountId, VenueKind.PAPER.code(), currency, wire(balance),
            leverage, positionMode);
        finish(event);
        return apply(event);
    }

    /** One risk limit by its API name, at wire digits like the gateway sends it. */
    default CommandEvent setRisk(final String accountId, final String field, final String value)
    {
        final List<String> names = List.of("max_order_quantity", "max_position_quantity", "max_open_orders",
            "max_orders_per_second", "max_notional", "price_collar_pct", "max_daily_loss");
        final int bit = names.indexOf(field);
        if (bit < 0)
        {
            throw new IllegalArgumentException("unknown risk field " + field);
        }
        final long[] values = new long[CommandBodies.RISK_FIELD_COUNT];
        values[bit] = wire(value);
        final CommandEvent event = new CommandEvent();
        CommandBodies.setRisk(begin(event, CommandType.SET_RISK), accountId, 1 << bit, values);
        finish(event);
        return apply(event);
    }

    default CommandEvent accountCommand(final CommandType type, final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.accountId(begin(event, type), accountId);
        finish(event);
        return apply(event);
    }

    default CommandEvent pause(final String accountId)
    {
        return accountCommand(CommandType.PAUSE_ACCOUNT, accountId);
    }

    default CommandEvent resume(final String accountId)
    {
        return accountCommand(CommandType.RESUME_ACCOUNT, accountId);
    }

    default CommandEvent closeAll(final String accountId)
    {
        return accountCommand(CommandType.CLOSE_ALL, accountId);
    }

    default CommandEvent getAccount(final String accountId)
    {
        return accountCommand(CommandType.GET_ACCOUNT, accountId);
    }

    /** Creates an API key and answers its principal. */
    default int createKey(final String apiKey, final int scope, final String... accountIds)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.createKey(begin(event, CommandType.CREATE_KEY), apiKey, new byte[32], scope, Arrays.asList(accountIds));
        finish(event);
        expect(ResultCode.CREATED, apply(event));
        return (int)event.resultId;
    }

    default Map<String, Object> account(final String accountId)
    {
        return Json.output(expect(ResultCode.OK, getAccount(accountId)));
    }

    default BigDecimal balance(final String accountId)
    {
        return (BigDecimal)account(accountId).get("balance");
    }
}
