package io.ordergate.gateway.executor;

import java.nio.charset.StandardCharsets;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.http.HttpConnection;
import io.ordergate.gateway.http.ReplyExtension;
import io.ordergate.gateway.metrics.GatewayMetrics;
import io.ordergate.gateway.metrics.ReplyStageMetrics;
import io.ordergate.mt5.CommandQueue;

/**
 * The executor part of the reply stage: keeps the executor key registry in step with the journal, pushes the
 * commands the engine put in each event's outbox onto their executors' WebSockets, and answers the executor
 * routes in their own formats. <b>Not thread safe</b>: reply thread (and the replaying thread before it starts).
 */
public final class ExecutorReplies implements ReplyExtension
{
    private final ExecutorKeys keys;
    private final ExecutorSessions sessions;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
    private final ReplyStageMetrics latency;
    private final ExecutorHeartbeats heartbeats;

    public ExecutorReplies(final ExecutorKeys keys, final ExecutorSessions sessions, final GatewayMetrics metrics)
    {
        this.keys = keys;
        this.sessions = sessions;
        this.latency = metrics.replyStage();
        this.heartbeats = new ExecutorHeartbeats(keys, metrics.executors());
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        if (event.type == CommandType.CREATE_EXECUTOR && event.result != null && event.result.isSuccess())
        {
            keys.register(event);
        }
        heartbeats.onHeartbeat(event);
    }

    @Override
    public void onResult(final CommandEvent event)
    {
        if (event.type == CommandType.CREATE_EXECUTOR && event.result != null && event.result.isSuccess())
        {
            keys.register(event);  // before the answer: the credentials work the moment the admin reads them
        }
        heartbeats.onHeartbeat(event);
        latency.commandResult(event);
        int offset = 0;
        for (int i = 0; i < event.outboxCount; i++)
        {
            final int executorIndex = event.outbox.getInt(offset);
            final int length = event.outbox.getInt(offset + Integer.BYTES);
            final ExecutorSocket socket = sessions.get(executorIndex);
            if (socket != null && socket.push(event.outbox, offset + CommandQueue.RECORD_HEADER_LENGTH, length))
            {
                latency.framePushed(event, event.outbox, offset + CommandQueue.RECORD_HEADER_LENGTH, length, System.nanoTime());
            }
            offset += CommandQueue.RECORD_HEADER_LENGTH + length;
        }
    }

    @Override
    public void answer(final CommandEvent event, final HttpConnection connection)
    {
        final ExecutorExchange exchange = (ExecutorExchange)connection.exchange();
        final ResultCode result = event.result;
        if (event.type == null || result == null)
        {
            final byte[] body = exchange.seedFormat()
                ? SeedJson.seedError("INTERNAL_ERROR", "the command was not applied")
                : SeedJson.apiError("INTERNAL_ERROR", "the command was not applied", null);
            reply(connection, 500, body);
            return;
        }
        if (!result.isSuccess())
        {
            final String message = event.resultMessage != null ? event.resultMessage : result.defaultMessage();
            if (exchange.seedFormat())
            {
                reply(connection, SeedJson.seedStatus(result), SeedJson.seedError(result, event.resultMessage));
            }
            else
            {
                reply(connection, result.httpStatus(), SeedJson.apiError(result.name(), message, event.resultField));
            }
            return;
        }
        if (exchange.apiSecret() != null && event.outputLength > 0)
        {
            // The new executor's answer, with the secret spliced in before its closing brace: shown this once.
            final int end = event.outputLength - 1;
            buffer.putBytes(0, event.output, 0, end);
            final byte[] secret = (",\"api_secret\":" + SeedJson.quote(exchange.apiSecret()) + "}").getBytes(StandardCharsets.UTF_8);
            buffer.putBytes(end, secret);
            connection.reply(result.httpStatus(), buffer, end + secret.length, false);
            return;
        }
        connection.reply(result.httpStatus(), event.output, event.outputLength, false);
    }

    private void reply(final HttpConnection connection, final int status, final byte[] body)
    {
        buffer.putBytes(0, body);
        connection.reply(status, buffer, body.length, false);
    }
}
