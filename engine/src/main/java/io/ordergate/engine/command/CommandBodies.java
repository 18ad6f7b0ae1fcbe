package io.ordergate.engine.command;

/**
 * Encoders for every body except {@link NewOrderBody}, each beside the layout the engine reads back with a
 * {@link BodyReader} in the same order. Decimals are at {@link NewOrderBody#WIRE_DIGITS} unless said otherwise.
 * Safe from any thread (stateless); the writer passed in belongs to the caller.
 */
public final class CommandBodies
{
    /** Flags of {@link #modifyPosition}. */
    public static final int MODIFY_STOP_LOSS = 1;
    public static final int MODIFY_TAKE_PROFIT = 1 << 1;

    /** Bits of {@link #setRisk}'s mask, one per field in this order. */
    public static final int RISK_MAX_ORDER_QUANTITY = 1;
    public static final int RISK_MAX_POSITION_QUANTITY = 1 << 1;
    public static final int RISK_MAX_OPEN_ORDERS = 1 << 2;
    public static final int RISK_MAX_ORDERS_PER_SECOND = 1 << 3;
    public static final int RISK_MAX_NOTIONAL = 1 << 4;
    public static final int RISK_PRICE_COLLAR_PCT = 1 << 5;
    public static final int RISK_MAX_DAILY_LOSS = 1 << 6;
    public static final int RISK_FIELD_COUNT = 7;

    /** Key scopes, journaled: never renumber. */
    public static final int SCOPE_READ = 1;
    public static final int SCOPE_TRADE = 2;
    public static final int SCOPE_ADMIN = 3;

    /** Venue codes of CREATE_ACCOUNT, journaled: {@link io.ordergate.config.VenueKind#code()}. */
    public static final int VENUE_PAPER = io.ordergate.config.VenueKind.PAPER.code();
    public static final int VENUE_MT5 = io.ordergate.config.VenueKind.MT5.code();

    /** Status filter of {@link #listOrders}: any, open (not terminal), or one status (ordinal + 2). */
    public static final int STATUS_ANY = 0;
    public static final int STATUS_OPEN = 1;

    private CommandBodies()
    {
    }

    /**
     * CANCEL_ORDER: order id (long) [| expert id: an expert's cancel, which reaches only the expert's account]. GET_ORDER
     * uses the same body (without the expert).
     */
    public static void orderId(final BodyWriter writer, final long orderId)
    {
        writer.putLong(orderId);
    }

    /** The bytes of CANCEL_ORDER's and CLOSE_POSITION's bodies before their optional expert id. */
    public static final int CANCEL_ORDER_LENGTH = 8;
    public static final int CLOSE_POSITION_LENGTH = 17;

    /** CANCEL_ORDER of an expert's route. */
    public static void expertCancel(final BodyWriter writer, final long orderId, final CharSequence expertId)
    {
        writer.putLong(orderId).putString(expertId);
    }

    /**
     * CLOSE_POSITION: position id (long) | has quantity (byte) | quantity (long) [| expert id: an expert's close, which
     * reaches only the expert's account] [| empty expert id | account id: seed 002's close, which reaches only that account].
     */
    public static void closePosition(final BodyWriter writer, final long positionId, final boolean hasQuantity, final long quantity)
    {
        writer.putLong(positionId).putBoolean(hasQuantity).putLong(quantity);
    }

    /** CLOSE_POSITION of seed 002's route, scoped to its broker connection (an account). */
    public static void accountClose(final BodyWriter writer, final long positionId, final CharSequence accountId)
    {
        expertClose(writer, positionId, "");
        writer.putString(accountId);
    }

    /** CLOSE_POSITION of an expert's route. */
    public static void expertClose(final BodyWriter writer, final long positionId, final CharSequence expertId)
    {
        closePosition(writer, positionId, false, 0);
        writer.putString(expertId);
    }

    /**
     * MODIFY_POSITION: position id (long) | flags (int) | stop loss (long) | take profit (long).
     * A flagged field with value {@link OrderView#NONE} removes that stop.
     */
    public static void modifyPosition(final BodyWriter writer, final long positionId, final int flags, final long stopLoss, final long takeProfit)
    {
        writer.putLong(positionId).putInt(flags).putLong(stopLoss).putLong(takeProfit);
    }

    /** QUOTES: count (int), then per quote symbol (string) | bid (long) | ask (long). */
    public static void quotesHeader(final BodyWriter writer, final int count)
    {
        writer.putInt(count);
    }

    public static void quote(final BodyWriter writer, final CharSequence symbol, final long bid, final long ask)
    {
        writer.putString(symbol).putLong(bid).putLong(ask);
    }

    /** Position modes of CREATE_ACCOUNT, journaled. */
    public static final int POSITION_MODE_NETTING = 0;
    public static final int POSITION_MODE_HEDGING = 1;

    /**
     * CREATE_ACCOUNT: account id | venue (byte) | currency | balance (long, wire digits) | leverage (int)
     * [| position mode (byte, POSITION_MODE_*): absent in commands journaled before it, which are netting]
     * [| fee rate (long, wire digits: a fraction of each paper fill's notional): absent before it, which is 0].
     */
    public static void createAccount(
        final BodyWriter writer, final CharSequence accountId, final int venue, final CharSequence currency, final long balance, final int leverage)
    {
        writer.putString(accountId).putByte(venue).putString(currency).putLong(balance).putInt(leverage);
    }

    public static void createAccount(
        final BodyWriter writer, final CharSequence accountId, final int venue, final CharSequence currency, final long balance, final int leverage,
        final int positionMode)
    {
        createAccount(writer, accountId, venue, currency, balance, leverage);
        writer.putByte(positionMode);
    }

    public static void createAccount(
        final BodyWriter writer, final CharSequence accountId, final int venue, final CharSequence currency, final long balance, final int leverage,
        final int positionMode, final long feeRate)
    {
        createAccount(writer, accountId, venue, currency, balance, leverage, positionMode);
        writer.putLong(feeRate);
    }

    /**
     * SET_RISK: account id | mask (int) | seven longs in the order of the RISK_* bits (wire digits; 0 = no limit).
     * Fields whose bit is clear are left as they were.
     */
    public static void setRisk(final BodyWriter writer, final CharSequence accountId, final int mask, final long[] values)
    {
        writer.putString(accountId).putInt(mask);
        for (int i = 0; i < RISK_FIELD_COUNT; i++)
        {
            writer.putLong(values[i]);
        }
    }

    /** PAUSE_ACCOUNT, RESUME_ACCOUNT, CLOSE_ALL, GET_ACCOUNT, LIST_POSITIONS: account id (empty = every visible). */
    /** LIST_ACCOUNTS: empty (API.md's list), or seed 003's shape: LIST_SHAPE_SEED (byte) | skip (int) | limit (int). */
    public static final int LIST_SHAPE_SEED = 1;

    public static void accountId(final BodyWriter writer, final CharSequence accountId)
    {
        writer.putString(accountId);
    }

    /** GET_ACCOUNT of {@code GET /accounts/{id}}: the account id, then ACCOUNT_SHAPE_SEED (byte): seed 003's envelope too. */
    public static final int ACCOUNT_SHAPE_SEED = 1;

    public static void seedAccount(final BodyWriter writer, final CharSequence accountId)
    {
        writer.putString(accountId).putByte(ACCOUNT_SHAPE_SEED);
    }

    /**
     * CREATE_KEY: api key (string) | secret hash (bytes, SHA-256) | scope (byte) | count (int) | account ids
     * | the rules it is judged by (byte, always {@link #KEY_RULES_FREE_REVOKED} now; see {@link #keyRules}).
     * Only the hash is journaled; the secret itself never leaves the request that made it.
     */
    public static void createKey(
        final BodyWriter writer, final CharSequence apiKey, final byte[] secretHash, final int scope, final java.util.List<String> accountIds)
    {
        writer.putString(apiKey).putBytes(secretHash, 0, secretHash.length).putByte(scope).putInt(accountIds.size());
        for (final String accountId : accountIds)
        {
            writer.putString(accountId);
        }
        writer.putByte(KEY_RULES_FREE_REVOKED);
    }

    /** CREATE_KEY journaled with no rules byte: a user's limit counted every key it made, revoked ones too. */
    public static final int KEY_RULES_EVERY_KEY_MADE = 0;
    /** Then: a user's limit counts its working keys, and max_keys_made_per_user every key it made (revoked ones kept their rows). */
    public static final int KEY_RULES_WORKING_KEYS = 1;
    /** Now: as {@link #KEY_RULES_WORKING_KEYS}, but a revoked key frees its principal's row, so nothing bounds the keys made. */
    public static final int KEY_RULES_FREE_REVOKED = 2;

    /**
     * The rules a CREATE_KEY body read up to its account ids is judged by: a key is replayed by the rules it was decided
     * by (decided otherwise, a key refused then would be made on replay and move every later principal).
     */
    public static int keyRules(final BodyReader reader, final int frameLength)
    {
        return reader.position() < frameLength ? reader.readByte() : KEY_RULES_EVERY_KEY_MADE;
    }

    /** LIST_ORDERS: account id (empty = every visible) | status filter (int) | limit (int). */
    public static void listOrders(final BodyWriter writer, final CharSequence accountId, final int statusFilter, final int limit)
    {
        writer.putString(accountId).putInt(statusFilter).putInt(limit);
    }

    /**
     * LIST_ORDERS read in slices: as {@link #listOrders}, then the slice's cursor (long: 0 for the first, then the
     * {@code next} of the previous slice's answer).
     */
    public static void listOrderSlice(final BodyWriter writer, final CharSequence accountId, final int statusFilter, final int limit,
        final long cursor)
    {
        writer.putString(accountId).putInt(statusFilter).putInt(limit).putLong(cursor);
    }

    /**
     * LIST_POSITIONS read in slices: the account id (empty = every visible), then the slice's cursor (long: the account
     * index to start at, 0 for the first, then the previous slice's next).
     */
    public static void listPositionSlice(final BodyWriter writer, final CharSequence accountId, final long cursor)
    {
        writer.putString(accountId).putLong(cursor);
    }

    /** LIST_TRADES read in slices: as {@link #listTrades}, then the slice's cursor (long: 0, then the previous slice's next). */
    public static void listTradeSlice(final BodyWriter writer, final CharSequence accountId, final int limit, final long cursor)
    {
        writer.putString(accountId).putInt(limit).putLong(cursor);
    }

    /** LIST_TRADES: account id (empty = every visible) | limit (int). */
    public static void listTrades(final BodyWriter writer, final CharSequence accountId, final int limit)
    {
        writer.putString(accountId).putInt(limit);
    }

    /** GET_QUOTE: symbol. */
    public static void symbol(final BodyWriter writer, final CharSequence symbol)
    {
        writer.putString(symbol);
    }
}
