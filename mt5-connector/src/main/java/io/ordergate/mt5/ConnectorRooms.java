package io.ordergate.mt5;

import io.ordergate.mt5.ea.EaRoom;

/**
 * What the MT5 connector keeps beside the venue's executors, queue and tickets: seed 004's investor links, their
 * operations and the synced deals, and seed 002's EA room. The venue holds it as a field because an engine snapshot
 * walks the engine's fields, venues included, but keeps the command handlers as built (they are lambdas): state only
 * the handlers reach would be left out of every snapshot. The venue's state digest covers it through {@link #digest}.
 * <b>Not thread safe</b>: built on the start-up thread before replay, engine thread after.
 */
final class ConnectorRooms
{
    final InvestorLink[] links;
    final InvestorOps ops;
    final HistoryDeals deals;
    final EaRoom ea;

    ConnectorRooms(final InvestorLink[] links, final InvestorOps ops, final HistoryDeals deals, final EaRoom ea)
    {
        this.links = links;
        this.ops = ops;
        this.deals = deals;
        this.ea = ea;
    }

    /** The investor links, synced deals and the EA room, in index order (the same on every replay). Engine thread. */
    long digest()
    {
        long hash = deals.digest();
        for (final InvestorLink link : links)
        {
            if (link.exists)
            {
                hash = Long.rotateLeft(hash ^ (link.accountIndex * 31L + link.login + link.status * 7L + link.lastSyncMicros
                    + link.syncedUntilMicros + link.pendingOp + (link.sealed == null ? 0 : link.sealed.hashCode())
                    + (link.errorMessage == null ? 0 : link.errorMessage.hashCode())), 13);
            }
        }
        return hash ^ Long.rotateLeft(ea.digest(), 7);
    }
}
