package io.ordergate.gateway.performance;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * Round trips in progress, by key (a netting account's symbol, a hedging account's position): each one's signed quantity
 * (at its finest quantity digits met) and net PnL in cents so far. A trip closes when its position goes from non-zero to
 * flat or through a flip; a flat one is forgotten then, so what is held grows with the open positions, not the fills.
 * Used by a performance read's ledger and by {@link FoldedFills}, which carries the trips open across the fills it
 * folds. Not thread safe.
 */
final class OpenTrips
{
    /** A position's round trip in progress. */
    private static final class Trip
    {
        long quantity;
        int digits;
        long pnl;
    }

    private final Long2ObjectHashMap<Trip> open = new Long2ObjectHashMap<>();
    /** The net PnL of the trip the last {@link #move} closed. */
    long closedPnl;

    /** A copy whose trips move on their own. */
    OpenTrips copy()
    {
        final OpenTrips copy = new OpenTrips();
        open.forEach((key, trip) ->
        {
            final Trip same = new Trip();
            same.quantity = trip.quantity;
            same.digits = trip.digits;
            same.pnl = trip.pnl;
            copy.open.put(key, same);
        });
        return copy;
    }

    int size()
    {
        return open.size();
    }

    /** Moves the key's trip by a fill; true when that closed a round trip, worth {@link #closedPnl}. */
    boolean move(final long key, final boolean buy, final long quantity, final int digits, final long net)
    {
        Trip trip = open.get(key);
        if (trip == null)
        {
            trip = new Trip();
            trip.digits = digits;
            open.put(key, trip);
        }
        long move = buy ? quantity : -quantity;
        if (digits > trip.digits)
        {
            trip.quantity = Math.multiplyExact(trip.quantity, pow10(digits - trip.digits));
            trip.digits = digits;
        }
        else if (digits < trip.digits)
        {
            move = Math.multiplyExact(move, pow10(trip.digits - digits));
        }
        final long before = trip.quantity;
        trip.quantity = Math.addExact(before, move);
        trip.pnl = Math.addExact(trip.pnl, net);
        if (before != 0 && (trip.quantity == 0 || Long.signum(trip.quantity) != Long.signum(before)))
        {
            closedPnl = trip.pnl;
            trip.pnl = 0;
            if (trip.quantity == 0)
            {
                open.remove(key);  // a flat trip starts again as a new one would: nothing of it is kept
            }
            return true;
        }
        return false;
    }

    private static long pow10(final int digits)
    {
        long power = 1;
        for (int i = 0; i < digits; i++)
        {
            power *= 10;
        }
        return power;
    }
}
