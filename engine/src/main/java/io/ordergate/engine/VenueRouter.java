package io.ordergate.engine;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.venue.Venue;

/**
 * Sends each accepted order to its account's venue: the embedded paper venue, or the MT5 venue when one is
 * plugged in. <b>Not thread safe</b>: owned by the engine thread.
 */
final class VenueRouter implements io.ordergate.engine.account.AccountValues.VenueHoldings
{
    private final PaperMatching paper;
    private Venue mt5;

    VenueRouter(final PaperMatching paper)
    {
        this.paper = paper;
    }

    void mt5(final Venue venue)
    {
        this.mt5 = venue;
    }

    /** The MT5 venue, or null when none is plugged in. */
    Venue mt5()
    {
        return mt5;
    }

    /** The venue that holds an account's positions itself, or null when the engine's net positions are its positions. */
    Venue positionHolder(final Account account)
    {
        return account.venue == Account.VENUE_MT5 ? mt5 : null;
    }

    @Override
    public long unrealized(final Account account)
    {
        final Venue holder = positionHolder(account);
        return holder == null ? 0 : holder.unrealized(account);
    }

    @Override
    public long marginUsed(final Account account)
    {
        final Venue holder = positionHolder(account);
        return holder == null ? 0 : holder.marginUsed(account);
    }

    ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
    {
        if (account.venue == Account.VENUE_MT5)
        {
            if (mt5 == null)
            {
                PaperMatching.reject(order, ResultCode.EXECUTOR_OFFLINE, order.createdAtMicros);
                return ResultCode.EXECUTOR_OFFLINE;
            }
            return mt5.route(order, account, instrument, event);
        }
        paper.execute(order, account, instrument, order.createdAtMicros);
        return null;
    }
}
