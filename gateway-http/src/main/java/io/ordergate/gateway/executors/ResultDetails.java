package io.ordergate.gateway.executors;

import java.util.ArrayList;
import java.util.List;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;
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
    private final AsciiChars digits = SeedFields.ticketDigits();

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
            case "deal": deal = SeedFields.ticketOrNone(in, name, digits); break;  // 0: MT5's "no deal", as for a ticket
            case "status": status = SeedFields.text(in, name); break;
            case "errorMessage": errorMessage = SeedFields.text(in, name); break;
            case "accountInfo":
                if (in.expectObject(name))
                {
                    accountInfo(in);
                }
                break;
            case "deals":
                if (in.expectArray(name))
                {
                    deals = new ArrayList<>();
                    HistoryDealReader.read(in, deals, bad);
                    page = true;
                }
                break;
            case "truncated": truncated = in.bool(name) == 1; page = true; break;
            case "nextFrom":
                final String text = in.scalarText();
                nextFromMicros = text == null ? 0 : HistoryDealReader.micros(text);
                if (text != null && nextFromMicros == Long.MIN_VALUE)
                {
                    in.fail("nextFrom", "nextFrom must be an ISO-8601 time");
                }
                break;
            case "login": login = SeedFields.whole(in, name); break;
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
                case "login": accountLogin = SeedFields.whole(in, field); accountFlags |= ResultParts.ACCOUNT_LOGIN; break;
                case "balance": balance = SeedFields.money(in, field, "the result"); accountFlags |= ResultParts.ACCOUNT_BALANCE; break;
                case "equity": equity = SeedFields.money(in, field, "the result"); accountFlags |= ResultParts.ACCOUNT_EQUITY; break;
                default: in.ignore();
            }
        }
        final int end = in.valueEnd(start);
        accountInfo = end - start <= ResultParts.MAX_ACCOUNT_JSON ? in.copy(start, end) : new byte[0];
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
