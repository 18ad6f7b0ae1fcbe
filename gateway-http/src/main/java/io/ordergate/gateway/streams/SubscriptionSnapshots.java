package io.ordergate.gateway.streams;

import org.agrona.DirectBuffer;

import io.ordergate.engine.command.CandleBodies;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.AwaitedRead;
import io.ordergate.gateway.json.RequestBody;

/**
 * The read a subscription to account data (orders, positions, account), candles or a bot starts with: published
 * through the ring as the subscriber (so the engine refuses, with the same 404, an account that does not exist and
 * one the caller may not see); when that read comes round to the fan-out, its answer is sent as the snapshot and the
 * subscription starts, so the snapshot and the changes after it never overlap or leave a hole. An orders snapshot is
 * read in slices ({@link OrderSnapshotSlices}), with the same promise.
 *
 * <p>{@link #publish} from the socket's event loop; {@link #answered} on the fan-out thread.
 */
final class SubscriptionSnapshots
{
    /** The read a subscription starts with, travelling the ring as its attachment; the fan-out is woken for its answer. Immutable. */
    private record Snapshot(StreamSocket socket, StreamRequest request, long generation, long ticket) implements AwaitedRead
    {
    }

    private static final int SNAPSHOT_CANDLES = 100;

    private final StreamReads reads;
    private final Subscriptions subscriptions;
    private final StateUpdates updates;
    private final FanOutRequests requests;
    private final StreamMessages messages = new StreamMessages();
    private final OrderSnapshotSlices orderSlices;

    SubscriptionSnapshots(final StreamReads reads, final Subscriptions subscriptions, final StateUpdates updates, final FanOutRequests requests)
    {
        this.reads = reads;
        this.subscriptions = subscriptions;
        this.updates = updates;
        this.requests = requests;
        this.orderSlices = new OrderSnapshotSlices(reads, this, updates);
    }

    /** The orders snapshots being read in slices (the fan-out hands them the changes and idle moments they need). */
    OrderSnapshotSlices orderSlices()
    {
        return orderSlices;
    }

    /** @return null when the read is under way, else why it could not be asked for. Event loop. */
    String publish(final StreamSocket socket, final StreamRequest request, final long generation)
    {
        final String id = request.id();
        final long ticket = socket.replies().take();
        final CommandType type;
        final RequestBody body;
        Object attachment = null;
        switch (request.channel())
        {
            case ORDERS:
                type = CommandType.LIST_ORDERS;
                final OrderSnapshotSlices.Gathering first = OrderSnapshotSlices.first(socket, request, generation, ticket);
                body = first;
                attachment = first;
                break;
            case POSITIONS:
                type = CommandType.LIST_POSITIONS;
                body = writer -> CommandBodies.accountId(writer, id);
                break;
            case ACCOUNT:
                type = CommandType.GET_ACCOUNT;
                body = writer -> CommandBodies.accountId(writer, id);
                break;
            case CANDLES:
                type = CommandType.GET_CANDLES;
                body = writer -> CandleBodies.getCandles(writer, id, request.timeframe().ordinal(), 0, SNAPSHOT_CANDLES);
                break;
            default:
                type = CommandType.GET_BOT;
                body = writer -> GroupBodies.botId(writer, id);
        }
        if (reads.publish(type, socket.principal(), CommandFrame.SOURCE_WEBSOCKET, body,
            attachment != null ? attachment : new Snapshot(socket, request, generation, ticket)))
        {
            return null;
        }
        socket.replies().giveBack();
        return "the gateway is overloaded: subscribe again shortly";
    }

    /**
     * A command came round to the fan-out: when it is a snapshot's read (answered, or refused before the engine, its
     * body unwritable), its answer is sent and the subscription starts. Fan-out thread.
     *
     * @return whether the command was a snapshot's read
     */
    boolean answered(final CommandEvent event)
    {
        if (!(event.attachment instanceof Snapshot))
        {
            return orderSlices.answered(event);
        }
        final Snapshot snapshot = (Snapshot)event.attachment;
        inTurn(snapshot.socket(), snapshot.ticket(), () ->
        {
            if (!wanted(snapshot.socket(), snapshot.request(), snapshot.generation()))
            {
                return;
            }
            if (event.result == null || !event.result.isSuccess() || event.outputKind != CommandEvent.OUTPUT_JSON)
            {
                refuse(snapshot.socket(), snapshot.request(), snapshot.generation(), event.result, event.resultMessage);
                return;
            }
            start(snapshot.socket(), snapshot.request(), snapshot.generation(), event.output, event.outputLength);
        });
        return true;
    }

    /** Does the end of a snapshot's read (sending it or its refusal) in the socket's turn, its ticket done after it. */
    void inTurn(final StreamSocket socket, final long ticket, final Runnable end)
    {
        // What the client's socket handed over before this subscribe is queued by now: its replies go before this snapshot.
        requests.runAll();
        end.run();
        socket.replies().done(ticket);
    }

    /** Whether the snapshot is still wanted: its socket open, the subscribe not let go of since (nor made again). */
    boolean wanted(final StreamSocket socket, final StreamRequest request, final long generation)
    {
        return socket.isOpen() && socket.held().holds(request.key(), generation);
    }

    /** The snapshot's read was refused: an account the caller may not see, or none. */
    void refuse(final StreamSocket socket, final StreamRequest request, final long generation, final ResultCode result, final String message)
    {
        socket.held().release(request.key(), generation);
        if (!socket.held().holds(request.key()))
        {
            // A subscribe again refused: the client holds the key no more, so the first subscription's entry goes too.
            subscriptions.remove(socket, request.channel(), request.id(), request.key(), Subscriptions.ANY_GENERATION);
        }
        socket.push(StreamMessages.snapshotRefused(request, result, message));
    }

    /** The snapshot ({@code data}) is sent and the subscription starts: the changes after this point are its. */
    void start(final StreamSocket socket, final StreamRequest request, final long generation, final DirectBuffer data, final int length)
    {
        socket.push(messages.snapshot(request.channel(), request.id(), data, 0, length));
        if (request.channel() == StreamChannel.ACCOUNT)
        {
            updates.joined(request.id());
        }
        subscriptions.add(new Subscriptions.Entry(socket, request.channel(), request.key(), request.timeframe(), generation), request.id());
    }
}
