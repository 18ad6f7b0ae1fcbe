package io.ordergate.gateway.executors;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;

/**
 * Decodes what an executor sends on its WebSocket ({@code heartbeat}, {@code command_result}, {@code trade}: the
 * bodies of the HTTP routes with a {@code type}, read by {@link ExecutorMessages}) through the same decoders and rate
 * limits as the HTTP routes, into the command to publish or the refusal to answer. Nothing is made per message but a
 * refusal's words and a heartbeat. <b>Not thread safe</b>: one per socket, on its event loop.
 */
final class SocketMessageDecoder
{
    private final GatewayContext gateway;
    private final ExecutorRateLimits limits;
    private final ExecutorKeys.Entry executor;
    private final ExecutorMessages messages;
    private String errorCode;
    private String errorMessage;
    private int retryAfter;

    SocketMessageDecoder(final GatewayContext gateway, final ExecutorRateLimits limits, final ExecutorKeys.Entry executor)
    {
        this.gateway = gateway;
        this.limits = limits;
        this.executor = executor;
        this.messages = new ExecutorMessages(executor.executorId());
    }

    /**
     * Decodes the first {@code length} bytes of {@code body} (the socket's buffer: unchanged until the request is
     * published or copied).
     *
     * @return the command to publish with {@link #request()}, or null when refused ({@link #errorCode()},
     *         {@link #errorMessage()}, {@link #retryAfter()})
     */
    CommandType decode(final byte[] body, final int length)
    {
        if (!gateway.isReady())
        {
            return refused(ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage(), 0);
        }
        try
        {
            final CommandType command = messages.read(body, length);
            final int wait;
            if (command == CommandType.COMMAND_RESULT)
            {
                wait = limits.acquireResult(executor, messages.result(), System.nanoTime());
            }
            else if (command == CommandType.TRADE_REPORT)
            {
                if (!messages.trade().isFrom(executor.executorId()))
                {
                    return refused(ResultCode.INVALID_CREDENTIALS.name(), "Invalid API credentials", 0);
                }
                wait = limits.acquireTrade(executor, messages.trade(), System.nanoTime());
            }
            else
            {
                wait = limits.acquire(executor.executorId(), ExecutorRateLimits.Kind.HEARTBEAT, System.nanoTime());
            }
            if (wait != ExecutorRateLimits.ALLOWED)
            {
                return refused(ResultCode.RATE_LIMIT_EXCEEDED.name(), "Rate limit exceeded", wait);
            }
            return command;
        }
        catch (final BadRequest bad)
        {
            countRefusedMetadata(gateway, bad);
            return refused(bad.code().name(), bad.getMessage(), 0);
        }
    }

    /** Counts a heartbeat refused for its metadata (only a heartbeat has that field), on either channel. */
    static void countRefusedMetadata(final GatewayContext gateway, final BadRequest bad)
    {
        if (Heartbeat.METADATA.equals(bad.field()))
        {
            gateway.metrics().executors().metadataRefused();
        }
    }

    /** The body of the command {@link #decode} returned last. */
    RequestBody request()
    {
        return messages.request();
    }

    String errorCode()
    {
        return errorCode;
    }

    String errorMessage()
    {
        return errorMessage;
    }

    int retryAfter()
    {
        return retryAfter;
    }

    private CommandType refused(final String code, final String message, final int wait)
    {
        errorCode = code;
        errorMessage = message;
        retryAfter = wait;
        return null;
    }

    /** Seed 000's error body with a type (and retryAfter for 429s): how the socket answers a message it refuses. */
    static void writeError(final JsonWriter json, final String code, final String message, final int retryAfter)
    {
        json.startObject().name("type").string("error").name("error").string(message).name("code").string(code);
        if (retryAfter > 0)
        {
            json.name("retryAfter").number(retryAfter);
        }
        json.endObject();
    }
}
