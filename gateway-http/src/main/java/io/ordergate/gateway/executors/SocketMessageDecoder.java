package io.ordergate.gateway.executors;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * Decodes what an executor sends on its WebSocket ({@code heartbeat}, {@code command_result}, {@code trade}: the
 * bodies of the HTTP routes with a {@code type}) through the same decoders and rate limits as the HTTP routes, into
 * the command to publish or the refusal to answer. <b>Not thread safe</b>: one per socket, on its event loop.
 */
final class SocketMessageDecoder
{
    /** A decoded message: a command to publish, or (command null) a refusal in seed 000's terms. */
    record Inbound(CommandType command, RequestBody request, String errorCode, String errorMessage, int retryAfter)
    {
        static Inbound refused(final String code, final String message, final int retryAfter)
        {
            return new Inbound(null, null, code, message, retryAfter);
        }
    }

    private final GatewayContext gateway;
    private final ExecutorRateLimits limits;
    private final ExecutorKeys.Entry executor;
    private final RequestReader reader = RequestReader.feedingEveryBody();

    SocketMessageDecoder(final GatewayContext gateway, final ExecutorRateLimits limits, final ExecutorKeys.Entry executor)
    {
        this.gateway = gateway;
        this.limits = limits;
        this.executor = executor;
    }

    /** The first {@code length} bytes of {@code body} (the socket's buffer, reused: what is decoded keeps copies). */
    Inbound decode(final byte[] body, final int length)
    {
        if (!gateway.isReady())
        {
            return Inbound.refused(ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage(), 0);
        }
        try
        {
            final String type = messageType(body, length);
            final CommandType command;
            final RequestBody request;
            final int retryAfter;
            if ("heartbeat".equals(type))
            {
                command = CommandType.EXECUTOR_HEARTBEAT;
                request = Heartbeat.parse(executor.executorId(), reader, body, length);
                retryAfter = limits.acquire(executor.executorId(), ExecutorRateLimits.Kind.HEARTBEAT, System.nanoTime());
            }
            else if ("command_result".equals(type))
            {
                command = CommandType.COMMAND_RESULT;
                final CommandResult result = CommandResult.parse(executor.executorId(), reader, body, length);
                retryAfter = limits.acquireResult(executor, result, System.nanoTime());
                request = result;
            }
            else if ("trade".equals(type))
            {
                command = CommandType.TRADE_REPORT;
                final TradeReport trade = TradeReport.parse(reader, body, length);
                if (!trade.executorId().equals(executor.executorId()))
                {
                    return Inbound.refused(ResultCode.INVALID_CREDENTIALS.name(), "Invalid API credentials", 0);
                }
                retryAfter = limits.acquireTrade(executor, trade, System.nanoTime());
                request = trade;
            }
            else
            {
                return Inbound.refused(ResultCode.VALIDATION_ERROR.name(), "type must be heartbeat, command_result or trade", 0);
            }
            if (retryAfter != ExecutorRateLimits.ALLOWED)
            {
                return Inbound.refused(ResultCode.RATE_LIMIT_EXCEEDED.name(), "Rate limit exceeded", retryAfter);
            }
            return new Inbound(command, request, null, null, 0);
        }
        catch (final BadRequest bad)
        {
            return Inbound.refused(bad.code().name(), bad.getMessage(), 0);
        }
    }

    /** The {@code type} of a message, read through the whole message (so one that is not JSON is refused as such). */
    private String messageType(final byte[] body, final int length) throws BadRequest
    {
        reader.begin(body, length, false);
        String type = null;
        while (reader.nextField())
        {
            if (type == null && reader.fieldName().equals("type"))
            {
                type = reader.scalarText();
            }
            reader.ignore();
        }
        reader.finish();
        return type;
    }
}
