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
 *
 * <p>A page is bounded by bytes as well as by count: the socket asking for it says how many bytes of frames it may
 * take ({@code pageBytes}, within its {@code executors.max_queued_bytes_per_socket}), so a backlog of large commands
 * (4 KB each: a 256-command page would be 1 MB) cannot push the socket past its own bound. A page holds at least one
 * command, however large, so a replay always moves on.
 * <b>Not thread safe</b>: engine thread; allocates nothing.
 */
final class SyncPages
{
    /** Commands per page at most: about 64 KB of frames of typical size. */
    static final int PAGE = 256;
    /** Frame bytes per page when the request names no bound (a caller other than a socket's replay). */
    static final int DEFAULT_PAGE_BYTES = 64 * 1024;

    private static final CommandPriority[] PRIORITIES = CommandPriority.values();

    /** Where a backlog's replay stands. Reused: the engine thread's one cursor. */
    static final class Cursor
    {
        int priority;
        long after;
        long upTo;
        /** The page's frames (their outbox records) may take this many bytes; one command always goes. */
        int pageBytes = DEFAULT_PAGE_BYTES;
        boolean done;

        Cursor set(final int priority, final long after, final long upTo, final int pageBytes)
        {
            this.priority = priority;
            this.after = after;
            this.upTo = upTo;
            this.pageBytes = pageBytes;
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
        final int pageStart = event.outboxLength;
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
                final int recordStart = event.outboxLength;
                queue.push(event, c);
                if (pushed > 0 && event.outboxLength - pageStart > cursor.pageBytes)
                {
                    event.outboxLength = recordStart;  // taken back: it opens the next page
                    event.outboxCount--;
                    return pushed;
                }
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
