package io.ordergate.gateway.executors;

import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * Reads what an executor sends on its WebSocket: {@code {"type": "heartbeat" | "command_result" | "trade", ...}}, the
 * bodies of the HTTP routes with a {@code type}. When {@code type} comes first (as executors send it) the message is
 * read once, by the decoder of its kind from the field after it; otherwise it is read through once for its type and
 * then again. Either way the whole message is JSON before its type is judged, and the answer is the same.
 *
 * <p>A result and a trade report may hold NaN and Infinity, as Python's {@code json.dumps} writes a float it has no
 * value for (their readers take one as a value that cannot be read), on the socket as on their HTTP routes: refused, a
 * result would leave its command pending, pushed again and executed again. So a message is begun taking them (the one
 * fed parser told so, a bit per message), and a first {@code type} of any other kind turns that off for the rest of it;
 * a heartbeat, read again by its route's reader, and a message of no known type, read again before it is refused for
 * its type, are JSON proper or refused as invalid JSON, as before. A message whose type comes later is read through
 * taking them to find it (a fault in that reading worded so).
 *
 * <p>Results and trade reports are read into one reused instance each, keeping no String; a heartbeat (one every few
 * seconds) is its own object. What {@link #read} returns is valid until the next message is read.
 * <b>Not thread safe</b>: one per socket, on its event loop.
 */
final class ExecutorMessages
{
    private static final String WRONG_TYPE = "type must be heartbeat, command_result or trade";

    private final String executorId;
    private final RequestReader reader = RequestReader.feedingEveryBody();
    private final AsciiChars type = new AsciiChars(16);
    private final CommandResult result = new CommandResult();
    private final TradeReport trade = new TradeReport();
    private RequestBody request;

    ExecutorMessages(final String executorId)
    {
        this.executorId = executorId;
    }

    /**
     * Reads one message ({@code body} stays unchanged until the request is encoded).
     *
     * @return EXECUTOR_HEARTBEAT, COMMAND_RESULT or TRADE_REPORT; {@link #request} is its body
     */
    CommandType read(final byte[] body, final int length) throws BadRequest
    {
        request = null;
        reader.beginAllowingNonNumericNumbers(body, length);
        final boolean any = reader.nextField();
        if (any && reader.fieldName().equals("type"))
        {
            final CommandType kind = kind(reader);
            if (kind == CommandType.COMMAND_RESULT)
            {
                return read(kind, result.readFields(executorId, reader, body));
            }
            if (kind == CommandType.TRADE_REPORT)
            {
                return read(kind, trade.readFields(reader));
            }
            reader.refuseNonNumericNumbers();
            toEnd();
            return byType(kind, body, length);
        }
        CommandType kind = null;
        boolean typeSeen = false;
        for (boolean more = any; more; more = reader.nextField())
        {
            if (!typeSeen && reader.fieldName().equals("type"))
            {
                typeSeen = true;
                kind = kind(reader);
            }
            else
            {
                reader.ignore();
            }
        }
        reader.finish();
        return byType(kind, body, length);
    }

    RequestBody request()
    {
        return request;
    }

    /** The current field's value as a message type, or null for any other value (read or skipped). */
    private CommandType kind(final RequestReader in) throws BadRequest
    {
        final boolean read = type.readScalar(in);
        in.ignore();
        if (!read)
        {
            return null;
        }
        return type.is("command_result") ? CommandType.COMMAND_RESULT : type.is("trade") ? CommandType.TRADE_REPORT
            : type.is("heartbeat") ? CommandType.EXECUTOR_HEARTBEAT : null;
    }

    private void toEnd() throws BadRequest
    {
        while (reader.nextField())
        {
            reader.ignore();
        }
        reader.finish();
    }

    /** A message known to be JSON, read again from its start as its type says. */
    private CommandType byType(final CommandType kind, final byte[] body, final int length) throws BadRequest
    {
        if (kind == CommandType.EXECUTOR_HEARTBEAT)
        {
            return read(kind, Heartbeat.parse(executorId, reader, body, length));
        }
        if (kind == CommandType.COMMAND_RESULT)
        {
            return read(kind, result.parse(executorId, reader, body, length));
        }
        if (kind == CommandType.TRADE_REPORT)
        {
            return read(kind, trade.parse(reader, body, length));
        }
        reader.begin(body, length, false);  // the first reading took NaN: with one, a message of no known type is invalid JSON, as before
        toEnd();
        throw BadRequest.validation(null, WRONG_TYPE);
    }

    private CommandType read(final CommandType kind, final RequestBody body)
    {
        request = body;
        return kind;
    }

    CommandResult result()
    {
        return result;
    }

    TradeReport trade()
    {
        return trade;
    }
}
