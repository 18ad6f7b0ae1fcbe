package io.ordergate.gateway.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.util.concurrent.EventExecutor;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.change.Changes;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.FanOutListener;

/**
 * The streams' side of the fan-out: follows every command (fan-out thread) and copies what subscribers want into
 * their sockets' outboxes. The engine knows no subscriber: it leaves what each command changed in the event
 * ({@code ChangeSet}), and {@link StateUpdates} reads it there.
 *
 * <p>A subscription to account data, candles or a bot starts with a read through the ring ({@link
 * SubscriptionSnapshots}). Quotes start from this class's own view of the market ({@link LiveMarket}), also in ring
 * order. An account's equity moves with quotes: subscribed accounts are valued again through the ring every {@code
 * streams.account_refresh_millis} while quotes arrive, and
 * sent when their answer differs from the last one sent.
 *
 * <p>Thread safe where it must be: {@link #subscribe}, {@link #unsubscribe}, {@link #inTurn}, {@link #closed} from event loops; the
 * rest on the fan-out thread.
 */
public final class StreamHub implements FanOutListener, io.ordergate.gateway.core.StateBesideEngine
{
    /** A subscribed account valued again (the attachment of its GET_ACCOUNT). Immutable. */
    private record AccountRefresh(String accountId)
    {
    }

    private static final String OVERLOADED = "the gateway is overloaded: reconnect and subscribe again shortly";

    private final StreamSettings settings;
    private final StreamReads reads;
    private final LiveMarket market;
    private final QuoteFanOut fanOut;
    private final Subscriptions subscriptions = new Subscriptions();
    private final FanOutRequests requests;
    private final StreamMessages messages = new StreamMessages();
    private final SubscriptionSnapshots snapshots;
    private final OrderSnapshotSlices orderSlices;
    private final BodyReader reader = new BodyReader();
    private final io.ordergate.engine.command.AsciiView text = new io.ordergate.engine.command.AsciiView();
    private final StateUpdates updates = new StateUpdates(subscriptions);
    private final AtomicLong slowCloses = new AtomicLong();
    private final AtomicLong conflated = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong quotePauses = new AtomicLong();
    /** Each event loop's quote turns, made when its first stream socket opens. */
    private final Map<EventExecutor, PacedDrains> paced = new ConcurrentHashMap<>();
    private final int pacedCapacity;
    private long lastRefreshNanos;
    private Changes valuation;
    private boolean valuing;
    private boolean quotedSinceRefresh;

    public StreamHub(final GatewayConfig config, final CommandPublisher publisher)
    {
        this(config, (type, principal, source, body, attachment) -> publisher.publish(type, principal, source, body, null, attachment));
    }

    StreamHub(final GatewayConfig config, final StreamReads reads)
    {
        this.reads = reads;
        this.settings = StreamSettings.of(config.streams());
        this.market = new LiveMarket(config.instruments());
        this.fanOut = new QuoteFanOut(market, subscriptions, messages);
        this.pacedCapacity = config.server().maxConnections();
        this.requests = new FanOutRequests(settings.maxPendingRequests());
        this.snapshots = new SubscriptionSnapshots(reads, subscriptions, updates, requests);
        this.orderSlices = snapshots.orderSlices();
    }

    /** The engine's change set, told to value accounts only while an account stream is subscribed; before replay. */
    public void accountValuation(final Changes changes)
    {
        this.valuation = changes;
    }

    StreamSettings settings()
    {
        return settings;
    }

    /** Who is subscribed to what (fan-out thread; a test's, to see what the fan-out follows). */
    Subscriptions subscriptions()
    {
        return subscriptions;
    }

    /** True for a symbol the gateway trades. Any thread (the symbol table never changes). */
    boolean knows(final String symbol)
    {
        return market.index(symbol) >= 0;
    }

    /** Sockets closed because they read too slowly, since start-up. */
    public long slowCloses()
    {
        return slowCloses.get();
    }

    void countSlowClose()
    {
        slowCloses.incrementAndGet();
    }

    /** Quote and candle messages replaced unread, since start-up. */
    public long conflated()
    {
        return conflated.get();
    }

    /** Sockets closed (1013) because {@code streams.max_pending_requests} waited for the fan-out already, since start-up. */
    public long requestsRefused()
    {
        return requests.refused();
    }

    void countConflated()
    {
        conflated.incrementAndGet();
    }

    /** Times an event loop paused its quote writing for its other work with sockets still to write, since start-up. */
    public long quotePauses()
    {
        return quotePauses.get();
    }

    /** Stream sockets open now. */
    public long open()
    {
        return open.get();
    }

    void countOpen(final int delta)
    {
        open.addAndGet(delta);
    }

    // ---- from the sockets' event loops ----

    /** The quote turns of a socket's event loop (one per loop, shared by its sockets). */
    PacedDrains pacedDrains(final EventExecutor loop)
    {
        return paced.computeIfAbsent(loop, l -> new PacedDrains(l, pacedCapacity, settings.quoteTurnMicros(), settings.quotePauseMicros(),
            quotePauses::incrementAndGet));
    }

    /** @return null when the subscription is under way, else why it could not be asked for */
    String subscribe(final StreamSocket socket, final StreamRequest request, final long generation)
    {
        if (request.channel() == StreamChannel.QUOTES)
        {
            subscribeQuotes(socket, request, generation);
            return null;
        }
        return snapshots.publish(socket, request, generation);
    }

    void subscribeQuotes(final StreamSocket socket, final StreamRequest request, final long generation)
    {
        inTurn(socket, request, () -> fanOut.start(socket, request, generation));
    }

    /**
     * The client let go of the subscription of {@code generation}: its entry is taken out and {@code reply} pushed on the
     * fan-out thread, which pushes all of its messages, so none follows the reply (from the event loop, a quote checked
     * for just before could overtake it). A newer subscribe's entry of the key stays.
     */
    void unsubscribe(final StreamSocket socket, final StreamRequest request, final long generation, final byte[] reply)
    {
        inTurn(socket, request, () ->
        {
            subscriptions.remove(socket, request.channel(), request.id(), request.key(), generation);
            socket.push(reply);
        });
    }

    /**
     * Does {@code work} for the socket on the fan-out thread, after what it handed over before ({@link ReplyOrder}). When
     * {@code streams.max_pending_requests} wait for the fan-out already, nothing is done: the socket is closed with 1013,
     * for a reply or unsubscribe it could not queue would be lost unsaid, or come out of order, just after an error naming
     * {@code subscription} (the work's, if any) that jumps what it has not taken yet, so even a socket taking no writes
     * learns why ({@link StreamSocket#close(int, String, byte[])}); its client resyncs from snapshots. Event loop.
     */
    void inTurn(final StreamSocket socket, final StreamRequest subscription, final Runnable work)
    {
        final long ticket = socket.replies().take();
        if (!requests.offer(() -> socket.replies().run(ticket, work)))
        {
            socket.replies().giveBack();
            if (socket.isOpen())
            {
                socket.close(StreamSocket.CLOSE_TRY_AGAIN_LATER, OVERLOADED,
                    StreamMessages.subscriptionError(subscription, ResultCode.OVERLOADED.name(), OVERLOADED, null));
            }
        }
    }

    /** Never refused, so a closed socket's subscriptions always go (once per socket: the sockets bound it). */
    void closed(final StreamSocket socket)
    {
        requests.add(() ->
        {
            subscriptions.removeAll(socket);
            socket.replies().clear();
        });
    }

    @Override
    public void wakeWith(final Runnable waker)
    {
        requests.wakeWith(waker);
    }

    // ---- the fan-out thread ----

    @Override
    public void onEvent(final CommandEvent event, final boolean replaying)
    {
        final CommandType type = event.type;
        if (type == null)
        {
            if (!replaying)
            {
                snapshots.answered(event);  // a read whose body could not be written: refused, in turn
            }
            return;
        }
        if (type == CommandType.QUOTES && event.result == ResultCode.ACCEPTED)
        {
            quotes(event, replaying);
        }
        if (replaying)
        {
            return;
        }
        final Object attachment = event.attachment;
        if (snapshots.answered(event))
        {
            return;
        }
        if (attachment instanceof AccountRefresh)
        {
            updates.refreshed(((AccountRefresh)attachment).accountId(), event);
        }
        else if (!event.changes.isEmpty())
        {
            if (subscriptions.hasAccounts())
            {
                updates.changes(event.changes);
            }
            if (orderSlices.gathering())
            {
                orderSlices.changes(event.changes);
            }
        }
        if (type == CommandType.DELETE_ACCOUNT && event.result != null && event.result.isSuccess())
        {
            if (orderSlices.gathering())
            {
                orderSlices.accountDeleted(StateUpdates.deletedAccount(event));
            }
            if (subscriptions.hasAccounts())
            {
                updates.accountDeleted(event);
            }
        }
        if (subscriptions.hasBots() && StateUpdates.isBotCommand(type) && event.result != null && event.result.isSuccess())
        {
            updates.botUpdate(event);
        }
    }

    @Override
    public void onIdle(final long nowNanos)
    {
        requests.runAll();
        orderSlices.publishWaiting();
        final boolean accountsWatched = subscriptions.hasAccountChannel();
        if (valuation != null && accountsWatched != valuing)
        {
            valuing = accountsWatched;
            valuation.valueAccounts(accountsWatched);
        }
        if (!updates.unvalued.isEmpty())  // walking the empty set made an iterator every idle moment
        {
            // an account whose read the ring refused (full) stays, and is asked for again at the next idle moment
            updates.unvalued.removeIf(accountId -> reads.publish(CommandType.GET_ACCOUNT, CommandFrame.PRINCIPAL_SYSTEM,
                CommandFrame.SOURCE_SYSTEM, writer -> CommandBodies.accountId(writer, accountId), new AccountRefresh(accountId)));
        }
        if (quotedSinceRefresh && nowNanos - lastRefreshNanos >= settings.accountRefreshMillis() * 1_000_000L)
        {
            lastRefreshNanos = nowNanos;
            quotedSinceRefresh = false;
            for (final String accountId : subscriptions.accountsWatched())
            {
                reads.publish(CommandType.GET_ACCOUNT, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM,
                    writer -> CommandBodies.accountId(writer, accountId), new AccountRefresh(accountId));
            }
        }
    }

    private void quotes(final CommandEvent event, final boolean replaying)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int count = reader.readInt();
        for (int i = 0; i < count; i++)
        {
            final int index = market.index(reader.readString(text).toString());
            final long bid = reader.readLong();
            final long ask = reader.readLong();
            if (index < 0)
            {
                continue;
            }
            market.quoted(index, bid, ask, event.wallMicros());
            if (!replaying)
            {
                fanOut.quoted(index);
            }
        }
        quotedSinceRefresh = true;
        fanOut.endPass();
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        market.stateRoots(roots);
    }
}
