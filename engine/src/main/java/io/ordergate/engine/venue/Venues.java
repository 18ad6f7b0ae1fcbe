package io.ordergate.engine.venue;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;

/**
 * The venues plugged into the engine, one per {@link VenueKind}: an account's venue is the one registered for its
 * kind. Walks are in kind-code order, so they are the same on every replay. A kind nothing is plugged in for (the MT5
 * kind in an engine without the MT5 connector) rejects every order {@code EXECUTOR_OFFLINE}: nothing executes there.
 * <b>Not thread safe</b>: {@link #register} on the start-up thread before replay; everything else on the engine thread.
 */
public final class Venues implements AccountValues.VenueHoldings, AccountValues.PositionLeverage
{
    private static final Venue UNPLUGGED = (order, account, instrument, event) ->
    {
        order.status = OrderStatus.REJECTED;
        order.rejectCode = ResultCode.EXECUTOR_OFFLINE;
        order.updatedAtMicros = order.createdAtMicros;
        return ResultCode.EXECUTOR_OFFLINE;
    };

    private final Venue[] byCode = new Venue[VenueKind.CODE_LIMIT];
    /**
     * The venue of each kind that holds positions itself, else null: read once at registration, because risk asks
     * for every order (an array load, not an interface call).
     */
    private final Venue[] holderByCode = new Venue[VenueKind.CODE_LIMIT];
    /** The plugged-in venues in kind-code order, for walks over all of them. */
    private final Venue[] plugged = new Venue[VenueKind.CODE_LIMIT];
    private int pluggedCount;

    public Venues()
    {
        java.util.Arrays.fill(byCode, UNPLUGGED);
    }

    /** Plugs a venue in for every account of {@code kind}; once per kind, before replay. */
    public void register(final VenueKind kind, final Venue venue)
    {
        if (byCode[kind.code()] != UNPLUGGED)
        {
            throw new IllegalStateException("a venue is already plugged in for " + kind.configName());
        }
        byCode[kind.code()] = venue;
        holderByCode[kind.code()] = venue.holdsPositions() ? venue : null;
        pluggedCount = 0;
        for (final Venue candidate : byCode)
        {
            if (candidate != UNPLUGGED && !isPlugged(candidate))
            {
                plugged[pluggedCount++] = candidate;  // once, though it serves several kinds (the exchange venue: binance and okx)
            }
        }
    }

    private boolean isPlugged(final Venue venue)
    {
        for (int i = 0; i < pluggedCount; i++)
        {
            if (plugged[i] == venue)
            {
                return true;
            }
        }
        return false;
    }

    /** The account's venue; never null (an unplugged kind's venue rejects every order). */
    public Venue of(final Account account)
    {
        return byCode[account.venue];
    }

    /** Sends an order that passed risk to its account's venue; as {@link Venue#route}. */
    public ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
    {
        return byCode[account.venue].route(order, account, instrument, event);
    }

    /** The venue that holds an account's positions itself, or null when the engine's net positions are its positions. */
    public Venue positionHolder(final Account account)
    {
        return holderByCode[account.venue];
    }

    /** Tells every venue a quote for the instrument was applied. */
    public void quoted(final Instrument instrument, final CommandEvent event)
    {
        for (int i = 0; i < pluggedCount; i++)
        {
            plugged[i].quoted(instrument, event);
        }
    }

    /** Closes a venue-held position by id on whichever venue holds it; {@link Venue#NOT_HELD} when none does. */
    public ResultCode closePosition(final long positionId, final boolean hasQuantity, final long wireQuantity, final CommandEvent event)
    {
        for (final Venue holder : holderByCode)
        {
            if (holder != null)
            {
                final ResultCode code = holder.closePosition(positionId, hasQuantity, wireQuantity, event);
                if (code != Venue.NOT_HELD)
                {
                    return code;
                }
            }
        }
        return Venue.NOT_HELD;
    }

    /** Changes the stops of a venue-held position by id; as {@link #closePosition}. */
    public ResultCode modifyPosition(
        final long positionId, final int flags, final long wireStopLoss, final long wireTakeProfit, final CommandEvent event)
    {
        for (final Venue holder : holderByCode)
        {
            if (holder != null)
            {
                final ResultCode code = holder.modifyPosition(positionId, flags, wireStopLoss, wireTakeProfit, event);
                if (code != Venue.NOT_HELD)
                {
                    return code;
                }
            }
        }
        return Venue.NOT_HELD;
    }

    @Override
    public long unrealized(final Account account)
    {
        final Venue holder = positionHolder(account);
        return holder == null ? 0 : holder.unrealized(account);
    }

    @Override
    public long heldQuantity(final Account account, final Instrument instrument)
    {
        final Venue holder = positionHolder(account);
        return holder == null ? 0 : holder.heldQuantity(account, instrument);
    }

    @Override
    public long marginUsed(final Account account)
    {
        final Venue holder = positionHolder(account);
        return holder == null ? 0 : holder.marginUsed(account);
    }

    @Override
    public boolean valuesOpenHoldings(final Account account)
    {
        final Venue holder = positionHolder(account);
        return holder != null && holder.valuesOpenHoldings(account);
    }

    /** The leverage the account's venue holds its positions in the instrument at ({@link Venue#positionLeverage}). */
    @Override
    public int positionLeverage(final Account account, final Instrument instrument)
    {
        return byCode[account.venue].positionLeverage(account, instrument);
    }

    /** The venues' own state folded into one fingerprint, for the engine's state digest. */
    public long digest()
    {
        long digest = 0;
        for (int i = 0; i < pluggedCount; i++)
        {
            digest ^= plugged[i].digest();
        }
        return digest;
    }
}
