package io.ordergate.mt5;

import io.ordergate.engine.command.BodyWriter;

/**
 * The tagged parts a COMMAND_RESULT body may carry after its raw result, read by the gateway from
 * {@code result.details}: each a tag byte and its fields, to the body's end, so a result of a new kind adds parts
 * without changing the bodies already journaled. Stateless: safe from any thread; the writer belongs to the caller.
 *
 * <pre>
 *   DEAL        deal ticket (long)                          the closing deal of a CLOSE_POSITION (partial or whole)
 *   STATUS      status | error message                      CONNECT_INVESTOR, TEST_CONNECTION: CONNECTED or ERROR
 *   ACCOUNT     flags (int, ACCOUNT_*) | login | balance | equity | raw accountInfo object (bytes, at most 1 KiB)
 *   DEALS       count (int), then per deal: flags (int, DEAL_*) | ticket | position id | symbol | side (byte)
 *               | volume | entry time (micros) | exit time (micros) | entry price | exit price | profit
 *               | commission | swap                         SYNC_HISTORY, one page
 *   PAGE        truncated (byte) | next from (micros, 0 when none) | login
 *   BAD_DEAL    ticket text | what is wrong                 a deal of the page the gateway could not read
 * </pre>
 * Decimals at wire digits (8), times as epoch micros.
 */
public final class ResultParts
{
    public static final int DEAL = 1;
    public static final int STATUS = 2;
    public static final int ACCOUNT = 3;
    public static final int DEALS = 4;
    public static final int PAGE = 5;
    public static final int BAD_DEAL = 6;

    public static final int ACCOUNT_LOGIN = 1;
    public static final int ACCOUNT_BALANCE = 1 << 1;
    public static final int ACCOUNT_EQUITY = 1 << 2;

    public static final int DEAL_ENTRY_TIME = 1;
    public static final int DEAL_ENTRY_PRICE = 1 << 1;
    public static final int DEAL_COMMISSION = 1 << 2;
    public static final int DEAL_SWAP = 1 << 3;

    /** The longest accountInfo object kept. */
    public static final int MAX_ACCOUNT_JSON = 1024;
    /** The most deals one SYNC_HISTORY result may carry (a 48 KB page holds about 250). */
    public static final int MAX_DEALS = 1000;

    private ResultParts()
    {
    }

    public static void deal(final BodyWriter writer, final long deal)
    {
        writer.putByte(DEAL).putLong(deal);
    }

    public static void status(final BodyWriter writer, final CharSequence status, final CharSequence errorMessage)
    {
        writer.putByte(STATUS).putString(status).putString(errorMessage);
    }

    public static void account(
        final BodyWriter writer, final int flags, final long login, final long balance, final long equity, final byte[] raw)
    {
        writer.putByte(ACCOUNT).putInt(flags).putLong(login).putLong(balance).putLong(equity).putBytes(raw, 0, raw.length);
    }

    /** Starts the DEALS part; follow with {@code count} {@link #historyDeal}s. */
    public static void deals(final BodyWriter writer, final int count)
    {
        writer.putByte(DEALS).putInt(count);
    }

    public static void historyDeal(
        final BodyWriter writer, final int flags, final long ticket, final long positionId, final CharSequence symbol, final int side,
        final long volume, final long entryMicros, final long exitMicros, final long entryPrice, final long exitPrice, final long profit,
        final long commission, final long swap)
    {
        writer.putInt(flags).putLong(ticket).putLong(positionId).putString(symbol).putByte(side).putLong(volume)
            .putLong(entryMicros).putLong(exitMicros).putLong(entryPrice).putLong(exitPrice).putLong(profit)
            .putLong(commission).putLong(swap);
    }

    public static void page(final BodyWriter writer, final boolean truncated, final long nextFromMicros, final long login)
    {
        writer.putByte(PAGE).putBoolean(truncated).putLong(nextFromMicros).putLong(login);
    }

    public static void badDeal(final BodyWriter writer, final CharSequence ticket, final CharSequence problem)
    {
        writer.putByte(BAD_DEAL).putString(ticket).putString(problem);
    }
}
