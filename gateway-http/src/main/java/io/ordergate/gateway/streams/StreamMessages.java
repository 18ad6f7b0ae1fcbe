package io.ordergate.gateway.streams;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.netty.buffer.ByteBuf;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * The messages a stream socket sends, as JSON objects without their {@code seq} (the socket puts it first when it
 * writes them). Each is rendered once and shared by every socket it goes to. Envelopes (API.md): {@code {"type":
 * "order"|"position"|"account"|"quote"|"candle", "data"}}, seed 003's {@code {"type": "bot_update", "bot_id",
 * "data", "timestamp"}}, a subscription's first message {@code {"type": "snapshot", "channel", "account_id"|"symbol"|
 * "bot_id", "data"}}, {@code {"type": "unsubscribed", ...}} and {@code {"type": "error", "error": {"code", "message",
 * "field"?}}} (with the subscription's {@code channel} and id when it is about one: {@link #subscriptionError}, or as far
 * as they could be read from a message that could not be: {@link #unreadable}).
 * <b>Not thread safe</b>: one instance per thread; the static helpers allocate their own writer.
 */
final class StreamMessages
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
    private final JsonWriter json = new JsonWriter();

    /** Starts {@code {"type": type, "data": } and returns the writer positioned for the data value. */
    JsonWriter begin(final String type)
    {
        return json.wrap(buffer, 0).startObject().name("type").string(type).name("data");
    }

    /** Starts an envelope with more fields before the data: call {@link JsonWriter#name} for each, then "data". */
    JsonWriter beginWithout(final String type)
    {
        return json.wrap(buffer, 0).startObject().name("type").string(type);
    }

    /** Closes the envelope and copies it out. */
    byte[] end()
    {
        json.endObject();
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /** Closes the envelope into a pooled buffer shared by user sockets (without its opening brace: {@link SharedFrames}). */
    ByteBuf endShared()
    {
        json.endObject();
        return SharedFrames.afterBrace(buffer, json.length());
    }

    /** What the writer holds (a bare object: a price socket's quote) as a whole frame shared by price sockets. */
    ByteBuf bareFrame()
    {
        return SharedFrames.wholeFrame(buffer, json.length());
    }

    /** The data of a read the engine answered, as a snapshot. */
    byte[] snapshot(final StreamChannel channel, final String id, final DirectBuffer data, final int offset, final int length)
    {
        final JsonWriter out = beginWithout("snapshot").name("channel").string(channel.wireName());
        out.name(channel.perAccount() ? "account_id" : channel == StreamChannel.BOT ? "bot_id" : "symbol").string(id);
        out.name("data").raw(data, offset, length);
        return end();
    }

    JsonWriter bareWriter()
    {
        return json.wrap(buffer, 0);
    }

    static byte[] error(final String code, final String message, final String field)
    {
        final StreamMessages messages = new StreamMessages();
        errorObject(messages.beginWithout("error"), code, message, field);
        return messages.end();
    }

    /**
     * A message that could not be read as a request: {@code {"type": "error", "channel"?, "account_id"?, "symbol"?,
     * "bot_id"?, "timeframe"?, "error": {"code", "message", "field"?}}}, naming what of its subscription could be read.
     */
    static byte[] unreadable(final UnreadableRequest request)
    {
        final StreamMessages messages = new StreamMessages();
        final JsonWriter out = messages.beginWithout("error");
        nameIfRead(out, "channel", request.channel());
        nameIfRead(out, "account_id", request.accountId());
        nameIfRead(out, "symbol", request.symbol());
        nameIfRead(out, "bot_id", request.botId());
        nameIfRead(out, "timeframe", request.timeframe());
        errorObject(out, request.problem().code().name(), request.getMessage(), request.problem().field());
        return messages.end();
    }

    private static void nameIfRead(final JsonWriter out, final String name, final String value)
    {
        if (value != null)
        {
            out.name(name).string(value);
        }
    }

    /** {@code "error": {"code", "message", "field"?}}. */
    private static void errorObject(final JsonWriter out, final String code, final String message, final String field)
    {
        out.name("error").startObject().name("code").string(code).name("message").string(message);
        nameIfRead(out, "field", field);
        out.endObject();
    }

    static byte[] unsubscribed(final StreamRequest request)
    {
        final StreamMessages messages = new StreamMessages();
        final JsonWriter out = messages.beginWithout("unsubscribed").name("channel").string(request.channel().wireName());
        out.name(request.idName()).string(request.id());
        return messages.end();
    }

    /**
     * An error about one subscription, named as the client made it: a subscribe or unsubscribe refused, or a subscription
     * the server ended. {@code {"type": "error", "channel", "account_id"|"symbol"|"bot_id", "timeframe"? (candles),
     * "error": {"code", "message", "field"?}}}: a client with several requests in flight, or a subscription long held,
     * knows which one it is about without counting replies. A null {@code subscription}: a plain {@link #error}.
     */
    static byte[] subscriptionError(final StreamRequest subscription, final String code, final String message, final String field)
    {
        if (subscription == null)
        {
            return error(code, message, field);
        }
        final StreamMessages messages = new StreamMessages();
        final JsonWriter out = messages.beginWithout("error").name("channel").string(subscription.channel().wireName());
        out.name(subscription.idName()).string(subscription.id());
        if (subscription.timeframe() != null)
        {
            out.name("timeframe").string(subscription.timeframe().apiName());
        }
        errorObject(out, code, message, field);
        return messages.end();
    }

    /** A subscribe whose snapshot read the engine refused ({@code result}: an account the caller may not see, or none). */
    static byte[] snapshotRefused(final StreamRequest subscription, final ResultCode result, final String resultMessage)
    {
        if (result == null || result.isSuccess())
        {
            return subscriptionError(subscription, "INTERNAL_ERROR", "the snapshot could not be read", null);
        }
        return subscriptionError(subscription, result.name(), resultMessage != null ? resultMessage : result.defaultMessage(), subscription.idName());
    }

    static byte[] pong()
    {
        final StreamMessages messages = new StreamMessages();
        messages.beginWithout("pong");
        return messages.end();
    }
}
