package io.ordergate.gateway.executors;

import java.util.concurrent.atomic.AtomicLongArray;

import org.agrona.DirectBuffer;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.mt5.CommandQueue;
import io.ordergate.mt5.Mt5Connector;

/**
 * What the gateway itself sent each executor: the commands (by their wire ids) and the tickets they opened, so a
 * result or a trade report about them is told from what an executor sends on its own. Seed 000's rate limits count
 * only the latter: a result for a command the gateway sent is never refused by a limit (an executor that answered
 * 150 orders in a second-and-a-half must not leave 90 of them routed for a minute).
 *
 * <p>The reply stage records every command the engine writes in an event's outbox (the record's JSON begins with
 * its {@code "id"}), on replay too; the event loops read. Direct-mapped tables, each entry {@code number << 16 |
 * executor index + 1}: by sequence for {@code cmd_}/{@code mod_}/{@code inv_}/{@code syn_} ids, by order id for {@code ord_} ids (both
 * numbered in order, so the last {@code capacity} never collide), and by a hash of the ticket. An id's start epoch
 * ({@code _3} in {@code ord_42_3}) is not kept: an executor answering an id of an earlier start whose number the
 * gateway sent again is counted as answering the gateway (this table decides only which results a limit counts). An older entry is
 * overwritten by a newer one: a result for a command older than the last {@code engine.max_executor_commands}
 * counts as the executor's own. A command's entry goes once the engine took a result for it, or refused one for its
 * numbers ({@link #recordAnswer}): a repeat of that result is what the executor sends on its own, counted like it, or an
 * executor repeating one result in a loop would write to the journal without any bound. Thread safe and lock free; allocates nothing.
 */
public final class SentCommands
{
    private static final int INDEX_BITS = 16;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long MAX_NUMBER = Long.MAX_VALUE >>> INDEX_BITS;
    private static final byte[] ID_START = {'{', '"', 'i', 'd', '"', ':', '"'};

    private final AtomicLongArray byOrder;
    private final AtomicLongArray bySequence;
    private final AtomicLongArray tickets;
    private final int mask;
    /** The reply stage's (or the replay's, before it) reader of a result's command id. */
    private final BodyReader resultReader = new BodyReader();
    private final AsciiView resultId = new AsciiView();

    public SentCommands(final int capacity)
    {
        final int size = Integer.highestOneBit(Math.max(64, capacity - 1)) << 1;
        this.mask = size - 1;
        this.byOrder = new AtomicLongArray(size);
        this.bySequence = new AtomicLongArray(size);
        this.tickets = new AtomicLongArray(size);
    }

    /** Reply stage (and replay): records every command in the event's outbox as sent to its executor. */
    void recordOutbox(final CommandEvent event)
    {
        int offset = 0;
        for (int i = 0; i < event.outboxCount; i++)
        {
            final int executorIndex = event.outbox.getInt(offset);
            final int length = event.outbox.getInt(offset + Integer.BYTES);
            sent(executorIndex, event.outbox, offset + CommandQueue.RECORD_HEADER_LENGTH, length);
            offset += CommandQueue.RECORD_HEADER_LENGTH + length;
        }
    }

    /**
     * Reply stage (and replay): a result the engine took (OK: the command was the executor's) answered its command, so
     * the gateway waits for no more results for it. One it refused for its numbers (VALIDATION_ERROR, decided only once
     * the command was found to be the executor's: a price, lots or money finer than the gateway books) leaves the command
     * pending, but its exemption goes too: the executor's corrected result, like any resend of the refused one, then
     * counts under {@code executors.command_limit}, or an executor resending it in a loop would cost a ring command and a
     * journal entry each time without any bound. Order ids and sequences are never reused, so the entry holding the
     * command's number is its own.
     *
     * @return true when the event was a result the engine refused for its numbers (the caller counts it)
     */
    boolean recordAnswer(final CommandEvent event)
    {
        // CONFLICT: the command was for an account deleted since; the engine settled it and booked nothing, so it is answered.
        if (event.type != CommandType.COMMAND_RESULT
            || event.result != ResultCode.OK && event.result != ResultCode.VALIDATION_ERROR && event.result != ResultCode.CONFLICT)
        {
            return false;
        }
        resultReader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        resultReader.readString(resultId);  // the executor's id
        resultReader.readString(resultId);
        if (resultId.length() < 5 || resultId.length() > io.ordergate.mt5.ExecutorCommands.MAX_ID_LENGTH)
        {
            return event.result == ResultCode.VALIDATION_ERROR;
        }
        final AtomicLongArray table = table(resultId.byteAt(0), resultId.byteAt(1), resultId.byteAt(2), resultId.byteAt(3));
        final long number = commandNumber(resultId.buffer(), resultId.offset() + 4, resultId.offset() + resultId.length());
        if (table != null && number >= 0)
        {
            final int slot = (int)(number & mask);
            final long entry = table.get(slot);
            if (entry >>> INDEX_BITS == number)
            {
                table.compareAndSet(slot, entry, 0);
            }
        }
        return event.result == ResultCode.VALIDATION_ERROR;
    }

    private void sent(final int executorIndex, final DirectBuffer json, final int offset, final int length)
    {
        final int idAt = offset + ID_START.length;
        if (length < ID_START.length + 5)
        {
            return;
        }
        for (int i = 0; i < ID_START.length; i++)
        {
            if (json.getByte(offset + i) != ID_START[i])
            {
                return;
            }
        }
        final AtomicLongArray table = table(json.getByte(idAt), json.getByte(idAt + 1), json.getByte(idAt + 2), json.getByte(idAt + 3));
        final long number = commandNumber(json, idAt + 4, offset + length);
        if (table != null && number >= 0)
        {
            put(table, number, executorIndex);
        }
    }

    /**
     * The number in a command id's bytes from {@code from}: its digits up to {@code end}, an {@code _} (the start epoch
     * follows) or a {@code "} (a JSON string's end); -1 when a byte before them is no digit or the number does not fit.
     */
    private static long commandNumber(final DirectBuffer bytes, final int from, final int end)
    {
        long number = 0;
        for (int at = from; at < end && bytes.getByte(at) != '"' && bytes.getByte(at) != '_'; at++)
        {
            final int digit = bytes.getByte(at) - '0';
            if (digit < 0 || digit > 9 || number > MAX_NUMBER / 10)
            {
                return -1;
            }
            number = number * 10 + digit;
        }
        return number;
    }

    /** Event loops: whether the gateway sent this executor the command with this wire id ({@code ord_42}, {@code cmd_7}). */
    public boolean wasSent(final int executorIndex, final CharSequence commandId)
    {
        if (commandId == null || commandId.length() < 5 || commandId.length() > io.ordergate.mt5.ExecutorCommands.MAX_ID_LENGTH)
        {
            return false;
        }
        final AtomicLongArray table = table(commandId.charAt(0), commandId.charAt(1), commandId.charAt(2), commandId.charAt(3));
        long number = 0;
        for (int i = 4; i < commandId.length() && commandId.charAt(i) != '_'; i++)
        {
            final int digit = commandId.charAt(i) - '0';
            if (digit < 0 || digit > 9 || number > MAX_NUMBER / 10)
            {
                return false;
            }
            number = number * 10 + digit;
        }
        return table != null && holds(table, number, executorIndex);
    }

    /** Event loops: a ticket the terminal opened for one of the gateway's commands (a result, or a report with its magic). */
    public void ticketOpened(final int executorIndex, final long ticket)
    {
        if (ticket > 0 && ticket <= MAX_NUMBER)
        {
            tickets.set(ticketSlot(executorIndex, ticket), entry(ticket, executorIndex));
        }
    }

    /**
     * Event loops: whether a trade report is about the gateway's own trading: an open report carrying the gateway's
     * magic number, or any report of a ticket opened for one of its commands.
     */
    public boolean isGatewayTrade(final int executorIndex, final TradeReport trade)
    {
        final boolean magic = (trade.flags() & io.ordergate.mt5.ExecutorBodies.TRADE_MAGIC) != 0 && trade.magic() == Mt5Connector.MAGIC_NUMBER;
        return magic || trade.ticket() > 0 && trade.ticket() <= MAX_NUMBER
            && tickets.get(ticketSlot(executorIndex, trade.ticket())) == entry(trade.ticket(), executorIndex);
    }

    private AtomicLongArray table(final int a, final int b, final int c, final int underscore)
    {
        if (underscore != '_')
        {
            return null;
        }
        if (a == 'o' && b == 'r' && c == 'd')
        {
            return byOrder;
        }
        // cmd_, mod_, inv_ and syn_ ids are all numbered by the one command sequence (ExecutorCommand)
        final boolean bySequenceId = a == 'c' && b == 'm' && c == 'd' || a == 'm' && b == 'o' && c == 'd'
            || a == 'i' && b == 'n' && c == 'v' || a == 's' && b == 'y' && c == 'n';
        return bySequenceId ? bySequence : null;
    }

    private void put(final AtomicLongArray table, final long number, final int executorIndex)
    {
        table.set((int)(number & mask), entry(number, executorIndex));
    }

    private boolean holds(final AtomicLongArray table, final long number, final int executorIndex)
    {
        return table.get((int)(number & mask)) == entry(number, executorIndex);
    }

    private int ticketSlot(final int executorIndex, final long ticket)
    {
        final long mixed = (ticket ^ ((long)executorIndex << 40)) * 0x9E3779B97F4A7C15L;
        return (int)(mixed >>> 32) & mask;
    }

    private static long entry(final long number, final int executorIndex)
    {
        return number << INDEX_BITS | ((executorIndex + 1) & INDEX_MASK);
    }
}
