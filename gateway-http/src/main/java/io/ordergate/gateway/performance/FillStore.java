package io.ordergate.gateway.performance;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.collections.Long2LongHashMap;

import io.ordergate.engine.change.AccountChange;
import io.ordergate.engine.change.ChangeSet;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.Side;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;

/**
 * Every fill of every account and every transfer (a deposit or a withdrawal), kept beside the engine for performance:
 * the engine remembers only its newest fills ({@code engine.max_trades}), this keeps an account's newest
 * {@code server.performance_fills_kept_per_account} and the older ones folded into exact sums per UTC day
 * ({@link FoldedFills}; its transfers likewise, {@link FoldedTransfers}), so its memory is bounded however long the
 * account trades. Fed from each command's
 * change set on the reply stage, at start-up from the replayed journal, so it is the same after a restart and is
 * complete up to the command being answered (a performance read sees every fill before it).
 *
 * <p>A transfer is what moved an account's balance that its fills did not: the balance an account is made with, an
 * exchange's balance sync, an MT5 terminal's balance running ahead of (or behind) its trade reports. Per command and
 * account it is the balance's move less the fills' realized PnL less their fees; a synced MT5 deal of the past (no
 * order, no position of the gateway's) moved no balance and is history only. A fill whose money a later report
 * corrects (an MT5 close's commission) is replaced, its correction counted where it was booked: the engine changes
 * only fills it still remembers, so the fills of the last {@code max_trades} trade ids are enough to find them.
 *
 * <p>Fills are columns of primitives ({@link FillRows}, about 55 bytes of heap a fill, no object per fill); a read takes a
 * {@link Record} of each account on the reply thread (a few references and counts) and does its work on a
 * performance worker, which then sees exactly the fills and transfers before the read. <b>Written by one thread</b>:
 * the reply thread (the replaying thread before it).
 */
public final class FillStore implements ReplyListener, io.ordergate.gateway.core.StateBesideEngine
{
    /** One account's record. */
    static final class Book
    {
        final FillRows fills = new FillRows();
        /** Money into (positive) or out of (negative) an account that was not trading, in cents, by time. */
        final TimedLongs transfers = new TimedLongs(4);
        /** The transfers that fell out of {@link #transfers}, summed by day; null before the first fold. */
        FoldedTransfers foldedTransfers;
        int corrections;
        long balance;
        boolean balanceKnown;
        /** What fills moved the balance by since the balance was last seen. */
        long unreconciled;
        /** Round trips per position rather than per symbol (a hedging or MT5 account) now: each fill keeps it ({@link FillRows#HEDGING}). */
        boolean hedging;
        /** The fills that fell out of {@link #fills}, summed by day; null before the first fold. */
        FoldedFills folded;
        /** Rows dropped from the front of {@link #fills}: a row's number there is its absolute number less this. */
        long dropped;
        /** The latest correction's absolute row of each corrected trade id whose fill is still kept; null before any. */
        Long2LongHashMap latestCorrection;
    }

    /**
     * An account's record as it was when taken: its fills and transfers before then, to be read on any thread.
     *
     * @param corrected whether any of those fills is a {@link FillRows#CORRECTION}
     * @param transferCount the transfers kept one by one ({@code transferTimes}, {@code transferAmounts})
     * @param foldedTransfers the older ones' day sums, or null
     */
    record Record(FillRows.Columns fills, int fillCount, boolean corrected, long[] transferTimes, long[] transferAmounts,
        int transferCount, FoldedFills.Taken folded, FoldedTransfers.Taken foldedTransfers)
    {
        /** Every transfer entry: the folded days' (deposits, then withdrawals, each day), then those kept one by one. */
        int transferEntries()
        {
            return (foldedTransfers == null ? 0 : foldedTransfers.entries()) + transferCount;
        }

        long transferTime(final int entry)
        {
            final int folded = foldedTransfers == null ? 0 : foldedTransfers.entries();
            return entry < folded ? foldedTransfers.time(entry) : transferTimes[entry - folded];
        }

        /** In cents: positive in, negative out. */
        long transferAmount(final int entry)
        {
            final int folded = foldedTransfers == null ? 0 : foldedTransfers.entries();
            return entry < folded ? foldedTransfers.amount(entry) : transferAmounts[entry - folded];
        }

        /** The range's bound (micros; 0 for none) inside a day of which fills or transfers are kept only as sums, or null. */
        String boundInsideFoldedDay(final long startMicros, final long endMicros)
        {
            final String fills = folded == null ? null : folded.boundInsideDay(startMicros, endMicros);
            return fills != null || foldedTransfers == null ? fills : foldedTransfers.boundInsideDay(startMicros, endMicros);
        }
    }

    /** The last trade ids' rows, by trade id modulo a power of two of at least {@code max_trades}. */
    static final class RecentTrades
    {
        final long[] tradeIds;
        final Book[] books;
        /** The row's absolute number in its book (see {@link Book#dropped}). */
        final long[] rows;

        RecentTrades(final int maxTrades)
        {
            final int capacity = Integer.highestOneBit(Math.max(16, maxTrades - 1)) << 1;
            tradeIds = new long[capacity];
            books = new Book[capacity];
            rows = new long[capacity];
        }
    }

    private final Map<String, Book> books = new HashMap<>();
    /** Rows held across every account (fills and corrections, not those folded), for /metrics: about 55 bytes of heap a row. */
    private final AtomicLong rows = new AtomicLong();
    private final RecentTrades recent;
    /** Fills an account's record keeps before its oldest are folded into day sums ({@code server.performance_fills_kept_per_account}). */
    private final int keptPerAccount;
    /**
     * Chunks folded at once (up to 16, and no more than a 64th of what is kept): each fold copies the columns' chunk
     * slots, so folding several at a time keeps that copy to a few bytes a fill.
     */
    private final int foldChunks;
    /**
     * Transfers an account keeps one by one: at twice as many the oldest half is folded into day sums. A 64th of the
     * fills kept, 64 to 16,384: transfers come with balance moves, far fewer than fills.
     */
    private final int transfersKept;
    /** A number per symbol, the order met: a row holds the number (a netting account's round trips are per symbol). */
    private final Map<String, Integer> symbols = new HashMap<>();
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    /** @param maxTrades the engine's {@code max_trades}: how far back a fill can be corrected */
    public FillStore(final int maxTrades)
    {
        this(maxTrades, io.ordergate.config.ServerConfig.PERFORMANCE_FILLS_KEPT_PER_ACCOUNT_DEFAULT);
    }

    /**
     * @param maxTrades the engine's {@code max_trades}: how far back a fill can be corrected
     * @param keptPerAccount the fills an account's record keeps before its oldest are folded into day sums
     */
    public FillStore(final int maxTrades, final int keptPerAccount)
    {
        this.recent = new RecentTrades(maxTrades);
        this.keptPerAccount = keptPerAccount;
        this.foldChunks = Math.max(1, Math.min(16, keptPerAccount / (FillRows.CHUNK * 64)));
        this.transfersKept = Math.max(64, Math.min(16_384, keptPerAccount / 64));
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        forgetDeleted(event);
        apply(event.changes);
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        forgetDeleted(event);
        apply(event.changes);
    }

    /**
     * A deleted account's record goes with it: an account made again under its id is a new account (a new engine slot)
     * and starts a record of its own. Kept by id, the new one showed the old one's fills, round trips and drawdown, and
     * its opening balance counted as a deposit of what the old one had lost or a withdrawal of what it had won.
     */
    private void forgetDeleted(final CommandEvent event)
    {
        if (event.type != CommandType.DELETE_ACCOUNT || event.result == null || !event.result.isSuccess())
        {
            return;
        }
        final Book deleted = books.remove(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text).toString());
        if (deleted == null)
        {
            return;
        }
        rows.lazySet(rows.get() - deleted.fills.count());
        for (int slot = 0; slot < recent.books.length; slot++)
        {
            if (recent.books[slot] == deleted)
            {
                recent.books[slot] = null;  // its fills can no longer be corrected: the book may be collected
            }
        }
    }

    /** The record of an account as it is now, or null before anything happened to it. On the writing thread. */
    Record record(final String accountId)
    {
        final Book book = books.get(accountId);
        return book == null ? null : new Record(book.fills.columns(), book.fills.count(), book.corrections > 0,
            book.transfers.times(), book.transfers.values(), book.transfers.count(), book.folded == null ? null : book.folded.taken(),
            book.foldedTransfers == null ? null : book.foldedTransfers.taken());
    }

    void apply(final ChangeSet changes)
    {
        if (changes.isEmpty())
        {
            return;
        }
        for (int i = 0; i < changes.tradeCount(); i++)
        {
            fill(changes.trade(i));
        }
        for (int i = 0; i < changes.accountCount(); i++)
        {
            account(changes.account(i));
        }
    }

    void fill(final TradeChange trade)
    {
        final Book book = books.computeIfAbsent(trade.accountId, id -> new Book());
        final boolean history = trade.orderId == 0 && trade.positionId == 0;
        final int slot = (int)(trade.tradeId & (recent.tradeIds.length - 1));
        final boolean correction = recent.tradeIds[slot] == trade.tradeId && recent.books[slot] == book;
        long moved = trade.realizedPnl - trade.fee;
        if (correction)
        {
            moved -= book.fills.columns().net((int)(recent.rows[slot] - book.dropped));
            book.corrections++;
        }
        final int flags = (trade.side == Side.BUY ? FillRows.BUY : 0) | (history ? FillRows.HISTORY : 0) | (correction ? FillRows.CORRECTION : 0)
            | (book.hedging ? FillRows.HEDGING : 0);
        final int row = book.fills.append(trade.tradeId, trade.timeMicros, symbol(trade.symbol), trade.quantity, trade.quantityDigits,
            trade.positionId, trade.realizedPnl, trade.fee, flags);
        rows.lazySet(rows.get() + 1);  // one writer: an ordered store, no atomic add
        recent.tradeIds[slot] = trade.tradeId;
        recent.books[slot] = book;
        recent.rows[slot] = book.dropped + row;
        if (correction)
        {
            if (book.latestCorrection == null)
            {
                book.latestCorrection = new Long2LongHashMap(-1);
            }
            book.latestCorrection.put(trade.tradeId, book.dropped + row);
        }
        if (!history)
        {
            book.unreconciled += moved;
        }
        if (row + 1 - (long)foldChunks * FillRows.CHUNK >= keptPerAccount && (row + 1 & FillRows.CHUNK - 1) == 0)
        {
            fold(book);
        }
    }

    /**
     * Folds the account's oldest chunks of {@value FillRows#CHUNK} fills ({@link #foldChunks} at most) into its day sums
     * and drops them, stopping at a chunk with a fill among the engine's last trades (a later report may still correct
     * it): that one waits for the next turn.
     */
    private void fold(final Book book)
    {
        final FillRows.Columns columns = book.fills.columns();
        final Long2LongHashMap corrections = book.latestCorrection;
        final long dropped = book.dropped;
        int chunks = 0;
        while (chunks < foldChunks && !holdsRecentTrade(book, columns, chunks * FillRows.CHUNK))
        {
            if (book.folded == null)
            {
                book.folded = new FoldedFills();
            }
            final int first = chunks * FillRows.CHUNK;
            book.folded.fold(columns, first, row -> corrections == null ? row : effectiveRow(corrections, columns, row, dropped),
                new TransferTimeline(book.transfers, book.foldedTransfers == null ? null : book.foldedTransfers.taken()));
            for (int row = first; corrections != null && row < first + FillRows.CHUNK; row++)
            {
                if (!columns.is(row, FillRows.CORRECTION))
                {
                    corrections.remove(columns.tradeId(row));
                }
            }
            chunks++;
        }
        if (chunks > 0)
        {
            book.fills.dropFirstChunks(chunks);
            book.dropped += (long)chunks * FillRows.CHUNK;
            rows.lazySet(rows.get() - (long)chunks * FillRows.CHUNK);
        }
    }

    private boolean holdsRecentTrade(final Book book, final FillRows.Columns columns, final int first)
    {
        for (int row = first; row < first + FillRows.CHUNK; row++)
        {
            final long tradeId = columns.tradeId(row);
            final int slot = (int)(tradeId & (recent.tradeIds.length - 1));
            if (recent.tradeIds[slot] == tradeId && recent.books[slot] == book)
            {
                return true;
            }
        }
        return false;
    }

    private static int effectiveRow(final Long2LongHashMap corrections, final FillRows.Columns columns, final int row, final long dropped)
    {
        final long latest = corrections.get(columns.tradeId(row));
        return latest < 0 ? row : (int)(latest - dropped);
    }

    private int symbol(final String name)
    {
        final Integer known = symbols.get(name);
        if (known != null)
        {
            return known;
        }
        final int number = symbols.size();
        symbols.put(name, number);
        return number;
    }

    void account(final AccountChange account)
    {
        final Book book = books.computeIfAbsent(account.accountId, id -> new Book());
        // as the ledger judges an account (an MT5 account's tickets are positions of their own)
        book.hedging = "hedging".equals(account.positionMode) || "mt5".equals(account.venue);
        final long flow = account.balance - (book.balanceKnown ? book.balance : 0) - book.unreconciled;
        book.balance = account.balance;
        book.balanceKnown = true;
        book.unreconciled = 0;
        if (flow != 0)
        {
            book.transfers.add(account.timeMicros, flow);
            if (book.transfers.count() >= 2 * transfersKept)
            {
                if (book.foldedTransfers == null)
                {
                    book.foldedTransfers = new FoldedTransfers();
                }
                book.foldedTransfers.fold(book.transfers, transfersKept);
                book.transfers.dropFirst(transfersKept);
            }
        }
    }

    /** Rows held (fills and corrections) across every account; any thread. */
    public long rows()
    {
        return rows.get();
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("performance.books", books);
        roots.put("performance.recent_trades", recent);
        roots.put("performance.symbols", symbols);
        roots.put("performance.rows", rows);
    }
}
