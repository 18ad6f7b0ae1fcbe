package io.ordergate.mt5;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One command for an executor, in a reusable slot of {@link ExecutorCommands}. Its id is {@code ord_<orderId>}
 * for a command made for an order (stable across restarts, so a re-delivered command has the id the terminal has
 * seen), else {@code cmd_<seq>}, {@code mod_<seq>}, {@code inv_<seq>} or {@code syn_<seq>} by its kind; then
 * {@code _<start epoch>} when it has one ({@link #idEpoch}): order ids and sequences are given again after a lost
 * journal tail, the epoch is not. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class ExecutorCommand
{
    public static final String ORDER_PREFIX = "ord_";
    public static final String CONTROL_PREFIX = "cmd_";
    public static final String MODIFY_PREFIX = "mod_";
    /** seed 004's connect, test and disconnect. */
    public static final String INVESTOR_PREFIX = "inv_";
    /** seed 004's SYNC_HISTORY pages. */
    public static final String SYNC_PREFIX = "syn_";
    public static final long NONE = Long.MIN_VALUE;

    final int slot;

    public long seq;
    public String idPrefix;
    public long idNumber;
    /**
     * The start epoch of the id (its order's for an order's command, else the one the command was made in), written
     * after the number as {@code _<epoch>}; 0 (nothing written) for commands made before start epochs.
     */
    public long idEpoch;
    public int executorIndex;
    public ExecutorCommandType type;
    public CommandPriority priority;
    public CommandStatus status;
    public long createdAtMicros;
    public long executedAtMicros;
    /** The order this command executes, or 0. */
    public long orderId;
    /** The MT5 ticket it acts on (close, modify), or 0. */
    public long ticket;
    /** Requested stops of a MODIFY_POSITION at wire digits, {@link #NONE} for "remove", or unchanged per flags. */
    public int modifyFlags;
    public long stopLoss = NONE;
    public long takeProfit = NONE;
    /** Lots of a partial CLOSE_POSITION at wire digits, or {@link #NONE} for the whole position. */
    public long lots = NONE;
    /**
     * The deal a partial CLOSE_POSITION's trade report named while the command waited (the report came first), or 0:
     * its result, if it carries no deal, is that deal's repeat ({@link DealLessParts}). Not in the state digest: a new
     * term would make every old checkpoint differ; it follows from the journal like the rest.
     */
    public long partDeal;
    /** A MODIFY_POSITION of a stop loss the user gave (PATCH): once executed, the ticket's trailing stop ends. */
    public boolean endsTrailing;

    /**
     * The parameters object, rendered once when the command is made: {@link #parametersLength} bytes at
     * {@link #parametersOffset} of this slot's region in {@link ParameterSlab} or, for one longer than a region (a
     * large admin command), of {@link #ownParameters}.
     */
    public DirectBuffer parameters;
    public int parametersOffset;
    public int parametersLength;
    /** Null until the slot's first command whose parameters do not fit its region; then kept for the next one. */
    UnsafeBuffer ownParameters;
    public String resultMessage;
    /** The seed-004 operation this command serves, or 0. */
    public long opId;
    /**
     * The investor password as a marker, {@code og-sealed:<context>|<sealed text>} ({@link CommandQueue#SEALED_MARKER}):
     * the gateway opens it on its way to the executor, so the engine and the journal never hold the plain password.
     * Null for commands that carry none, and once the command is settled.
     */
    public String sealed;

    int prevPending = -1;
    int nextPending = -1;

    ExecutorCommand(final int slot)
    {
        this.slot = slot;
    }

    void reset(final long seq)
    {
        this.seq = seq;
        idPrefix = null;
        idNumber = 0;
        idEpoch = 0;
        executorIndex = -1;
        type = null;
        priority = null;
        status = null;
        createdAtMicros = 0;
        executedAtMicros = 0;
        orderId = 0;
        ticket = 0;
        modifyFlags = 0;
        stopLoss = NONE;
        takeProfit = NONE;
        lots = NONE;
        partDeal = 0;
        endsTrailing = false;
        parameters = null;
        parametersOffset = 0;
        parametersLength = 0;
        resultMessage = null;
        opId = 0;
        sealed = null;
        prevPending = -1;
        nextPending = -1;
    }

    public boolean isPending()
    {
        return status == CommandStatus.PENDING;
    }
}
