package io.ordergate.mt5;

import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;

/**
 * Encoders of the executor command bodies, each beside its layout; the flows read them back in the same order.
 * Decimals are at {@code NewOrderBody.WIRE_DIGITS} (8). Tickets are MT5's numeric ticket as a long.
 * Stateless: safe from any thread; the writer belongs to the caller.
 */
public final class ExecutorBodies
{
    /** Longest raw JSON kept from a heartbeat's metadata or a result (bytes); longer is cut off, not kept. */
    public static final int MAX_RAW_JSON = 4096;

    public static final int STATUS_EXECUTED = 1;
    public static final int STATUS_FAILED = 2;

    public static final int HEARTBEAT_BALANCE = 1;
    public static final int HEARTBEAT_EQUITY = 1 << 1;
    public static final int HEARTBEAT_OPEN_POSITIONS = 1 << 2;

    public static final int RESULT_SUCCESS = 1;
    public static final int RESULT_TICKET = 1 << 1;
    public static final int RESULT_PRICE = 1 << 2;
    public static final int RESULT_LOTS = 1 << 3;
    public static final int RESULT_PROFIT = 1 << 4;

    public static final int TRADE_OPEN = 1;
    public static final int TRADE_CLOSE = 2;
    /** A partial close ({@code closedLots} with its deal): the position shrinks, its money is booked once. */
    public static final int TRADE_PARTIAL = 3;

    public static final int TRADE_LOTS = 1;
    public static final int TRADE_OPEN_PRICE = 1 << 1;
    public static final int TRADE_STOP_LOSS = 1 << 2;
    public static final int TRADE_TAKE_PROFIT = 1 << 3;
    public static final int TRADE_CLOSE_PRICE = 1 << 4;
    public static final int TRADE_COMMISSION = 1 << 5;
    public static final int TRADE_SWAP = 1 << 6;
    public static final int TRADE_PROFIT = 1 << 7;
    public static final int TRADE_MAGIC = 1 << 8;

    private ExecutorBodies()
    {
    }

    /**
     * CREATE_EXECUTOR: executor id | name | platform | account id | api key | secret hash (bytes, SHA-256).
     * Only the hash is journaled; the gateway's key registry is rebuilt from it on replay.
     */
    public static void createExecutor(
        final BodyWriter writer, final String executorId, final String name, final String platform, final String accountId,
        final String apiKey, final byte[] secretHash)
    {
        writer.putString(executorId).putString(name).putString(platform).putString(accountId).putString(apiKey)
            .putBytes(secretHash, 0, secretHash.length);
    }

    /**
     * EXECUTOR_HEARTBEAT: executor id | status | flags (int, HEARTBEAT_*) | balance (long) | equity (long)
     * | open positions (long) | metadata (bytes: the raw JSON object, empty when none).
     */
    public static void heartbeat(
        final BodyWriter writer, final CharSequence executorId, final CharSequence status, final int flags,
        final long balance, final long equity, final long openPositions, final byte[] metadata, final int metadataLength)
    {
        writer.putString(executorId).putString(status).putInt(flags).putLong(balance).putLong(equity).putLong(openPositions)
            .putBytes(metadata, 0, metadataLength);
    }

    /** EXECUTOR_COMMAND (admin): executor id | command (byte) | priority (byte ordinal) | parameters (bytes: raw JSON object). */
    public static void executorCommand(
        final BodyWriter writer, final CharSequence executorId, final ExecutorCommandType command, final CommandPriority priority,
        final byte[] parameters, final int parametersLength)
    {
        writer.putString(executorId).putByte(command.code()).putByte(priority.ordinal()).putBytes(parameters, 0, parametersLength);
    }

    /**
     * COMMAND_RESULT: executor id | command id | status (byte, STATUS_*) | flags (int, RESULT_*) | ticket | price
     * | lots | profit | message | result (bytes: the raw result object, empty when too long or absent)
     * | then, to the body's end, tagged parts read from {@code result.details} ({@link ResultParts}; none in a journal
     * from before issue 14).
     */
    public static void commandResult(
        final BodyWriter writer, final CharSequence executorId, final CharSequence commandId, final int status, final int flags,
        final long ticket, final long price, final long lots, final long profit, final CharSequence message,
        final byte[] result, final int resultOffset, final int resultLength)
    {
        writer.putString(executorId).putString(commandId).putByte(status).putInt(flags)
            .putLong(ticket).putLong(price).putLong(lots).putLong(profit).putString(message).putBytes(result, resultOffset, resultLength);
    }

    /**
     * TRADE_REPORT: executor id | kind (byte, TRADE_OPEN/TRADE_CLOSE/TRADE_PARTIAL) | flags (int, TRADE_*) | ticket
     * | symbol | side (byte, Side code, 0 when absent) | lots | open price | stop loss | take profit | magic
     * | close price | commission | swap | profit | comment | closed lots | deal ticket. The last two were added for
     * partial closes (issue 14): a journal from before ends at the comment, and is read as 0 and 0. Then the rules the
     * report is judged by (byte, always {@link #REPORT_RULES_TERMINAL_TIME} now; see {@link #reportRules}) and the
     * terminal's time of the report's deal (long, epoch micros: an open report's {@code openTime}, a close's or a
     * partial close's {@code closeTime}; 0 when none was sent or it could not be read), which a journal of older rules
     * lacks ({@link #terminalTime}).
     */
    public static void tradeReport(
        final BodyWriter writer, final CharSequence executorId, final int kind, final int flags, final long ticket,
        final CharSequence symbol, final int side, final long lots, final long openPrice, final long stopLoss,
        final long takeProfit, final long magic, final long closePrice, final long commission, final long swap,
        final long profit, final CharSequence comment, final long closedLots, final long deal, final long terminalMicros)
    {
        writer.putString(executorId).putByte(kind).putInt(flags).putLong(ticket).putString(symbol).putByte(side)
            .putLong(lots).putLong(openPrice).putLong(stopLoss).putLong(takeProfit).putLong(magic)
            .putLong(closePrice).putLong(commission).putLong(swap).putLong(profit).putString(comment)
            .putLong(closedLots).putLong(deal).putByte(REPORT_RULES_TERMINAL_TIME).putLong(terminalMicros);
    }

    /** A TRADE_REPORT that sent no time of its own: its records take the time it reached the gateway. */
    public static void tradeReport(
        final BodyWriter writer, final CharSequence executorId, final int kind, final int flags, final long ticket,
        final CharSequence symbol, final int side, final long lots, final long openPrice, final long stopLoss,
        final long takeProfit, final long magic, final long closePrice, final long commission, final long swap,
        final long profit, final CharSequence comment, final long closedLots, final long deal)
    {
        tradeReport(writer, executorId, kind, flags, ticket, symbol, side, lots, openPrice, stopLoss, takeProfit, magic, closePrice,
            commission, swap, profit, comment, closedLots, deal, 0);
    }

    /** A journal from before: a partial-close report is booked even when a result booked its part without a deal. */
    static final int REPORT_RULES_BOOKS_EVERY_PART = 0;
    /** Now: a partial-close report and a deal-less result of the same part are paired and booked once ({@link DealLessParts}). */
    static final int REPORT_RULES_PAIRS_PARTS = 1;
    /**
     * Now: as {@link #REPORT_RULES_PAIRS_PARTS}, and the body ends with the terminal's time of the deal, which the
     * ticket's records show instead of the report's arrival. A journal from before has no time and replays as decided then.
     */
    static final int REPORT_RULES_TERMINAL_TIME = 2;

    /** The rules byte of a TRADE_REPORT read up to its deal ticket; a journal from before has none. */
    static int reportRules(final BodyReader reader, final int frameLength)
    {
        return reader.position() < frameLength ? reader.readByte() : REPORT_RULES_BOOKS_EVERY_PART;
    }

    /**
     * The terminal's time of a TRADE_REPORT's deal (epoch micros) read after its rules byte, or 0 when it sent none
     * (nor could one be read), and always for a body journaled under older rules, which had no time.
     */
    static long terminalTime(final BodyReader reader, final int frameLength, final int rules)
    {
        final long micros = rules >= REPORT_RULES_TERMINAL_TIME && reader.position() + Long.BYTES <= frameLength ? reader.readLong() : 0;
        return Math.max(micros, 0);
    }

    /** The bytes of a sync request's cursor: priority (byte), after (long), up to (long). */
    public static final int SYNC_CURSOR_LENGTH = 1 + 2 * Long.BYTES;

    /**
     * EXECUTOR_SYNC's first page (not journaled): executor id | page bytes (int), the most bytes of frames one page may
     * take (the socket's share of its queued-bytes bound).
     */
    public static void syncFirstPage(final BodyWriter writer, final CharSequence executorId, final int pageBytes)
    {
        writer.putString(executorId).putInt(pageBytes);
    }

    /**
     * EXECUTOR_SYNC after the first page (not journaled): executor id | priority (byte) | after (long) | up to (long)
     * | page bytes (int), the cursor the previous page's answer gave and the page's bound in bytes.
     */
    public static void syncPage(final BodyWriter writer, final CharSequence executorId, final int priority, final long after, final long upTo,
        final int pageBytes)
    {
        writer.putString(executorId).putByte(priority).putLong(after).putLong(upTo).putInt(pageBytes);
    }

    /** GET_EXECUTOR, EXECUTOR_SYNC (its first page): executor id. LIST_EXECUTORS and RECOVER_ROUTED have an empty body. */
    public static void executorId(final BodyWriter writer, final CharSequence executorId)
    {
        writer.putString(executorId);
    }
}
