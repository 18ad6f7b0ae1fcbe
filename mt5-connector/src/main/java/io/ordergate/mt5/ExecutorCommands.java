package io.ordergate.mt5;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

import io.ordergate.engine.command.AsciiView;

/**
 * Every executor command the engine remembers, in a circular table of preallocated slots (sequence N lives in slot
 * N mod capacity), plus per executor one intrusive FIFO list of pending commands per priority. Order commands are
 * also found by order id, for their stable ids. <b>Not thread safe</b>: owned by the engine thread.
 *
 * <p>A slot is reused only once its command is settled. A sequence whose slot still holds a pending command is
 * skipped, never handed out: a command that waits for ever (its executor gone for good, nothing times it out) keeps
 * its slot and blocks no other command, on any account. The table is full only when every slot holds a pending
 * command. Sequences stay increasing, so pending lists are still in sequence order; skipping depends only on the
 * table's state, so a replay skips the same ones.
 */
public final class ExecutorCommands
{
    /** The longest wire id: a 4-character prefix, an 18-digit number, {@code _} and an 18-digit epoch. */
    public static final int MAX_ID_LENGTH = 4 + 18 + 1 + 18;
    private static final int MAX_DIGITS = 18;
    private final ExecutorCommand[] slots;
    private final ParameterSlab parameters;
    /** Order id to command sequence; sized for the table, so it never grows. Looked up only, never iterated. */
    private final Long2LongHashMap byOrder;
    private long nextSeq = 1;
    /** Commands allocated and not yet settled, wherever their slots are. */
    private int pending;

    public ExecutorCommands(final int capacity)
    {
        slots = new ExecutorCommand[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new ExecutorCommand(i);
        }
        parameters = new ParameterSlab(capacity);
        byOrder = new Long2LongHashMap(Math.max(8, capacity * 2), 0.6f, 0);
    }

    public long nextSeq()
    {
        return nextSeq;
    }

    /** @return false only when every slot holds a pending command. */
    public boolean canAllocate()
    {
        return pending < slots.length;
    }

    /** Commands allocated and not settled yet, across every executor. */
    public int pendingCount()
    {
        return pending;
    }

    /**
     * Takes the next sequence whose slot holds no pending command, and the slot, now pending; call after
     * {@link #canAllocate}. The skipped sequences are never used. Allocates nothing; amortized one slot per sequence.
     */
    ExecutorCommand allocate()
    {
        if (pending == slots.length)
        {
            throw new IllegalStateException("every executor command slot holds a pending command: check canAllocate first");
        }
        ExecutorCommand command = slots[(int)(nextSeq % slots.length)];
        while (command.isPending())
        {
            command = slots[(int)(++nextSeq % slots.length)];
        }
        final long seq = nextSeq++;
        if (command.orderId != 0 && byOrder.get(command.orderId) == command.seq)
        {
            byOrder.remove(command.orderId);
        }
        command.reset(seq);
        command.status = CommandStatus.PENDING;
        pending++;
        return command;
    }

    /** Settles a pending command: its slot may be taken again. */
    void settle(final ExecutorCommand command, final CommandStatus status)
    {
        if (command.isPending())
        {
            pending--;
        }
        command.status = status;
    }

    /** Keeps {@code length} bytes of {@code source} from {@code offset} as the command's parameters object. */
    void parameters(final ExecutorCommand command, final DirectBuffer source, final int offset, final int length)
    {
        parameters.store(command, source, offset, length);
    }

    void indexOrder(final ExecutorCommand command)
    {
        byOrder.put(command.orderId, command.seq);
    }

    public ExecutorCommand get(final long seq)
    {
        if (seq <= 0 || seq >= nextSeq)
        {
            return null;
        }
        final ExecutorCommand command = slots[(int)(seq % slots.length)];
        return command.seq == seq && command.status != null ? command : null;
    }

    public ExecutorCommand forOrder(final long orderId)
    {
        return get(byOrder.get(orderId));
    }

    /**
     * Finds a command by its wire id ({@code ord_42}, {@code cmd_7}, {@code mod_9}, each with {@code _<start epoch>} after
     * it when it has one: {@code ord_42_3}) without allocating; null if unknown. The epoch must be the command's own: a
     * result for {@code ord_42} of an earlier start is not one for the {@code ord_42_3} of this one.
     */
    public ExecutorCommand find(final AsciiView id)
    {
        if (id.length() < 5 || id.length() > MAX_ID_LENGTH || id.byteAt(3) != '_')
        {
            return null;
        }
        final int epochAt = indexOf(id, '_', 4);
        final int numberEnd = epochAt < 0 ? id.length() : epochAt;
        final long number = digits(id, 4, numberEnd);
        final long epoch = epochAt < 0 ? 0 : digits(id, epochAt + 1, id.length());
        if (number < 0 || epoch < 0 || epochAt >= 0 && epoch == 0)
        {
            return null;
        }
        final ExecutorCommand command;
        if (startsWith(id, ExecutorCommand.ORDER_PREFIX))
        {
            command = forOrder(number);
        }
        else if (startsWith(id, ExecutorCommand.CONTROL_PREFIX) || startsWith(id, ExecutorCommand.MODIFY_PREFIX)
            || startsWith(id, ExecutorCommand.INVESTOR_PREFIX) || startsWith(id, ExecutorCommand.SYNC_PREFIX))
        {
            command = get(number);
        }
        else
        {
            return null;
        }
        return command != null && command.idNumber == number && command.idEpoch == epoch && startsWith(id, command.idPrefix) ? command : null;
    }

    private static int indexOf(final AsciiView id, final char c, final int from)
    {
        for (int i = from; i < id.length(); i++)
        {
            if (id.byteAt(i) == c)
            {
                return i;
            }
        }
        return -1;
    }

    /** The decimal number in [from, to), or -1 if it is empty, has a non-digit or is too long for a long. */
    private static long digits(final AsciiView id, final int from, final int to)
    {
        if (to <= from || to - from > MAX_DIGITS)
        {
            return -1;
        }
        long number = 0;
        for (int i = from; i < to; i++)
        {
            final int digit = id.byteAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            number = number * 10 + digit;
        }
        return number;
    }

    private static boolean startsWith(final AsciiView id, final String prefix)
    {
        for (int i = 0; i < prefix.length(); i++)
        {
            if (id.byteAt(i) != prefix.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    // ---- pending lists: per executor and priority, in arrival order ----

    void addPending(final Executor executor, final ExecutorCommand command)
    {
        final int p = command.priority.ordinal();
        command.prevPending = executor.pendingTail[p];
        command.nextPending = -1;
        if (executor.pendingTail[p] == -1)
        {
            executor.pendingHead[p] = command.slot;
        }
        else
        {
            slots[executor.pendingTail[p]].nextPending = command.slot;
        }
        executor.pendingTail[p] = command.slot;
        executor.pendingCount++;
    }

    void removePending(final Executor executor, final ExecutorCommand command)
    {
        final int p = command.priority.ordinal();
        if (command.prevPending == -1)
        {
            executor.pendingHead[p] = command.nextPending;
        }
        else
        {
            slots[command.prevPending].nextPending = command.nextPending;
        }
        if (command.nextPending == -1)
        {
            executor.pendingTail[p] = command.prevPending;
        }
        else
        {
            slots[command.nextPending].prevPending = command.prevPending;
        }
        command.prevPending = -1;
        command.nextPending = -1;
        executor.pendingCount--;
    }

    /** First pending command of a priority, or null. */
    public ExecutorCommand firstPending(final Executor executor, final CommandPriority priority)
    {
        final int head = executor.pendingHead[priority.ordinal()];
        return head == -1 ? null : slots[head];
    }

    public ExecutorCommand nextPending(final ExecutorCommand command)
    {
        return command.nextPending == -1 ? null : slots[command.nextPending];
    }
}
