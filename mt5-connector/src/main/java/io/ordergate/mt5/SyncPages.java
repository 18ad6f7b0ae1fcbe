package io.ordergate.mt5;

import io.ordergate.engine.command.CommandEvent;

/**
 * An executor's backlog, pushed a page at a time when its socket (re)connects: the gateway asks for the next page
 * only once the socket has drained the last one, so thousands of pending commands go out at the pace the executor
 * reads them, and the engine spends a bounded time (one page) per request. Commands made after the first page's
 * request are not in any page: they were pushed the moment they were made.
 *
 * <p>A page is the pending commands of one executor with a sequence up to {@code upTo}, by priority then arrival,
 * after the cursor ({@code priority}, {@code after}: the last sequence pushed in that priority). Pending lists are
 * in arrival order, which is sequence order, so the cursor resumes right after its command while that command is
 * still pending, and otherwise skips from the list's head the commands already pushed and still unanswered.
 * <b>Not thread safe</b>: engine thread; allocates nothing.
 */
final class SyncPages
{
    /** Commands per page: about 64 KB of frames. */
    static final int PAGE = 256;

    private static final CommandPriority[] PRIORITIES = CommandPriority.values();

    /** Where a backlog's replay stands. Reused: the engine thread's one cursor. */
    static final class Cursor
    {
        int priority;
        long after;
        long upTo;
        boolean done;

        Cursor set(final int priority, final long after, final long upTo)
        {
            this.priority = priority;
            this.after = after;
            this.upTo = upTo;
            this.done = false;
            return this;
        }
    }

    private final CommandQueue queue;

    SyncPages(final CommandQueue queue)
    {
        this.queue = queue;
    }

    /** Writes the next page into the event's outbox and moves the cursor past it; {@code done} when nothing is left. */
    int push(final Executor executor, final CommandEvent event, final Cursor cursor)
    {
        final ExecutorCommands commands = queue.commands();
        int pushed = 0;
        for (int p = Math.max(0, cursor.priority); p < PRIORITIES.length; p++)
        {
            final long after = p == cursor.priority ? cursor.after : 0;
            for (ExecutorCommand c = resume(commands, executor, p, after); c != null && c.seq <= cursor.upTo; c = commands.nextPending(c))
            {
                if (pushed == PAGE)
                {
                    return pushed;  // the cursor names the last command pushed
                }
                queue.push(event, c);
                pushed++;
                cursor.priority = p;
                cursor.after = c.seq;
            }
        }
        cursor.done = true;
        return pushed;
    }

    private static ExecutorCommand resume(final ExecutorCommands commands, final Executor executor, final int priority, final long after)
    {
        if (after > 0)
        {
            final ExecutorCommand last = commands.get(after);
            if (last != null && last.isPending() && last.executorIndex == executor.index && last.priority.ordinal() == priority)
            {
                return commands.nextPending(last);
            }
        }
        ExecutorCommand c = commands.firstPending(executor, PRIORITIES[priority]);
        while (c != null && c.seq <= after)
        {
            c = commands.nextPending(c);
        }
        return c;
    }
}
