package io.ordergate.exchange.venue;

import java.math.BigDecimal;

import io.ordergate.engine.command.BodyWriter;

/**
 * The journaled bodies of the exchange commands, each beside the order the engine reads them back in. Exchange
 * amounts travel as longs at {@link #EXCHANGE_DIGITS} decimals (Binance's precision). Stateless.
 *
 * <pre>
 *   EXCHANGE_CREDENTIALS  account id | testnet (byte) | masked key | sealed key | sealed secret | sealed passphrase ("" = none)
 *   EXCHANGE_REPORT       account id | order id (long) | kind (byte) | status (byte) | cumulative qty (long) |
 *                         cumulative quote (long) | venue order id | code | message | until millis (long)
 *                         [| fee (long) | fee quantity (long): a commission told, in the quote asset, and the filled
 *                         quantity it is for; absent before them, which is none]
 *   EXCHANGE_RECOVER      (empty)
 *   EXCHANGE_BALANCES     account id | count (int) | count x (asset | free (long) | locked (long)) [| kind (byte, BALANCES_*):
 *                         absent in records journaled before it, which are deltas] [| figures (byte, 1) | count x
 *                         (unrealized profit (long) | margin balance (long)): a futures account read's, absent otherwise]
 *                         [| request id (long): a sync read for an EXCHANGE_SYNC_REQUEST, after a figures byte (0 when
 *                         none follow) so that it is never read as one; the engine ignores it, absent before it]
 *                         [| stream session (long) | stream updates (long): the connector's BalanceStreamMark, after the
 *                         figures byte and, on a sync read, a request id (NO_SYNC_REQUEST when none), so that it is the
 *                         last 16 bytes; absent in records journaled before it, which the engine applies unmarked]
 *   EXCHANGE_SYNC_REQUEST account id [| request id (long, never 0): which the balances read for it echo; the engine ignores
 *                         it, absent before it]
 *   EXCHANGE_POSITIONS    account id | read started (long, wall micros) | count (int) | count x (symbol | net amount (long,
 *                         signed) | entry price (long) | mark price (long))
 *   EXCHANGE_CREATE_ACCOUNT  account id | venue (byte) | currency | balance (long, wire digits) | leverage (int) | testnet (byte) |
 *                         masked key | sealed key | sealed secret | sealed passphrase ("" = none) | answer (byte, ANSWER_*)
 *                         [| market (byte, MARKET_*): absent in records journaled before it, which are spot]
 *   EXCHANGE_CREATE_EXPERT   EXCHANGE_CREATE_ACCOUNT's body, market included (the expert answers; its answer byte is
 *                         ANSWER_EXPERT, or ANSWER_ACCOUNT in records journaled before it) |
 *                         CREATE_EXPERT's body (ExpertBodies), naming the same account
 *   EXCHANGE_FUTURES_SETTINGS account id | symbol | leverage (int, 0 = unchanged) | margin mode (byte) | position mode (byte)
 *   EXCHANGE_SETTINGS_REPORT  account id | symbol | leverage (int) | margin mode (byte) | position mode (byte) | applied (byte) |
 *                         code | message
 * </pre>
 */
public final class ExchangeBodies
{
    public static final int EXCHANGE_DIGITS = 8;
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    /** Kinds of EXCHANGE_REPORT, journaled: never renumber. */
    public static final int REPORT_STATE = 1;
    public static final int REPORT_REJECTED = 2;
    public static final int REPORT_UNKNOWN = 3;
    public static final int REPORT_UNAVAILABLE = 4;

    /** Statuses of a REPORT_STATE, journaled: the ordinal of OrderState.Status plus one. */
    public static final int STATUS_NEW = 1;
    public static final int STATUS_PARTIALLY_FILLED = 2;
    public static final int STATUS_FILLED = 3;
    public static final int STATUS_CANCELLED = 4;
    public static final int STATUS_EXPIRED = 5;
    public static final int STATUS_REJECTED = 6;

    /** Kinds of EXCHANGE_BALANCES, journaled: never renumber. */
    public static final int BALANCES_DELTA = 0;
    /** The whole account as the exchange holds it: assets not named are gone. */
    public static final int BALANCES_COMPLETE = 1;
    /** A complete read asked for by sync-balance: the account's balance follows it, and the answer is seed 003's. */
    public static final int BALANCES_SYNC = 2;

    /** The request id of a sync read that answers no EXCHANGE_SYNC_REQUEST (a leader's own route, a record before them). */
    public static final long NO_SYNC_REQUEST = 0;

    /** How EXCHANGE_CREATE_ACCOUNT answers, journaled: the account view, or seed 003's {@code {success, account_id, message}}. */
    public static final int ANSWER_ACCOUNT = 0;
    public static final int ANSWER_SEED_003 = 1;
    /**
     * EXCHANGE_CREATE_EXPERT's (the expert answers): an account its refused expert takes back gives its slot back to the
     * account table. Records journaled before it carry ANSWER_ACCOUNT: their account kept its slot, and replays so.
     */
    public static final int ANSWER_EXPERT = 2;

    /** An exchange account's market, journaled: never renumber. */
    public static final int MARKET_SPOT = 0;
    /** Binance USDⓈ-M futures: orders on /fapi, positions one-way or hedged. */
    public static final int MARKET_FUTURES = 1;

    private ExchangeBodies()
    {
    }

    public static void createAccount(final BodyWriter writer, final String accountId, final int venue, final String currency, final long wireBalance,
        final int leverage, final boolean testnet, final String maskedKey, final String sealedKey, final String sealedSecret,
        final String sealedPassphrase, final int answer)
    {
        createAccount(writer, accountId, venue, currency, wireBalance, leverage, testnet, maskedKey, sealedKey, sealedSecret, sealedPassphrase,
            answer, MARKET_SPOT);
    }

    /** @param market {@link #MARKET_SPOT} or {@link #MARKET_FUTURES} */
    public static void createAccount(final BodyWriter writer, final String accountId, final int venue, final String currency, final long wireBalance,
        final int leverage, final boolean testnet, final String maskedKey, final String sealedKey, final String sealedSecret,
        final String sealedPassphrase, final int answer, final int market)
    {
        writer.putString(accountId).putByte(venue).putString(currency).putLong(wireBalance).putInt(leverage).putBoolean(testnet)
            .putString(maskedKey).putString(sealedKey).putString(sealedSecret).putString(sealedPassphrase == null ? "" : sealedPassphrase)
            .putByte(answer).putByte(market);
    }

    public static void futuresSettings(final BodyWriter writer, final String accountId, final String symbol, final int leverage,
        final int marginMode, final int positionMode)
    {
        writer.putString(accountId).putString(symbol).putInt(leverage).putByte(marginMode).putByte(positionMode);
    }

    public static void settingsReport(final BodyWriter writer, final String accountId, final String symbol, final int leverage,
        final int marginMode, final int positionMode, final boolean applied, final String code, final String message)
    {
        writer.putString(accountId).putString(symbol).putInt(leverage).putByte(marginMode).putByte(positionMode).putBoolean(applied)
            .putString(code == null ? "" : code).putString(message == null ? "" : message);
    }

    /** After the kind: each asset's unrealized profit and margin balance, in the assets' order (a futures account read). */
    public static void balanceFigures(final BodyWriter writer, final long[][] unrealizedAndMargin)
    {
        writer.putByte(1);
        for (final long[] figures : unrealizedAndMargin)
        {
            writer.putLong(figures[0]).putLong(figures[1]);
        }
    }

    public static void positionsHeader(final BodyWriter writer, final String accountId, final long readStartedMicros, final int count)
    {
        writer.putString(accountId).putLong(readStartedMicros).putInt(count);
    }

    public static void position(final BodyWriter writer, final String symbol, final long netAmount, final long entryPrice, final long markPrice)
    {
        writer.putString(symbol).putLong(netAmount).putLong(entryPrice).putLong(markPrice);
    }

    /**
     * Ends an EXCHANGE_POSITIONS body: the symbols the exchange holds both a long and a short in (hedge mode, the other
     * side opened elsewhere), left out of the positions above because one net position per symbol cannot hold them
     * apart: count (int) | symbol... Absent in records journaled before 2026-12-05 (read as none).
     */
    public static void positionsHeldBothSides(final BodyWriter writer, final java.util.Collection<String> symbols)
    {
        writer.putInt(symbols.size());
        for (final String symbol : symbols)
        {
            writer.putString(symbol);
        }
    }

    /** Ends an EXCHANGE_BALANCES body with its kind. */
    public static void balancesKind(final BodyWriter writer, final int kind)
    {
        writer.putByte(kind);
    }

    /**
     * Ends a sync EXCHANGE_BALANCES body with the request id it answers: after a figures byte of 0 when the body has no
     * figures, so that the engine, which reads a byte after the kind as the figures flag, reads none and ignores the id.
     */
    public static void syncRequestId(final BodyWriter writer, final boolean figuresWritten, final long requestId)
    {
        if (!figuresWritten)
        {
            writer.putByte(0);
        }
        writer.putLong(requestId);
    }

    /**
     * Ends an EXCHANGE_BALANCES body with the stream mark the engine orders reads and stream updates by: after a figures
     * byte of 0 when the body has no figures, and on a sync read after its request id, so that it is always last.
     *
     * @param session the stream session's id (never 0); {@code updates} its balance updates counted
     */
    public static void streamMark(final BodyWriter writer, final int kind, final boolean figuresWritten, final long requestId, final long session,
        final long updates)
    {
        if (!figuresWritten)
        {
            writer.putByte(0);
        }
        if (kind == BALANCES_SYNC)
        {
            writer.putLong(requestId);
        }
        writer.putLong(session).putLong(updates);
    }

    public static void credentials(final BodyWriter writer, final String accountId, final boolean testnet, final String maskedKey,
        final String sealedKey, final String sealedSecret, final String sealedPassphrase)
    {
        writer.putString(accountId).putBoolean(testnet).putString(maskedKey).putString(sealedKey).putString(sealedSecret)
            .putString(sealedPassphrase == null ? "" : sealedPassphrase);
    }

    public static void report(final BodyWriter writer, final String accountId, final long orderId, final int kind, final int status,
        final long cumulativeQty, final long cumulativeQuote, final String venueOrderId, final String code, final String message,
        final long untilMillis)
    {
        writer.putString(accountId).putLong(orderId).putByte(kind).putByte(status).putLong(cumulativeQty).putLong(cumulativeQuote)
            .putString(venueOrderId == null ? "" : venueOrderId).putString(code == null ? "" : code)
            .putString(message == null ? "" : message).putLong(untilMillis);
    }

    /** EXCHANGE_REPORT with a commission told (quote asset) and the filled quantity it is for, both at exchange digits. */
    public static void report(final BodyWriter writer, final String accountId, final long orderId, final int kind, final int status,
        final long cumulativeQty, final long cumulativeQuote, final String venueOrderId, final String code, final String message,
        final long untilMillis, final long fee, final long feeQuantity)
    {
        report(writer, accountId, orderId, kind, status, cumulativeQty, cumulativeQuote, venueOrderId, code, message, untilMillis);
        writer.putLong(fee).putLong(feeQuantity);
    }

    public static void balancesHeader(final BodyWriter writer, final String accountId, final int count)
    {
        writer.putString(accountId).putInt(count);
    }

    public static void balance(final BodyWriter writer, final String asset, final long free, final long locked)
    {
        writer.putString(asset).putLong(free).putLong(locked);
    }

    /**
     * An exchange amount as a long at {@link #EXCHANGE_DIGITS}, rounded down past them, held at the long's bounds
     * (92,233,720,368.54775807) beyond them: one dust balance of 100 billion tokens made {@code longValueExact} throw,
     * and the whole balance report (every asset, and sync-balance) was lost with it.
     */
    public static long amount(final BigDecimal value)
    {
        final BigDecimal units = value.movePointRight(EXCHANGE_DIGITS).setScale(0, java.math.RoundingMode.DOWN);
        if (units.compareTo(LONG_MAX) > 0)
        {
            return Long.MAX_VALUE;
        }
        return units.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : units.longValue();
    }
}
