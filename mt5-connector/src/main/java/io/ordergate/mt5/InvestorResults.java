package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;

/**
 * The terminal's answers to seed 004's commands, read from the result's tagged parts ({@link ResultParts}): a connect
 * binds the account (CONNECTED) or refuses it (ERROR, the password forgotten), a test only reports, a SYNC_HISTORY
 * page stores its deals once each and asks for the next page while the terminal says there is more. When an
 * operation is done, the COMMAND_RESULT event's {@code resultId} is its id, so the gateway answers who waits.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
final class InvestorResults
{
    private final EngineContext context;
    private final InvestorLink[] links;
    private final InvestorOps ops;
    private final HistoryDeals deals;
    private final InvestorFlow flow;
    private final HistoryDeals.Deal deal = new HistoryDeals.Deal();
    private final AsciiView status = new AsciiView();
    private final AsciiView errorText = new AsciiView();
    private final AsciiView symbol = new AsciiView();
    private final AsciiView raw = new AsciiView();

    InvestorResults(final EngineContext context, final InvestorLink[] links, final InvestorOps ops, final HistoryDeals deals, final InvestorFlow flow)
    {
        this.context = context;
        this.links = links;
        this.ops = ops;
        this.deals = deals;
        this.flow = flow;
    }

    /** The account the command's operation is for, or -1 (an operation forgotten). */
    int accountOf(final ExecutorCommand command)
    {
        final InvestorOp op = ops.get(command.opId);
        return op == null ? -1 : op.accountIndex;
    }

    /**
     * Ends the command's operation failed, nothing of its answer applied: its account was deleted while the terminal
     * worked on it. A page of deals stored now would be counted in the performance record of an account made again under
     * the id, which is kept by id; a connect's balance alike.
     */
    void accountDeleted(final ExecutorCommand command, final CommandEvent event)
    {
        command.sealed = null;
        final InvestorOp op = ops.get(command.opId);
        if (op == null || op.done)
        {
            return;
        }
        op.finish(false, "ERROR", ReportFlow.ACCOUNT_DELETED);
        final InvestorLink link = links[op.accountIndex];
        if (link != null && link.pendingOp == op.id)
        {
            link.pendingOp = 0;
        }
        event.resultId = op.id;
    }

    /**
     * Settles one of seed 004's commands; the reader stands at the result's tagged parts.
     *
     * @param message the terminal's message (result.message)
     */
    void settled(final ExecutorCommand command, final Executor executor, final boolean executed, final AsciiView message,
        final BodyReader reader, final CommandEvent event)
    {
        command.sealed = null;  // delivered and answered: the engine no longer holds it for this command
        final InvestorOp op = ops.get(command.opId);
        if (op == null || op.done)
        {
            return;  // a disconnect cancelled it, or a DISCONNECT_INVESTOR: nothing waits
        }
        final InvestorLink link = op.accountIndex >= 0 ? links[op.accountIndex] : null;
        boolean more = false;
        long nextFrom = 0;
        String failure = executed ? null : message.length() == 0 ? "the terminal refused the command" : message.toString();
        final int end = event.frameLength();
        while (reader.position() < end)
        {
            final int tag = reader.readByte();
            switch (tag)
            {
                case ResultParts.DEAL: reader.readLong(); break;
                case ResultParts.STATUS:
                    reader.readString(status);
                    reader.readString(errorText);
                    if (!executed && errorText.length() > 0)
                    {
                        failure = message.length() == 0 ? errorText.toString() : message.toString();
                    }
                    break;
                case ResultParts.ACCOUNT: account(reader, op, link, executed); break;
                case ResultParts.DEALS: store(reader, op); break;
                case ResultParts.PAGE:
                    more = reader.readBoolean();
                    nextFrom = reader.readLong();
                    reader.readLong();
                    break;
                case ResultParts.BAD_DEAL:
                    reader.readString(symbol);
                    reader.readString(raw);
                    op.error("deal " + symbol + ": " + raw);
                    break;
                default:
                    return;  // a part this version does not know: what came before it is applied
            }
        }
        if (op.kind == InvestorOp.SYNC && executed && more && nextFrom > 0)
        {
            if (flow.nextPage(executor, op, nextFrom, event))
            {
                return;  // the same operation waits for the next page
            }
            unfinished(op, link, event);
            return;
        }
        finish(op, link, executed, failure, event);
    }

    /**
     * A sync whose next page found no room in the executor command table: it ends here, failed, with what it stored
     * kept; the connection itself is fine (its status stays), and the next sync asks from the last deal stored.
     */
    private void unfinished(final InvestorOp op, final InvestorLink link, final CommandEvent event)
    {
        op.finish(false, "INCOMPLETE", "the executor command table is full (engine.max_executor_commands): the sync stopped after "
            + op.pages + " page(s) with " + op.synced + " deal(s) stored; sync again for the rest");
        if (link != null && link.pendingOp == op.id)
        {
            link.pendingOp = 0;
        }
        event.resultId = op.id;
    }

    private void finish(final InvestorOp op, final InvestorLink link, final boolean executed, final String failure, final CommandEvent event)
    {
        final long now = event.wallMicros();
        switch (op.kind)
        {
            case InvestorOp.CONNECT:
                if (executed)
                {
                    link.status = InvestorLink.CONNECTED;
                    link.errorMessage = null;
                    link.connectedAtMicros = now;
                    op.finish(true, "CONNECTED", "Successfully connected to MT5");
                }
                else
                {
                    link.status = InvestorLink.ERROR;
                    link.errorMessage = failure;
                    link.sealed = null;  // refused: not kept
                    op.finish(false, "ERROR", failure);
                }
                break;
            case InvestorOp.TEST:
                op.finish(executed, executed ? "OK" : "ERROR", executed ? "Connection successful" : failure);
                break;
            default:
                if (executed)
                {
                    link.lastSyncMicros = now;
                    if (link.status == InvestorLink.ERROR && link.sealed != null)
                    {
                        link.status = InvestorLink.CONNECTED;
                        link.errorMessage = null;
                    }
                    op.finish(true, "SYNCED", null);
                }
                else
                {
                    link.status = InvestorLink.ERROR;
                    link.errorMessage = failure;
                    op.finish(false, "ERROR", failure);
                }
        }
        if (link != null && link.pendingOp == op.id)
        {
            link.pendingOp = 0;
        }
        event.resultId = op.id;
    }

    /** accountInfo: kept for a test's answer; a connect shows the terminal's balance and equity on the account. */
    private void account(final BodyReader reader, final InvestorOp op, final InvestorLink link, final boolean executed)
    {
        final int flags = reader.readInt();
        reader.readLong();
        final long balance = reader.readLong();
        final long equity = reader.readLong();
        reader.readString(raw);
        if (raw.length() <= ResultParts.MAX_ACCOUNT_JSON)
        {
            op.accountInfo.putBytes(0, raw.buffer(), raw.offset(), raw.length());
            op.accountInfoLength = raw.length();
        }
        if (executed && op.kind == InvestorOp.CONNECT && link != null)
        {
            final Account account = context.accounts().get(link.accountIndex);
            if ((flags & ResultParts.ACCOUNT_BALANCE) != 0)
            {
                account.balance = Mt5Book.rounded(balance, ReportedMoney.DIGITS);
            }
            if ((flags & ResultParts.ACCOUNT_EQUITY) != 0)
            {
                account.venueEquity = Mt5Book.rounded(equity, ReportedMoney.DIGITS);
            }
        }
    }

    /**
     * One page of deals: each stored once. The next sync starts at the latest exit time stored or skipped, but never
     * past the first deal the full set refused ({@code from} is inclusive), so a refused deal is asked for again (e.g.
     * once the limit is raised) instead of being lost.
     */
    private void store(final BodyReader reader, final InvestorOp op)
    {
        final int count = reader.readInt();
        final Account account = op.accountIndex >= 0 ? context.accounts().get(op.accountIndex) : null;
        final InvestorLink link = op.accountIndex >= 0 ? links[op.accountIndex] : null;
        for (int i = 0; i < count; i++)
        {
            final int flags = reader.readInt();
            deal.ticket = reader.readLong();
            deal.positionId = reader.readLong();
            reader.readString(symbol);
            deal.side = Side.fromCode(reader.readByte());
            deal.volume = reader.readLong();
            deal.entryMicros = (flags & ResultParts.DEAL_ENTRY_TIME) != 0 ? reader.readLong() : skip(reader);
            deal.exitMicros = reader.readLong();
            deal.hasEntryPrice = (flags & ResultParts.DEAL_ENTRY_PRICE) != 0;
            deal.entryPrice = reader.readLong();
            deal.exitPrice = reader.readLong();
            deal.profit = reader.readLong();
            deal.commission = reader.readLong();
            deal.swap = reader.readLong();
            if (account == null || op.kind != InvestorOp.SYNC)
            {
                continue;
            }
            final int stored = deals.store(account, deal, symbol);
            switch (stored)
            {
                case HistoryDeals.STORED: op.synced++; break;
                case HistoryDeals.FULL:
                case HistoryDeals.MARK_LOST:
                case HistoryDeals.INEXACT_VOLUME:
                case HistoryDeals.INEXACT_EXIT_PRICE:
                case HistoryDeals.INEXACT_ENTRY_PRICE:
                case HistoryDeals.INEXACT_MONEY:
                    op.error("deal " + deal.ticket + refusal(stored, account));
                    op.refusedFromMicros = Math.min(op.refusedFromMicros, deal.exitMicros);
                    link.syncedUntilMicros = Math.min(link.syncedUntilMicros, deal.exitMicros);  // a page out of order went past it
                    continue;
                default: op.skipped++;
            }
            if (deal.exitMicros < op.refusedFromMicros)
            {
                link.syncedUntilMicros = Math.max(link.syncedUntilMicros, deal.exitMicros);
            }
        }
    }

    /** Why the deal just read was not stored (an error path: allocates). */
    private String refusal(final int stored, final Account account)
    {
        final Instrument instrument = context.instrumentOf(account, symbol);
        final String finer = ": not stored: its ";
        final String never = ", and rounding it would book what the terminal never traded";
        switch (stored)
        {
            case HistoryDeals.FULL: return ": the synced-deal table is full (executors.max_synced_deals)";
            case HistoryDeals.INEXACT_VOLUME:
                return finer + ReportedDecimals.finer("volume", deal.volume, symbol.toString(), instrument.quantityDigits, true) + never;
            case HistoryDeals.INEXACT_EXIT_PRICE:
                return finer + ReportedDecimals.finer("exitPrice", deal.exitPrice, symbol.toString(), instrument.priceDigits, false) + never;
            case HistoryDeals.INEXACT_ENTRY_PRICE:
                return finer + ReportedDecimals.finer("entryPrice", deal.entryPrice, symbol.toString(), instrument.priceDigits, false) + never;
            case HistoryDeals.INEXACT_MONEY:
                return finer + ReportedMoney.finer(ReportedMoney.finerField(true, deal.profit, true, deal.commission, true, deal.swap),
                    deal.profit, deal.commission, deal.swap) + ", and rounding it would book what the terminal never booked";
            default: return ": not stored: a closed ticket's mark found no room (executors.max_forgotten_tickets), lest a deal be booked twice";
        }
    }

    private static long skip(final BodyReader reader)
    {
        reader.readLong();
        return 0;
    }
}
