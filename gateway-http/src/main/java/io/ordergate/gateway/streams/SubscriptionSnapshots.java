package io.ordergate.gateway.streams;

import io.ordergate.engine.command.CandleBodies;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.gateway.json.RequestBody;

/**
 * The read a subscription to account data (orders, positions, account), candles or a bot starts with: published
 * through the ring as the subscriber (so the engine refuses, with the same 404, an account that does not exist and
 * one the caller may not see); when that read comes round to the fan-out, its answer is sent as the snapshot and the
 * subscription starts, so the snapshot and the changes after it never overlap or leave a hole.
 *
 * <p>{@link #publish} from the socket's event loop; {@link #answered} on the fan-out thread.
 */
final class SubscriptionSnapshots
{
    /** The read a subscription starts with, travelling the ring as its attachment. Immutable. */
    private record Snapshot(StreamSocket socket, StreamRequest request, long generation, long ticket)
    {
    }

    private static final int SNAPSHOT_ORDERS = 1000;
    private static final int SNAPSHOT_CANDLES = 100;

    private final StreamReads reads;
    private final Subscriptions subscriptions;
    private final StateUpdates updates;
    private final FanOutRequests requests;
    private final StreamMessages messages = new StreamMessages();

    SubscriptionSnapshots(final StreamReads reads, final Subscriptions subscriptions, final StateUpdates updates, final FanOutRequests requests)
    {
        this.reads = reads;
        this.subscriptions = subscriptions;
        this.updates = updates;
        this.requests = requests;
    }

    /** @return null when the read is under way, else why it could not be asked for. Event loop. */
    String publish(final StreamSocket socket, final StreamRequest request, final long generation)
    {
        final String id = request.id();
        final CommandType type;
        final RequestBody body;
        switch (request.channel())
        {
            case ORDERS:
                type = CommandType.LIST_ORDERS;
                body = writer -> CommandBodies.listOrders(writer, id, CommandBodies.STATUS_OPEN, SNAPSHOT_ORDERS);
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
        if (reads.publish(type, socket.principal(), CommandFrame.SOURCE_WEBSOCKET, body, new Snapshot(socket, request, generation, socket.replies().take())))
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
            return false;
        }
        final Snapshot snapshot = (Snapshot)event.attachment;
        // What the client's socket handed over before this subscribe is queued by now: its replies go before this snapshot.
        requests.runAll();
        snapshotInTurn(snapshot, event);
        snapshot.socket().replies().done(snapshot.ticket());
        return true;
    }

    private void snapshotInTurn(final Snapshot snapshot, final CommandEvent event)
    {
        final StreamSocket socket = snapshot.socket();
        final StreamRequest request = snapshot.request();
        if (!socket.isOpen() || !socket.held().holds(request.key(), snapshot.generation()))
        {
            return;
        }
        if (event.result == null || !event.result.isSuccess() || event.outputKind != CommandEvent.OUTPUT_JSON)
        {
            socket.held().release(request.key(), snapshot.generation());  // refused: an account the caller may not see, or none
            if (!socket.held().holds(request.key()))
            {
                // A subscribe again refused: the client holds the key no more, so the first subscription's entry goes too.
                subscriptions.remove(socket, request.channel(), request.id(), request.key(), Subscriptions.ANY_GENERATION);
            }
            socket.push(StreamMessages.snapshotRefused(request, event.result, event.resultMessage));
            return;
        }
        socket.push(messages.snapshot(request.channel(), request.id(), event.output, 0, event.outputLength));
        if (request.channel() == StreamChannel.ACCOUNT)
        {
            updates.joined(request.id());
        }
        subscriptions.add(new Subscriptions.Entry(socket, request.channel(), request.key(), request.timeframe(), snapshot.generation()), request.id());
    }
}
