package io.ordergate.gateway.streams;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the replies to one socket's requests in the order the client sent them. Some replies are written by the
 * fan-out thread (a snapshot, read through the ring; an {@code unsubscribed}, pushed once the entry is out), others
 * could be written at once by the event loop (a pong, an error): the event loop writes one at once only when nothing it
 * handed the fan-out for this socket is still unanswered, else it hands that reply to the fan-out too ({@link
 * StreamHub#inTurn}).
 *
 * <p>Each piece of work handed to the fan-out takes the socket's next ticket, and the fan-out does them in ticket order.
 * Two ways lead there, each in order: the fan-out's request queue and the ring (a snapshot). A snapshot never has to
 * wait: the fan-out runs its request queue before each snapshot, and the request queue holds everything handed to it
 * before the snapshot's read was published. Queued work can come round before an earlier snapshot, and waits here
 * until that snapshot is done. How much waits is bounded ({@link #reply}).
 *
 * <p>Thread safe where it must be: {@link #reply}, {@link #take}, {@link #giveBack} and {@link #unanswered} on the socket's event loop;
 * {@link #run}, {@link #done} and {@link #clear} on the fan-out thread.
 */
final class ReplyOrder
{
    /** Work that came round before its turn. Immutable. */
    private record Waiting(long ticket, Runnable work)
    {
    }

    private final StreamHub hub;
    private final StreamSocket socket;
    private final int maxUnanswered;
    /** Tickets taken (event loop only). */
    private long taken;
    /** The highest ticket done (written by the fan-out after the work's messages are in the outbox). */
    private final AtomicLong done = new AtomicLong();
    /** In ticket order: a queue hands work on in the order its tickets were taken (fan-out only). */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    ReplyOrder(final StreamHub hub, final StreamSocket socket, final int maxUnanswered)
    {
        this.hub = hub;
        this.socket = socket;
        this.maxUnanswered = maxUnanswered;
    }

    /**
     * A reply to a request, after the replies to the client's earlier requests: at once when the fan-out owes none, else
     * in its turn on the fan-out thread. A client whose replies pile up unanswered ({@code streams.max_queued_messages}:
     * the fan-out is behind) is closed as a slow reader is; one whose reply the fan-out cannot take ({@code
     * streams.max_pending_requests} wait, across all sockets) with 1013 ({@link StreamHub#inTurn}). Event loop.
     */
    void reply(final byte[] body)
    {
        final long unanswered = unanswered();
        if (unanswered == 0)
        {
            socket.push(body);
        }
        else if (unanswered >= maxUnanswered)
        {
            socket.closeTooSlow(maxUnanswered + " messages' answers are owed at once (streams.max_queued_messages)");
        }
        else
        {
            hub.inTurn(socket, null, () -> socket.push(body));
        }
    }

    /** An error in reply to a request, in its turn ({@link #reply}). Event loop. */
    void error(final String code, final String message, final String field)
    {
        reply(StreamMessages.error(code, message, field));
    }

    /**
     * A subscribe or unsubscribe refused: an error naming the subscription, in its turn ({@link #reply}); the socket stays
     * open with what it holds (only an overloaded gateway closes it: {@link StreamHub#inTurn}). Event loop.
     */
    void refuse(final StreamRequest request, final String code, final String message, final String field)
    {
        reply(StreamMessages.subscriptionError(request, code, message, field));
    }

    /** The ticket of the next piece of work handed to the fan-out. Event loop. */
    long take()
    {
        return ++taken;
    }

    /** Gives back the ticket just taken: its work never reached the fan-out (the ring was full). Event loop. */
    void giveBack()
    {
        taken--;
    }

    /** Work handed to the fan-out and not done yet; zero when a reply may be written at once. Event loop. */
    long unanswered()
    {
        return taken - done.get();
    }

    /** Does the work of {@code ticket} now if every earlier ticket is done, else once they are. Fan-out thread. */
    void run(final long ticket, final Runnable work)
    {
        if (ticket != done.get() + 1)
        {
            waiting.add(new Waiting(ticket, work));
            return;
        }
        work.run();
        done(ticket);
    }

    /** The work of {@code ticket} is done (a snapshot's, in ring order): does the work that waited for it. Fan-out thread. */
    void done(final long ticket)
    {
        done.set(Math.max(done.get(), ticket));
        Waiting next;
        while ((next = waiting.peek()) != null && next.ticket() <= done.get() + 1)
        {
            waiting.poll();
            next.work().run();
            done.set(Math.max(done.get(), next.ticket()));
        }
    }

    /** The socket closed: nothing more is written to it, so nothing waits. Fan-out thread. */
    void clear()
    {
        waiting.clear();
    }

    /** Work waiting for an earlier ticket. Fan-out thread. */
    int waiting()
    {
        return waiting.size();
    }
}
