package io.ordergate.gateway.executors;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;

/**
 * An executor's heartbeat ({@code POST /api/executor/{executorId}/heartbeat}, body optional, or a WebSocket
 * {@code {"type": "heartbeat"}}), as the command body it travels as: seed 000's camelCase fields, other fields
 * ignored (executors in the field send more), a null the same as no field; the metadata object is kept as sent, and
 * one over {@link ExecutorBodies#MAX_RAW_JSON} bytes refuses the heartbeat ({@link #METADATA}). Immutable.
 */
public record Heartbeat(String executorId, String status, int flags, long balance, long equity, long openPositions, byte[] metadata)
    implements RequestBody
{
    /** The field a heartbeat refused for its metadata names (too large, or not an object): counted for the operator. */
    public static final String METADATA = "metadata";

    public static Heartbeat parse(final String executorId, final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String status = "online";
        int flags = 0;
        long balance = 0;
        long equity = 0;
        long openPositions = 0;
        byte[] metadata = new byte[0];
        if (isBlank(body, length))
        {
            return new Heartbeat(executorId, status, flags, balance, equity, openPositions, metadata);
        }
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            if (field.equals("status"))
            {
                final String text = SeedFields.text(in, field);
                status = text == null ? status : text;
            }
            else if (field.equals("metadata") && in.expectObject(field))
            {
                final int start = in.valueStart();
                while (in.nextField())
                {
                    final String name = in.fieldName();
                    if (in.isNull())
                    {
                        continue;
                    }
                    switch (name)
                    {
                        case "accountBalance": balance = SeedFields.money(in, name, "the heartbeat"); flags |= ExecutorBodies.HEARTBEAT_BALANCE; break;
                        case "accountEquity": equity = SeedFields.money(in, name, "the heartbeat"); flags |= ExecutorBodies.HEARTBEAT_EQUITY; break;
                        case "openPositions": openPositions = SeedFields.whole(in, name); flags |= ExecutorBodies.HEARTBEAT_OPEN_POSITIONS; break;
                        default: in.ignore();
                    }
                }
                final int end = in.valueEnd(start);
                if (end - start <= ExecutorBodies.MAX_RAW_JSON)
                {
                    metadata = in.copy(start, end);
                }
                else
                {
                    // Taken without it, the heartbeat would leave the previous metadata standing as this one's
                    in.fail(field, "metadata is " + (end - start) + " bytes, more than the " + ExecutorBodies.MAX_RAW_JSON
                        + " kept: the heartbeat is refused");
                }
            }
            else if (!field.equals("metadata"))
            {
                in.ignore();
            }
        }
        in.finish();
        return new Heartbeat(executorId, status, flags, balance, equity, openPositions, metadata);
    }

    static boolean isBlank(final byte[] body, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r' && body[i] != '\n')
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        ExecutorBodies.heartbeat(writer, executorId, status, flags, balance, equity, openPositions, metadata, metadata.length);
    }
}
