package io.ordergate.engine.command;

import java.util.List;

/**
 * Encoders of the group, bot and webhook-signal bodies (issue 5), each beside the layout the engine reads back in
 * the same order. Decimals are at {@link NewOrderBody#WIRE_DIGITS}. Safe from any thread (stateless).
 *
 * <pre>
 *   member    = account id | sizing mode (byte, 0 = default multiplier 1) | value (long)
 *               | symbol suffix (string, empty = none) | map count (int) | (gateway symbol | venue symbol)*
 *   signal    = order terms ({@link OrderTerms}) | risk percentage (long)
 * </pre>
 */
public final class GroupBodies
{
    /** Sizing modes, journaled: never renumber. */
    public static final int SIZING_DEFAULT = 0;
    public static final int SIZING_FIXED = 1;
    public static final int SIZING_MULTIPLIER = 2;
    public static final int SIZING_RISK_PERCENT = 3;
    public static final int SIZING_EQUITY_RATIO = 4;

    /** Flags of a signal, beside {@link NewOrderBody}'s HAS_* bits. */
    public static final int HAS_QUANTITY = 1 << 8;
    public static final int HAS_RISK_PERCENT = 1 << 9;
    /** Seed 003's {@code leverage}: with {@code risk_percentage} and no stop, the size takes that percent of equity as
     *  margin at this leverage. The value follows the risk percentage (see {@link #signal}). */
    public static final int HAS_LEVERAGE = 1 << 11;

    /** Bits of the group settings mask (create sets every given field; update only these). */
    public static final int SET_NAME = 1;
    public static final int SET_DESCRIPTION = 1 << 1;
    public static final int SET_MAX_DRAWDOWN = 1 << 2;
    public static final int SET_RISK_LIMIT = 1 << 3;
    public static final int SET_MEMBERS = 1 << 4;
    /** Seed 003's target_monthly_roi: written after the members (see {@link #group}). */
    public static final int SET_TARGET_ROI = 1 << 5;

    /** Bot statuses, journaled. */
    public static final int BOT_ACTIVE = 1;
    public static final int BOT_PAUSED = 2;
    public static final int BOT_STOPPED = 3;

    /** Webhook signal actions, journaled. */
    public static final int ACTION_BUY = 1;
    public static final int ACTION_SELL = 2;
    public static final int ACTION_CLOSE = 3;
    public static final int ACTION_CLOSE_LONG = 4;
    public static final int ACTION_CLOSE_SHORT = 5;
    public static final int ACTION_CLOSE_ALL = 6;

    private GroupBodies()
    {
    }

    /** One member as the gateway decoded it. */
    public record Member(String accountId, int mode, long value, String symbolSuffix, List<String[]> symbolMap)
    {
    }

    public static void member(final BodyWriter writer, final Member member)
    {
        writer.putString(member.accountId()).putByte(member.mode()).putLong(member.value()).putString(member.symbolSuffix());
        final List<String[]> map = member.symbolMap() == null ? List.of() : member.symbolMap();
        writer.putInt(map.size());
        for (final String[] entry : map)
        {
            writer.putString(entry[0]).putString(entry[1]);
        }
    }

    /**
     * CREATE_GROUP and UPDATE_GROUP: group id | mask (int, SET_*) | name | description | max drawdown pct (long)
     * | risk limit pct (long) | member count (int) | members. A zero risk value switches that check off.
     */
    public static void group(
        final BodyWriter writer, final CharSequence groupId, final int mask, final CharSequence name, final CharSequence description,
        final long maxDrawdownPct, final long riskLimitPct, final List<Member> members)
    {
        group(writer, groupId, mask & ~SET_TARGET_ROI, name, description, maxDrawdownPct, riskLimitPct, members, 0);
    }

    /** As above, then the target monthly ROI (percent, wire digits) when the mask has {@link #SET_TARGET_ROI}. */
    public static void group(
        final BodyWriter writer, final CharSequence groupId, final int mask, final CharSequence name, final CharSequence description,
        final long maxDrawdownPct, final long riskLimitPct, final List<Member> members, final long targetMonthlyRoiPct)
    {
        writer.putString(groupId).putInt(mask).putString(name).putString(description).putLong(maxDrawdownPct).putLong(riskLimitPct);
        writer.putInt(members.size());
        for (final Member member : members)
        {
            member(writer, member);
        }
        if ((mask & SET_TARGET_ROI) != 0)
        {
            writer.putLong(targetMonthlyRoiPct);
        }
    }

    /** PAUSE_GROUP, RESUME_GROUP, GET_GROUP: group id. LIST_GROUPS: empty body (every group), or {@link #listPage}. */
    public static void groupId(final BodyWriter writer, final CharSequence groupId)
    {
        writer.putString(groupId);
    }

    /** DELETE_GROUP and DELETE_BOT journaled with no rules byte: the deleted one's ids stayed, a namesake made later inherited them. */
    public static final int DELETE_RULES_KEYS_KEPT = 0;
    /** Now: a deletion retires the client order ids or alert ids its group or bot ran, so a namesake made later starts with none. */
    public static final int DELETE_RULES_KEYS_RETIRED = 1;

    /** DELETE_GROUP or DELETE_BOT: group or bot id | the rules it is decided by (byte, {@link #DELETE_RULES_KEYS_RETIRED} now). */
    public static void delete(final BodyWriter writer, final CharSequence id)
    {
        writer.putString(id).putByte(DELETE_RULES_KEYS_RETIRED);
    }

    /**
     * The rules a DELETE_GROUP or DELETE_BOT body read up to its id is decided by: replayed as it was decided (retiring
     * keys an old deletion kept would run again, on replay, an order or alert then answered as a duplicate).
     */
    public static int deleteRules(final BodyReader reader, final int frameLength)
    {
        return reader.position() < frameLength ? reader.readByte() : DELETE_RULES_KEYS_KEPT;
    }

    /** LIST_GROUPS of seed 003's {@code GET /groups/?offset=&limit=}: offset (int) | limit (int); the answer names both. */
    public static void listPage(final BodyWriter writer, final int offset, final int limit)
    {
        writer.putInt(offset).putInt(limit);
    }

    /** ADD_GROUP_MEMBERS: group id | bulk (byte) | count (int) | members. */
    public static void addMembers(final BodyWriter writer, final CharSequence groupId, final boolean bulk, final List<Member> members)
    {
        writer.putString(groupId).putBoolean(bulk).putInt(members.size());
        for (final Member member : members)
        {
            member(writer, member);
        }
    }

    /** REMOVE_GROUP_MEMBER: group id | account id. */
    public static void removeMember(final BodyWriter writer, final CharSequence groupId, final CharSequence accountId)
    {
        writer.putString(groupId).putString(accountId);
    }

    /** The order part of GROUP_ORDER and WEBHOOK_SIGNAL. */
    public static void signal(
        final BodyWriter writer, final CharSequence symbol, final Side side, final OrderType type, final TimeInForce timeInForce,
        final int flags, final long quantity, final long price, final long stopLoss, final long takeProfit,
        final long stopLossPips, final long takeProfitPips, final long riskPercent)
    {
        signal(writer, symbol, side, type, timeInForce, flags & ~HAS_LEVERAGE, quantity, price, stopLoss, takeProfit, stopLossPips,
            takeProfitPips, riskPercent, 0);
    }

    /**
     * The order part with a leverage: terms | risk percentage (long) [| leverage (long, wire digits) when
     * {@link #HAS_LEVERAGE}: absent in signals journaled before it].
     */
    public static void signal(
        final BodyWriter writer, final CharSequence symbol, final Side side, final OrderType type, final TimeInForce timeInForce,
        final int flags, final long quantity, final long price, final long stopLoss, final long takeProfit,
        final long stopLossPips, final long takeProfitPips, final long riskPercent, final long leverage)
    {
        OrderTerms.encodeTerms(writer, symbol, side, type == null ? OrderType.MARKET : type, timeInForce, flags, quantity, price,
            stopLoss, takeProfit, stopLossPips, takeProfitPips);
        writer.putLong(riskPercent);
        if ((flags & HAS_LEVERAGE) != 0)
        {
            writer.putLong(leverage);
        }
    }

    /** GROUP_ORDER: group id | signal | client order id (string, may be empty). Call {@link #signal} between. */
    public static void groupOrderHead(final BodyWriter writer, final CharSequence groupId)
    {
        writer.putString(groupId);
    }

    /**
     * CREATE_BOT: bot id | name | group id (empty = none) | account count | account ids | secret SHA-256 (bytes)
     * | sealed secret (bytes: the gateway's AES-GCM ciphertext, opaque to the engine). The plaintext is never journaled.
     */
    public static void createBot(
        final BodyWriter writer, final CharSequence botId, final CharSequence name, final CharSequence groupId,
        final List<String> accountIds, final byte[] secretHash, final byte[] sealedSecret)
    {
        writer.putString(botId).putString(name).putString(groupId).putInt(accountIds.size());
        for (final String accountId : accountIds)
        {
            writer.putString(accountId);
        }
        writer.putBytes(secretHash, 0, secretHash.length).putBytes(sealedSecret, 0, sealedSecret.length);
    }

    /**
     * CREATE_BOT's extension, after the sealed secret (absent in commands journaled before it): base name | timeframe
     * (seed 003's, kept and shown).
     */
    public static void createBotTail(final BodyWriter writer, final CharSequence baseName, final CharSequence timeframe)
    {
        writer.putString(baseName).putString(timeframe);
    }

    /** Bits of UPDATE_BOT's mask. */
    public static final int BOT_SET_NAME = 1;
    public static final int BOT_SET_BASE_NAME = 1 << 1;
    public static final int BOT_SET_TIMEFRAME = 1 << 2;
    public static final int BOT_SET_GROUP = 1 << 3;

    /** UPDATE_BOT: bot id | mask (int, BOT_SET_*) | name | base name | timeframe | group id (empty = no group). */
    public static void updateBot(final BodyWriter writer, final CharSequence botId, final int mask, final CharSequence name,
        final CharSequence baseName, final CharSequence timeframe, final CharSequence groupId)
    {
        writer.putString(botId).putInt(mask).putString(name).putString(baseName).putString(timeframe).putString(groupId);
    }

    /** LIST_BOTS and BOT_ACCOUNTS: the answer's shape, when the body has one (seed 003's bare arrays). */
    public static final int SHAPE_NATIVE = 0;
    public static final int SHAPE_SEED = 1;

    public static void listShape(final BodyWriter writer, final int shape)
    {
        writer.putByte(shape);
    }

    /** SET_BOT_STATUS: bot id | status (byte, BOT_*). */
    public static void botStatus(final BodyWriter writer, final CharSequence botId, final int status)
    {
        writer.putString(botId).putByte(status);
    }

    /** BOT_ACCOUNT: bot id | account id | connect (byte; 0 = disconnect). */
    public static void botAccount(final BodyWriter writer, final CharSequence botId, final CharSequence accountId, final boolean connect)
    {
        writer.putString(botId).putString(accountId).putBoolean(connect);
    }

    /** TERMINATE_BOT, GET_BOT: bot id (DELETE_BOT: {@link #delete}). LIST_BOTS: empty body. */
    public static void botId(final BodyWriter writer, final CharSequence botId)
    {
        writer.putString(botId);
    }

    /**
     * WEBHOOK_SIGNAL: bot id | action (byte, ACTION_*) | signal | alert id (string, may be empty) | body hash (long,
     * the gateway's 64-bit digest of the raw alert for de-duplication without an id: keyed under the master key since
     * the body may carry the bot's secret; records written before hold a plain FNV-1a and replay compares them as stored).
     * Call {@link #signalHead}, then {@link #signal}, then {@link #signalTail}.
     */
    public static void signalHead(final BodyWriter writer, final CharSequence botId, final int action)
    {
        writer.putString(botId).putByte(action);
    }

    public static void signalTail(final BodyWriter writer, final CharSequence alertId, final long bodyHash)
    {
        writer.putString(alertId).putLong(bodyHash);
    }

    /** GET_GROUP_ORDER: group order id (long). */
    public static void groupOrderId(final BodyWriter writer, final long groupOrderId)
    {
        writer.putLong(groupOrderId);
    }
}
