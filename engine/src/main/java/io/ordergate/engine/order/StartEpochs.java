package io.ordergate.engine.order;

import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;

/**
 * {@code START_EPOCH}: the start epoch the gateway counted for this start, journaled before any other command of it.
 * The engine only takes the number from the journal (it reads no file and no clock), so a replay gives every order and
 * command the epoch its live run gave. An epoch not above the current one is refused: it would give names again.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class StartEpochs
{
    private final Orders orders;
    private final BodyReader reader = new BodyReader();

    public StartEpochs(final Orders orders)
    {
        this.orders = orders;
    }

    public void apply(final CommandEvent event)
    {
        if (event.principal() != CommandFrame.PRINCIPAL_SYSTEM)
        {
            event.reject(ResultCode.FORBIDDEN, "start epochs are the gateway's own", null);
            return;
        }
        final long epoch = reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readLong();
        if (epoch <= orders.startEpoch())
        {
            event.reject(ResultCode.CONFLICT, "a start epoch must be above the last one", null);
            return;
        }
        orders.startEpoch(epoch);
        event.startEpoch = epoch;
        event.resultId = epoch;
        event.result = ResultCode.OK;
    }
}
