package io.ordergate.gateway.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * Orders by command and result code, as the engine answered them: single orders, group orders and webhook signals
 * (one count per group order or signal, by its own result; the members' results are in its answer). <b>Single
 * writer</b>: {@link #count} on the reply thread, a plain increment published with a release store; read by anyone.
 */
public final class OrderResults
{
    static final CommandType[] COMMANDS = {CommandType.NEW_ORDER, CommandType.GROUP_ORDER, CommandType.WEBHOOK_SIGNAL};
    private static final int CODES = ResultCode.values().length;

    private final AtomicLongArray counts = new AtomicLongArray(COMMANDS.length * CODES);

    /** Reply thread only. */
    void count(final CommandEvent event)
    {
        final ResultCode result = event.result;
        if (result == null)
        {
            return;
        }
        final int command = commandIndex(event.type);
        if (command >= 0)
        {
            final int index = command * CODES + result.ordinal();
            counts.lazySet(index, counts.get(index) + 1);
        }
    }

    /** Any thread. */
    public long count(final CommandType type, final ResultCode result)
    {
        final int command = commandIndex(type);
        return command < 0 ? 0 : counts.get(command * CODES + result.ordinal());
    }

    private static int commandIndex(final CommandType type)
    {
        for (int i = 0; i < COMMANDS.length; i++)
        {
            if (COMMANDS[i] == type)
            {
                return i;
            }
        }
        return -1;
    }
}
