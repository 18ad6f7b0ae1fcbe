package io.ordergate.gateway.performance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2LongHashMap;

import io.ordergate.engine.change.AccountChange;
import io.ordergate.engine.change.ChangeSet;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.Side;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;

/**
 * Every fill of every account and every transfer (a deposit or a withdrawal), kept beside the engine for performance:
 * the engine remembers only its newest fills ({@code engine.max_trades}), this keeps them all. Fed from each command's
 * change set on the reply stage, at start-up from the replayed journal, so it is the same after a restart and is
 * complete up to the command being answered (a performance read sees every fill before it).
 *
 * <p>A transfer is what moved an account's balance that its fills did not: the balance an account is made with, an
 * exchange's balance sync, an MT5 terminal's balance running ahead of (or behind) its trade reports. Per command and
 * account it is the balance's move less the fills' realized PnL less their fees; a synced MT5 deal of the past (no
 * order, no position of the gateway's) moved no balance and is history only. A fill whose money a later report
 * corrects (an MT5 close's commission) is replaced, its correction counted where it was booked.
 *
 * <p><b>Not thread safe</b>: the reply thread (the replaying thread before it) writes and reads; about 100 bytes a fill.
 */
public final class FillStore implements ReplyListener, io.ordergate.gateway.core.StateBesideEngine
{
    /** One fill; money in cents (realized before the fee; the fee positive when paid). */
    record Fill(long tradeId, long timeMicros, String symbol, boolean buy, long quantity, int quantityDigits, long positionId,
        long realized, long fee, boolean history)
    {
        long net()
        {
            return realized - fee;
        }
    }

    /** Money into (positive) or out of (negative) an account that was not trading, in cents. */
    record Transfer(long timeMicros, long amount)
    {
    }

    /** One account's record. */
    static final class Book
    {
        final List<Fill> fills = new ArrayList<>();
        final List<Transfer> transfers = new ArrayList<>();
        /** Where each fill is in {@link #fills}, by trade id (a correction replaces it); unboxed: a fill adds no garbage. */
        final Long2LongHashMap byTradeId = new Long2LongHashMap(NOT_KEPT);
        long balance;
        boolean balanceKnown;
        /** What fills moved the balance by since the balance was last seen. */
        long unreconciled;
    }

    private static final long NOT_KEPT = -1;

    private final Map<String, Book> books = new HashMap<>();

    @Override
    public void onReplayed(final CommandEvent event)
    {
        apply(event.changes);
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        apply(event.changes);
    }

    /** The record of an account, or null before anything happened to it. */
    Book book(final String accountId)
    {
        return books.get(accountId);
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

    private void fill(final TradeChange trade)
    {
        final Book book = books.computeIfAbsent(trade.accountId, id -> new Book());
        final boolean history = trade.orderId == 0 && trade.positionId == 0;
        final Fill fill = new Fill(trade.tradeId, trade.timeMicros, trade.symbol, trade.side == Side.BUY, trade.quantity,
            trade.quantityDigits, trade.positionId, trade.realizedPnl, trade.fee, history);
        final long at = book.byTradeId.get(trade.tradeId);
        long moved = fill.net();
        if (at == NOT_KEPT)
        {
            book.byTradeId.put(trade.tradeId, book.fills.size());
            book.fills.add(fill);
        }
        else
        {
            moved -= book.fills.get((int)at).net();
            book.fills.set((int)at, fill);
        }
        if (!history)
        {
            book.unreconciled += moved;
        }
    }

    private void account(final AccountChange account)
    {
        final Book book = books.computeIfAbsent(account.accountId, id -> new Book());
        final long flow = account.balance - (book.balanceKnown ? book.balance : 0) - book.unreconciled;
        book.balance = account.balance;
        book.balanceKnown = true;
        book.unreconciled = 0;
        if (flow != 0)
        {
            book.transfers.add(new Transfer(account.timeMicros, flow));
        }
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("performance.books", books);
    }
}
