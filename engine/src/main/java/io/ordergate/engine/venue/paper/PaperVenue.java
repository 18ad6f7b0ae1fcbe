package io.ordergate.engine.venue.paper;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.venue.Venue;

/**
 * The embedded paper venue, plugged in for {@code VenueKind.PAPER} like any other venue: synchronous (an order is
 * settled inside {@link #route}), matching against the gateway's own quotes ({@link PaperMatching}), its positions
 * the engine's net positions. <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 */
public final class PaperVenue implements Venue
{
    private final PaperMatching matching;

    public PaperVenue(final EngineContext context)
    {
        this.matching = new PaperMatching(context);
    }

    @Override
    public ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
    {
        matching.execute(order, account, instrument, order.createdAtMicros);
        return null;
    }

    /** Only a resting order is open on paper: it is cancelled at once. */
    @Override
    public ResultCode cancel(final Order order, final Account account, final CommandEvent event)
    {
        if (!order.isResting())
        {
            return ResultCode.CONFLICT;
        }
        matching.cancelResting(order, account, event.wallMicros());
        return ResultCode.OK;
    }

    @Override
    public int cancelOpenOrders(final Account account, final CommandEvent event)
    {
        return matching.cancelResting(account, event.wallMicros());
    }

    @Override
    public void quoted(final Instrument instrument, final CommandEvent event)
    {
        matching.matchResting(instrument, event.wallMicros());
    }
}
