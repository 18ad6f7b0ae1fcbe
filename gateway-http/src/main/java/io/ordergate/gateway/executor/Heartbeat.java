package io.ordergate.gateway.executor;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.mt5.ExecutorBodies;

/**
 * Stateless: safe from any thread; parsing allocates. An executor's heartbeat ({@code POST
 * /api/executor/{id}/heartbeat} or a WebSocket {@code {"type": "heartbeat"}}), as the command body it travels as:
 * seed 000's camelCase fields, unknown ones ignored; the metadata object is kept as sent when small enough.
 */
public record Heartbeat(String executorId, String status, int flags, long balance, long equity, long openPositions, byte[] metadata)
    implements RequestBody
{
    /** POST /api/executor/{id}/heartbeat (body optional) or a WebSocket {"type": "heartbeat", ...}. */
    public static Heartbeat parse(final String executorId, final byte[] body, final int length) throws BadRequest
    {
        String status = "online";
        int flags = 0;
        long balance = 0;
        long equity = 0;
        long openPositions = 0;
        byte[] metadata = new byte[0];
        if (ExecutorJson.isBlank(body, length))
        {
            return new Heartbeat(executorId, status, flags, balance, equity, openPositions, metadata);
        }
        try (JsonParser parser = ExecutorJson.object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken token = parser.nextToken();
                if (field.equals("status") && token != JsonToken.VALUE_NULL)
                {
                    status = ExecutorJson.text(parser, field);
                }
                else if (field.equals("metadata") && token == JsonToken.START_OBJECT)
                {
                    final int start = (int)parser.currentTokenLocation().getByteOffset();
                    for (String name = ExecutorJson.nextField(parser); name != null; name = ExecutorJson.nextField(parser))
                    {
                        switch (name)
                        {
                            case "accountBalance": balance = ExecutorJson.decimal(parser, name); flags |= ExecutorBodies.HEARTBEAT_BALANCE; break;
                            case "accountEquity": equity = ExecutorJson.decimal(parser, name); flags |= ExecutorBodies.HEARTBEAT_EQUITY; break;
                            case "openPositions": openPositions = ExecutorJson.whole(parser, name); flags |= ExecutorBodies.HEARTBEAT_OPEN_POSITIONS; break;
                            default: parser.skipChildren();
                        }
                    }
                    final int end = (int)parser.currentLocation().getByteOffset();
                    if (end - start <= ExecutorBodies.MAX_RAW_JSON)
                    {
                        metadata = Arrays.copyOfRange(body, start, end);
                    }
                }
                else
                {
                    parser.skipChildren();
                }
            }
        }
        catch (final IOException ex)
        {
            throw BadRequest.invalidJson("request body is not valid JSON");
        }
        return new Heartbeat(executorId, status, flags, balance, equity, openPositions, metadata);
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        ExecutorBodies.heartbeat(writer, executorId, status, flags, balance, equity, openPositions, metadata, metadata.length);
    }
}
