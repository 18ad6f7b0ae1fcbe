package io.ordergate.gateway.streams;

import io.netty.buffer.ByteBuf;

import io.ordergate.gateway.json.RequestReader;

/**
 * What the client of one stream socket asks in its text frames, read and acted on: each message is counted against
 * {@code streams.messages_per_second}, decoded strictly ({@link StreamRequest}) and done (a subscribe, an unsubscribe, a
 * ping), and every answer goes out in the order the messages came ({@link ReplyOrder}). A price socket takes no
 * messages. <b>Not thread safe</b>: the socket's event loop only.
 */
final class ClientRequests
{
    private final StreamHub hub;
    private final StreamSocket socket;
    private final HeldSubscriptions held;
    private final ReplyOrder replies;
    private final RequestReader reader = new RequestReader();
    private final InboundLimit limit;

    ClientRequests(final StreamHub hub, final StreamSocket socket, final StreamSettings settings)
    {
        this.hub = hub;
        this.socket = socket;
        this.held = socket.held();
        this.replies = socket.replies();
        this.limit = new InboundLimit(settings.messagesPerSecond());
    }

    /** One text frame's message (already within {@code streams.max_frame_bytes}). */
    void read(final ByteBuf content)
    {
        if (socket.isPriceSocket())
        {
            replies.error("VALIDATION_ERROR", "a price socket takes no messages", null);
            return;
        }
        if (!limit.tryAcquire(System.nanoTime()))
        {
            replies.error("RATE_LIMIT_EXCEEDED", "more than " + limit.perSecond() + " messages per second", null);
            return;
        }
        final byte[] body = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), body);
        final StreamRequest request;
        try
        {
            request = StreamRequest.parse(reader, body, body.length);
        }
        catch (final UnreadableRequest bad)
        {
            replies.reply(StreamMessages.unreadable(bad));
            return;
        }
        switch (request.type())
        {
            case PING:
                replies.reply(StreamMessages.pong());
                return;
            case PONG:
                return;
            case UNSUBSCRIBE:
                if (!socket.end(request, StreamMessages.unsubscribed(request)))
                {
                    replies.refuse(request, "NOT_FOUND", "no such subscription on this socket", request.channel() == StreamChannel.BOT ? "bot_id" : "channel");
                }
                return;
            default:
                subscribe(request);
        }
    }

    private void subscribe(final StreamRequest request)
    {
        if (!held.holds(request.key()) && held.size() >= hub.settings().maxSubscriptionsPerSocket())
        {
            replies.refuse(request, "VALIDATION_ERROR", "at most " + hub.settings().maxSubscriptionsPerSocket() + " subscriptions per socket", null);
            return;
        }
        final Long before = held.generation(request.key());
        final String refused = hub.subscribe(socket, request, held.hold(request.key()));
        if (refused != null)
        {
            held.restore(request.key(), before);  // a refused subscribe again leaves the one held (none: removed)
            replies.refuse(request, "OVERLOADED", refused, null);
        }
    }
}
