package io.ordergate.mt5;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

import io.ordergate.engine.command.AsciiView;

/**
 * Every executor command the engine remembers, in a circular table of preallocated slots (sequence N lives in slot
 * N mod capacity; a slot is reused only once its command is settled), plus per executor one intrusive FIFO list
 * of pending commands per priority. Order commands are also found by order id, for their stable ids.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class ExecutorCommands
{
    private final ExecutorCommand[] slots;
    private final ParameterSlab parameters;
    /** Order id to command sequence; sized for the table, so it never grows. Looked up only, never iterated. */
    private final Long2LongHashMap byOrder;
    private long nextSeq = 1;

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

    /** @return false when the next slot still holds a pending command: the table is full of unsettled commands. */
    public boolean canAllocate()
    {
        final ExecutorCommand previous = slots[(int)(nextSeq % slots.length)];
        return !previous.isPending();
    }

    /** Takes the next sequence and its slot; call after {@link #canAllocate}. */
    ExecutorCommand allocate()
    {
        final long seq = nextSeq++;
        final ExecutorCommand command = slots[(int)(seq % slots.length)];
        if (command.orderId != 0 && byOrder.get(command.orderId) == command.seq)
        {
            byOrder.remove(command.orderId);
        }
        command.reset(seq);
        return command;
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

    /** Finds a command by its wire id ({@code ord_42}, {@code cmd_7}, {@code mod_9}) without allocating; null if unknown. */
    public ExecutorCommand find(final AsciiView id)
    {
        if (id.length() < 5 || id.length() > 24 || id.byteAt(3) != '_')
        {
            return null;
        }
        long number = 0;
        for (int i = 4; i < id.length(); i++)
        {
            final int digit = id.byteAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return null;
            }
            number = number * 10 + digit;
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
        return command != null && command.idNumber == number && startsWith(id, command.idPrefix) ? command : null;
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
