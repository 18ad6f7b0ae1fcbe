package io.ordergate.gateway.executors;

import java.util.ArrayList;
import java.util.List;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.NonNumericNumbers;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ReportedMoney;
import io.ordergate.mt5.ResultParts;

/**
 * What a command result's {@code details} says beyond seed 000's ticket, price, lots and profit, written as the
 * COMMAND_RESULT body's tagged parts ({@link ResultParts}): a close's {@code deal}; seed 004's {@code status},
 * {@code errorMessage}, {@code accountInfo} (at most 1 KiB, kept as sent), and a SYNC_HISTORY page's {@code deals},
 * {@code truncated}, {@code nextFrom} and {@code login}. Reused for every result its reader reads ({@link #clear});
 * allocates only for seed 004's parts and history pages. Event loop.
 */
final class ResultDetails
{
    private long deal;
    private String status;
    private String errorMessage;
    private byte[] accountInfo;
    private int accountFlags;
    private long accountLogin;
    private long balance;
    private long equity;
    private List<HistoryDealReader.Deal> deals;
    private final List<HistoryDealReader.BadDeal> bad = new ArrayList<>();
    private boolean page;
    private boolean truncated;
    private long nextFromMicros;
    private long login;
    private final ResultValues values;
    /** A text detail (seed 004's status and error message) as sent, before it is kept as a String. */
    private final AsciiChars words = new AsciiChars(SeedFields.MAX_TEXT);

    /** Reads with the result's {@code values}, which remember an unreadable detail for the result to decide on. */
    ResultDetails(final ResultValues values)
    {
        this.values = values;
    }

    /** Forgets the last result's details. */
    void clear()
    {
        deal = 0;
        status = null;
        errorMessage = null;
        accountInfo = null;
        accountFlags = 0;
        accountLogin = 0;
        balance = 0;
        equity = 0;
        deals = null;
        bad.clear();
        page = false;
        truncated = false;
        nextFromMicros = 0;
        login = 0;
    }

    /** Reads one member of {@code details} the reader stands on (its name given); skips what it does not know. */
    void read(final RequestReader in, final String name) throws BadRequest
    {
        switch (name)
        {
            case "deal": deal = values.ticket(in, name); break;  // 0: MT5's "no deal", as for a ticket
            case "status": status = text(in, name); break;
            case "errorMessage": errorMessage = text(in, name); break;
            case "accountInfo":
                if (values.object(in, name))
                {
                    accountInfo(in);
                }
                break;
            case "deals":
                if (values.array(in, name))
                {
                    deals = new ArrayList<>();
                    HistoryDealReader.read(in, deals, bad);
                    page = true;
                }
                break;
            case "truncated":
                final int sent = values.bool(in, name);
                truncated = sent == 1;
                page |= sent >= 0;
                break;
            case "nextFrom":
                final long micros = values.time(in, name);
                nextFromMicros = micros == ResultValues.NONE ? 0 : micros;
                break;
            case "login":
                final long sentLogin = values.whole(in, name);
                login = sentLogin == ResultValues.NONE ? 0 : sentLogin;
                break;
            default: in.ignore();
        }
    }

    private void accountInfo(final RequestReader in) throws BadRequest
    {
        final int start = in.valueStart();
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            switch (field)
            {
                case "login":
                    final long sentLogin = values.whole(in, field);
                    accountLogin = sentLogin == ResultValues.NONE ? 0 : sentLogin;
                    accountFlags |= sentLogin == ResultValues.NONE ? 0 : ResultParts.ACCOUNT_LOGIN;
                    break;
                case "balance":
                    balance = money(in, field);
                    accountFlags |= balance == ResultValues.NONE ? 0 : ResultParts.ACCOUNT_BALANCE;
                    break;
                case "equity":
                    equity = money(in, field);
                    accountFlags |= equity == ResultValues.NONE ? 0 : ResultParts.ACCOUNT_EQUITY;
                    break;
                default: in.ignore();
            }
        }
        final int end = in.valueEnd(start);
        // answered to clients as sent (a connection test's accountInfo): a NaN in it, which no client's parser reads, as null
        final byte[] sent = end - start <= ResultParts.MAX_ACCOUNT_JSON ? NonNumericNumbers.asNull(in.copy(start, end)) : null;
        accountInfo = sent != null && sent.length <= ResultParts.MAX_ACCOUNT_JSON ? sent : new byte[0];
        balance = balance == ResultValues.NONE ? 0 : balance;
        equity = equity == ResultValues.NONE ? 0 : equity;
    }

    /**
     * An account's balance or equity: one finer than the gateway's money is unreadable (named by field and value, never
     * rounded into the account), so it refuses an executed result and is left out of a failed one.
     */
    private long money(final RequestReader in, final String field) throws BadRequest
    {
        final long value = values.money(in, field);
        if (value != ResultValues.NONE && !ReportedMoney.fits(value))
        {
            values.unreadable(field, ReportedMoney.finer(field, value) + ": not rounded, so the result is refused");
            return ResultValues.NONE;
        }
        return value;
    }

    /** Free text (a string, cut; a number's text), as a String; null when none was sent (an object: no text). */
    private String text(final RequestReader in, final String field) throws BadRequest
    {
        return values.freeText(in, field, words) ? words.toString() : null;
    }

    /** The parts, in a fixed order: the engine applies them as they come. */
    void encode(final BodyWriter writer)
    {
        if (deal != 0)
        {
            ResultParts.deal(writer, deal);
        }
        if (status != null || errorMessage != null)
        {
            ResultParts.status(writer, status == null ? "" : status, errorMessage == null ? "" : errorMessage);
        }
        if (accountInfo != null)
        {
            ResultParts.account(writer, accountFlags, accountLogin, balance, equity, accountInfo);
        }
        if (deals != null)
        {
            ResultParts.deals(writer, deals.size());
            for (final HistoryDealReader.Deal d : deals)
            {
                d.encode(writer);
            }
        }
        for (int i = 0; i < bad.size(); i++)  // no iterator for the usual empty list
        {
            ResultParts.badDeal(writer, bad.get(i).ticket(), bad.get(i).problem());
        }
        if (page)
        {
            ResultParts.page(writer, truncated, Math.max(0, nextFromMicros), login);
        }
    }
}
