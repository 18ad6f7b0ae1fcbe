package io.ordergate.gateway.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.change.ChangeSet;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.AwaitedRead;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.orders.SliceAnswer;

/**
 * An orders subscription's snapshot (the account's open orders, newest first, at most {@value #SNAPSHOT_ORDERS}),
 * read in slices as {@code GET /api/v1/orders} is: one read of every remembered order (about 73,000) held the engine
 * thread for milliseconds, while a slice writes at most 32 orders and looks at most at 2,048. Each slice's answer
 * comes round to the fan-out, which asks for the next one, so other commands are applied between the slices; the
 * reply stage wakes the fan-out for each ({@link AwaitedRead}), so no slice waits for its next poll.
 *
 * <p><b>Neither lost nor doubled.</b> The subscription's changes are followed from the first slice's place in the ring,
 * and the slices walk the orders by id, newest first: after each slice, every id above its {@code next} was looked
 * at, none below. A change to an order whose id is above it (looked at already, or made since the snapshot began) is
 * not in what was gathered, so its message is held and sent right after the snapshot; a change to an order below it
 * is what a later slice reads (or what lies past the snapshot's end), so its message is not sent. So each order is
 * in the snapshot as it was when its slice read it, and every change after that, and only those, follows it, in ring
 * order. This rather than gathering again whenever the account changed, which an account trading faster than a
 * snapshot is read (a few tens of slices) would never let end. A snapshot is thus not of one instant, but each order
 * in it is, and a client applying the messages after it ends where the account is.
 *
 * <p>{@code "truncated": true} as for one read: once {@value #SNAPSHOT_ORDERS} are gathered, slices of one more tell
 * whether an open order is left out. An account deleted while its snapshot is read refuses it, as a subscribe after
 * the deletion is refused. A slice the ring had no room for is asked for again at the fan-out's next idle moment.
 *
 * <p><b>Not thread safe</b>: the fan-out thread, but for {@link #first}, on the subscribing socket's event loop.
 */
final class OrderSnapshotSlices
{
    static final int SNAPSHOT_ORDERS = 1000;

    /**
     * One subscription's snapshot on its way: the body and attachment of each of its slices, a read the fan-out waits
     * for (the reply stage wakes it for each answer, so the next slice is asked for at once). Fan-out thread once published.
     */
    static final class Gathering implements RequestBody, AwaitedRead
    {
        private final StreamSocket socket;
        private final StreamRequest request;
        private final long generation;
        private final long ticket;
        private final ExpandableArrayBuffer items = new ExpandableArrayBuffer(4096);
        private int itemsLength;
        private int count;
        /** Every order id above it was looked at (0 before the first slice: the next slice starts at the newest). */
        private long lookedAbove;
        private boolean truncated;
        private boolean accountDeleted;
        /** Messages of changes to orders looked at already, to follow the snapshot. */
        private final List<byte[]> after = new ArrayList<>();

        private Gathering(final StreamSocket socket, final StreamRequest request, final long generation, final long ticket)
        {
            this.socket = socket;
            this.request = request;
            this.generation = generation;
            this.ticket = ticket;
        }

        @Override
        public void encode(final BodyWriter writer)
        {
            final int limit = count < SNAPSHOT_ORDERS ? SNAPSHOT_ORDERS - count : 1;
            CommandBodies.listOrderSlice(writer, request.id(), CommandBodies.STATUS_OPEN, limit, lookedAbove);
        }
    }

    private final StreamReads reads;
    private final SubscriptionSnapshots snapshots;
    private final StateUpdates updates;
    /** Gatherings past their first slice, by account: the ones whose account's changes are held or let go. */
    private final Map<String, List<Gathering>> byAccount = new HashMap<>();
    /** Gatherings whose next slice the ring had no room for. */
    private final List<Gathering> unpublished = new ArrayList<>();
    private final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(4096);
    private final JsonWriter json = new JsonWriter();

    OrderSnapshotSlices(final StreamReads reads, final SubscriptionSnapshots snapshots, final StateUpdates updates)
    {
        this.reads = reads;
        this.snapshots = snapshots;
        this.updates = updates;
    }

    /** The first slice's body and attachment. Event loop. */
    static Gathering first(final StreamSocket socket, final StreamRequest request, final long generation, final long ticket)
    {
        return new Gathering(socket, request, generation, ticket);
    }

    /** @return whether the command was a slice of an orders snapshot (then answered here) */
    boolean answered(final CommandEvent event)
    {
        if (!(event.attachment instanceof Gathering))
        {
            return false;
        }
        final Gathering gathering = (Gathering)event.attachment;
        if (!snapshots.wanted(gathering.socket, gathering.request, gathering.generation))
        {
            stop(gathering);
            snapshots.inTurn(gathering.socket, gathering.ticket, () -> { });
        }
        else if (gathering.accountDeleted)
        {
            stop(gathering);
            snapshots.inTurn(gathering.socket, gathering.ticket,
                () -> snapshots.refuse(gathering.socket, gathering.request, gathering.generation, ResultCode.NOT_FOUND, "account not found"));
        }
        else if (event.type == null || event.result != ResultCode.OK || event.outputKind != CommandEvent.OUTPUT_JSON)
        {
            stop(gathering);
            snapshots.inTurn(gathering.socket, gathering.ticket,
                () -> snapshots.refuse(gathering.socket, gathering.request, gathering.generation, event.result, event.resultMessage));
        }
        else if (gathered(gathering, event))
        {
            stop(gathering);
            snapshots.inTurn(gathering.socket, gathering.ticket, () -> start(gathering));
        }
        else if (!publish(gathering))
        {
            unpublished.add(gathering);
        }
        return true;
    }

    /** A command's changes: those to orders a gathering looked at already are held for after its snapshot. */
    void changes(final ChangeSet changes)
    {
        for (int i = 0; i < changes.orderCount(); i++)
        {
            final List<Gathering> gatherings = byAccount.get(changes.order(i).accountId);
            byte[] message = null;
            for (int g = 0; gatherings != null && g < gatherings.size(); g++)
            {
                if (changes.order(i).orderId > gatherings.get(g).lookedAbove)
                {
                    message = message == null ? updates.orderMessage(changes.order(i)) : message;
                    gatherings.get(g).after.add(message);
                }
            }
        }
        for (int i = 0; i < changes.tradeCount(); i++)
        {
            final List<Gathering> gatherings = byAccount.get(changes.trade(i).accountId);
            byte[] message = null;
            for (int g = 0; gatherings != null && g < gatherings.size(); g++)
            {
                if (changes.trade(i).orderId > gatherings.get(g).lookedAbove)
                {
                    message = message == null ? updates.fillMessage(changes.trade(i)) : message;
                    gatherings.get(g).after.add(message);
                }
            }
        }
    }

    /** Whether a snapshot is being read in slices (its account's changes matter here). */
    boolean gathering()
    {
        return !byAccount.isEmpty();
    }

    /** DELETE_ACCOUNT succeeded: the snapshots being read of that account are refused at their next slice. */
    void accountDeleted(final String accountId)
    {
        final List<Gathering> gatherings = byAccount.remove(accountId);
        for (int g = 0; gatherings != null && g < gatherings.size(); g++)
        {
            gatherings.get(g).accountDeleted = true;
        }
    }

    /** The fan-out's idle moment: the slices the ring had no room for are asked for again (a closed socket's are dropped). */
    void publishWaiting()
    {
        if (!unpublished.isEmpty())
        {
            unpublished.removeIf(gathering -> !gathering.socket.isOpen() ? stop(gathering) : publish(gathering));
        }
    }

    /** Adds a slice's answer; true when the snapshot is whole. */
    private boolean gathered(final Gathering gathering, final CommandEvent event)
    {
        final int written = SliceAnswer.written(event.output, event.outputLength);
        if (gathering.count < SNAPSHOT_ORDERS)
        {
            gathering.itemsLength = SliceAnswer.appendItems(event.output, event.outputLength, "orders", gathering.items, gathering.itemsLength);
            gathering.count += written;
        }
        else
        {
            gathering.truncated = written > 0;
        }
        if (gathering.lookedAbove == 0)
        {
            byAccount.computeIfAbsent(gathering.request.id(), id -> new ArrayList<>()).add(gathering);
        }
        gathering.lookedAbove = SliceAnswer.next(event.output, event.outputLength);
        return gathering.lookedAbove == 0 || gathering.truncated;
    }

    private void start(final Gathering gathering)
    {
        final JsonWriter out = json.wrap(snapshot, 0).startObject().name("orders").startArray();
        if (gathering.itemsLength > 0)
        {
            out.raw(gathering.items, 0, gathering.itemsLength);
        }
        out.endArray();
        if (gathering.truncated)
        {
            out.name("truncated").bool(true);  // a client resyncing from the snapshot must know what it lacks (STREAMS.md)
        }
        out.endObject();
        snapshots.start(gathering.socket, gathering.request, gathering.generation, snapshot, json.length());
        for (final byte[] message : gathering.after)
        {
            gathering.socket.push(message);
        }
    }

    private boolean publish(final Gathering gathering)
    {
        return reads.publish(CommandType.LIST_ORDERS, gathering.socket.principal(), CommandFrame.SOURCE_WEBSOCKET, gathering, gathering);
    }

    /** Its account's changes no longer concern it. @return true (so a closed socket's waiting slice is dropped) */
    private boolean stop(final Gathering gathering)
    {
        final List<Gathering> gatherings = byAccount.get(gathering.request.id());
        if (gatherings != null && gatherings.remove(gathering) && gatherings.isEmpty())
        {
            byAccount.remove(gathering.request.id());
        }
        return true;
    }
}
