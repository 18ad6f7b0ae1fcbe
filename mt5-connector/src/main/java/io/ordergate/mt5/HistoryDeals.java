package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.ClosedPosition;

/**
 * The closed deals a history sync brought in, each stored once under seed 004's key {@code mt5_{positionId}_{ticket}}
 * per account (MT5 tickets are unique per terminal only): a set of every key ever stored, sized once
 * (open addressing, never iterated for output), and each new deal made a closed
 * position, a trade (order id none) and realized money in the account's figures. The balance is the terminal's (its
 * heartbeat and accountInfo): a historical deal does not move it again.
 *
 * <p>The deals of a position the gateway booked itself (trade reports, command results) are never stored: while
 * {@link Tickets} holds its ticket the ticket says so, and when {@link Tickets} reuses the closed ticket's slot the set
 * keeps a mark for it instead ({@link #forgotten}), so a sync of the whole history, however late, books it once.
 * Deals and marks are counted apart, each against its own bound ({@code executors.max_synced_deals},
 * {@code executors.max_forgotten_tickets}), so a busy trader's marks never take a sync's room, nor syncs a mark's.
 * <b>Not thread safe</b>: owned by the engine thread; allocates the set once, and a symbol the gateway does not know.
 */
final class HistoryDeals
{
    static final int STORED = 0;
    static final int DUPLICATE = 1;
    static final int BOOKED_BY_REPORTS = 2;
    static final int FULL = 3;
    /** A forgotten ticket found no room for its mark: any new deal might be its, so none is stored (none booked twice). */
    static final int MARK_LOST = 4;
    /**
     * The deal's volume has more decimal places than its instrument's lot digits: stored rounded, it would book a size
     * the terminal never traded, so it is not stored, and the sync names it (and asks again from it next time).
     */
    static final int INEXACT_VOLUME = 5;
    /** The deal's exit price is finer than its instrument's price digits: not stored, for the same reason. */
    static final int INEXACT_EXIT_PRICE = 6;
    /** The deal's entry price is finer than its instrument's price digits: not stored, for the same reason. */
    static final int INEXACT_ENTRY_PRICE = 7;
    /** The deal's profit, commission or swap is finer than the gateway's money ({@link ReportedMoney#DIGITS}): not stored, alike. */
    static final int INEXACT_MONEY = 8;
    /** The deal ticket of a mark: every deal of the position is booked already (a real deal's ticket is positive). */
    static final long WHOLE_POSITION = 0;

    private final EngineContext context;
    private final Tickets tickets;
    private final int maxDeals;
    private final int maxMarks;
    private int mask;
    /** The key set, allocated at the first deal (a gateway that never syncs pays nothing), then never grown. */
    private int[] accounts;
    private long[] positions;
    private long[] dealTickets;
    private int deals;
    private int marks;
    /** Set for good (until a restart with a larger bound replays the journal) when a mark found no room. */
    private boolean markLost;

    HistoryDeals(final EngineContext context, final Tickets tickets, final int maxDeals, final int maxMarks)
    {
        this.context = context;
        this.tickets = tickets;
        this.maxDeals = maxDeals;
        this.maxMarks = maxMarks;
    }

    private void allocate()
    {
        final int capacity = Integer.highestOneBit(Math.max(16, (maxDeals + maxMarks) * 2 - 1)) << 1;
        mask = capacity - 1;
        accounts = new int[capacity];
        positions = new long[capacity];
        dealTickets = new long[capacity];
    }

    /** Keys held: deals stored and marks kept. */
    int count()
    {
        return deals + marks;
    }

    /**
     * Marks a closed ticket whose slot {@link Tickets} is about to reuse: the gateway booked its deals, and the ticket
     * table will no longer say so. With {@code executors.max_forgotten_tickets} marks kept already it keeps no mark, and
     * then stores no new deal either ({@link #MARK_LOST}), so nothing is booked twice; a restart with a larger limit
     * replays the journal and makes every mark.
     */
    void forgotten(final int accountIndex, final long ticket)
    {
        if (accounts == null)
        {
            allocate();
        }
        final int slot = slot(accountIndex, ticket, WHOLE_POSITION);
        if (accounts[slot] != 0)
        {
            return;
        }
        if (marks < maxMarks)
        {
            put(slot, accountIndex, ticket, WHOLE_POSITION);
            marks++;
        }
        else
        {
            markLost = true;
        }
    }

    /**
     * Stores one closing deal: a closed position, a trade and the realized money, unless its key is stored already or
     * the gateway booked its position itself (its ticket held, or marked when forgotten). Values at wire digits (8),
     * times in micros.
     *
     * @return {@link #STORED}, {@link #DUPLICATE}, {@link #BOOKED_BY_REPORTS}, {@link #MARK_LOST}, {@link #FULL} or
     *     {@link #INEXACT_VOLUME}, {@link #INEXACT_EXIT_PRICE}, {@link #INEXACT_ENTRY_PRICE} or {@link #INEXACT_MONEY}
     */
    int store(final Account account, final Deal deal, final AsciiView symbol)
    {
        if (accounts == null)
        {
            allocate();
        }
        final int slot = slot(account.index, deal.positionId, deal.ticket);
        if (accounts[slot] != 0)
        {
            return DUPLICATE;
        }
        if (tickets.byTicket(account.index, deal.positionId) != null || accounts[slot(account.index, deal.positionId, WHOLE_POSITION)] != 0)
        {
            return BOOKED_BY_REPORTS;  // the ticket, or its mark once forgotten, answers every later sync too: no key needed
        }
        if (markLost)
        {
            return MARK_LOST;
        }
        if (deals >= maxDeals)
        {
            return FULL;
        }
        final Instrument instrument = context.instrumentOf(account, symbol);  // a broker symbol, say EURUSD.m, as its instrument
        final int priceDigits = instrument != null ? instrument.priceDigits : NewOrderBody.WIRE_DIGITS;
        final int quantityDigits = instrument != null ? instrument.quantityDigits : NewOrderBody.WIRE_DIGITS;
        if (!ReportedDecimals.fits(deal.volume, quantityDigits))
        {
            return INEXACT_VOLUME;
        }
        if (!ReportedDecimals.fits(deal.exitPrice, priceDigits))
        {
            return INEXACT_EXIT_PRICE;
        }
        if (deal.hasEntryPrice && !ReportedDecimals.fits(deal.entryPrice, priceDigits))
        {
            return INEXACT_ENTRY_PRICE;
        }
        if (ReportedMoney.finerField(true, deal.profit, true, deal.commission, true, deal.swap) != null)
        {
            return INEXACT_MONEY;
        }
        put(slot, account.index, deal.positionId, deal.ticket);
        deals++;
        final String symbolText = instrument != null ? instrument.symbol : symbol.toString();
        final long gross = Wire.exact(deal.profit, ReportedMoney.DIGITS);
        final long commission = Wire.exact(deal.commission, ReportedMoney.DIGITS);
        final long swap = Wire.exact(deal.swap, ReportedMoney.DIGITS);
        final long size = Wire.exact(deal.volume, quantityDigits);
        final long exitPrice = Wire.exact(deal.exitPrice, priceDigits);

        final ClosedPosition close = context.closedPositions().next();
        close.source = ClosedPosition.SOURCE_MT5_SYNC;
        close.accountIndex = account.index;
        close.instrumentIndex = instrument != null ? instrument.index : -1;
        close.symbol = symbolText;
        close.priceDigits = priceDigits;
        close.quantityDigits = quantityDigits;
        close.side = deal.side;
        close.size = size;
        close.entryPrice = deal.hasEntryPrice ? Wire.exact(deal.entryPrice, priceDigits) : ClosedPosition.NONE;
        close.exitPrice = exitPrice;
        close.money(gross, commission, swap);
        close.openedAtMicros = deal.entryMicros;
        close.closedAtMicros = deal.exitMicros;
        close.venuePositionId = deal.positionId;
        close.dealTicket = deal.ticket;

        final Trade trade = context.trades().next();
        trade.orderId = 0;
        trade.accountIndex = account.index;
        trade.instrumentIndex = close.instrumentIndex;
        trade.symbol = symbolText;
        trade.priceDigits = priceDigits;
        trade.quantityDigits = quantityDigits;
        trade.side = deal.side.opposite();  // the closing deal trades against the position
        trade.quantity = size;
        trade.price = exitPrice;
        trade.realizedPnl = close.grossPnl + close.swap;
        trade.fee = close.fee;
        trade.positionId = 0;
        trade.timeMicros = deal.exitMicros;

        account.realizedPnl += close.pnl;
        return STORED;
    }

    private void put(final int slot, final int accountIndex, final long positionId, final long ticket)
    {
        accounts[slot] = accountIndex + 1;
        positions[slot] = positionId;
        dealTickets[slot] = ticket;
    }

    private int slot(final int accountIndex, final long positionId, final long ticket)
    {
        long hash = (positionId * 0x9E3779B97F4A7C15L) ^ (ticket * 0xC2B2AE3D27D4EB4FL) ^ (accountIndex * 0x165667B19E3779F9L);
        hash ^= hash >>> 29;
        int slot = (int)hash & mask;
        while (accounts[slot] != 0
            && (accounts[slot] != accountIndex + 1 || positions[slot] != positionId || dealTickets[slot] != ticket))
        {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** A fingerprint of the stored keys, for the state digest (slots in index order: the same on every replay). */
    long digest()
    {
        long hash = deals * 31L + marks + (markLost ? 1L << 40 : 0);
        for (int i = 0; accounts != null && i < accounts.length; i++)
        {
            if (accounts[i] != 0)
            {
                hash = Long.rotateLeft(hash ^ (accounts[i] * 31L + positions[i] * 0x9E3779B97F4A7C15L + dealTickets[i]), 23);
            }
        }
        return hash;
    }

    /** One deal as the body carries it, read into place (reused). */
    static final class Deal
    {
        long ticket;
        long positionId;
        Side side;
        long volume;
        long entryMicros;
        long exitMicros;
        boolean hasEntryPrice;
        long entryPrice;
        long exitPrice;
        long profit;
        long commission;
        long swap;
    }
}
