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
 * Stateless: safe from any thread; parsing allocates. An executor's result for one command ({@code PATCH
 * /api/executor/{id}/command} or a WebSocket {@code {"type": "command_result"}}), as the command body it travels as:
 * seed 000's camelCase fields, unknown ones ignored; the result object is kept as sent when small enough.
 */
public record CommandResult(String executorId, String commandId, int status, int flags, long ticket, long price, long lots, long profit,
    String message, byte[] result) implements RequestBody
{
    /** PATCH /api/executor/{id}/command or a WebSocket {"type": "command_result", ...}. */
    public static CommandResult parse(final String executorId, final byte[] body, final int length) throws BadRequest
    {
        String commandId = null;
        int status = 0;
        int flags = 0;
        long ticket = 0;
        long price = 0;
        long lots = 0;
        long profit = 0;
        String message = "";
        byte[] result = new byte[0];
        try (JsonParser parser = ExecutorJson.object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken token = parser.nextToken();
                switch (field)
                {
                    case "commandId": commandId = ExecutorJson.id(parser, field); break;
                    case "status":
                        final String value = ExecutorJson.text(parser, field);
                        status = "executed".equals(value) ? ExecutorBodies.STATUS_EXECUTED : "failed".equals(value) ? ExecutorBodies.STATUS_FAILED : 0;
                        if (status == 0)
                        {
                            throw BadRequest.validation(field, "status must be executed or failed");
                        }
                        break;
                    case "result":
                        if (token != JsonToken.START_OBJECT)
                        {
                            parser.skipChildren();
                            break;
                        }
                        final int start = (int)parser.currentTokenLocation().getByteOffset();
                        while (parser.nextToken() == JsonToken.FIELD_NAME)
                        {
                            final String name = parser.currentName();
                            final JsonToken v = parser.nextToken();
                            if (name.equals("success") && (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE))
                            {
                                flags |= v == JsonToken.VALUE_TRUE ? ExecutorBodies.RESULT_SUCCESS : 0;
                            }
                            else if (name.equals("message") && v == JsonToken.VALUE_STRING)
                            {
                                message = ExecutorJson.text(parser, name);
                            }
                            else if (name.equals("details") && v == JsonToken.START_OBJECT)
                            {
                                for (String d = ExecutorJson.nextField(parser); d != null; d = ExecutorJson.nextField(parser))
                                {
                                    switch (d)
                                    {
                                        case "ticket": ticket = ExecutorJson.ticket(parser, d); flags |= ExecutorBodies.RESULT_TICKET; break;
                                        case "price": price = ExecutorJson.decimal(parser, d); flags |= ExecutorBodies.RESULT_PRICE; break;
                                        case "lots": lots = ExecutorJson.decimal(parser, d); flags |= ExecutorBodies.RESULT_LOTS; break;
                                        case "profit": profit = ExecutorJson.decimal(parser, d); flags |= ExecutorBodies.RESULT_PROFIT; break;
                                        default: parser.skipChildren();
                                    }
                                }
                            }
                            else
                            {
                                parser.skipChildren();
                            }
                        }
                        final int end = (int)parser.currentLocation().getByteOffset();
                        if (end - start <= ExecutorBodies.MAX_RAW_JSON)
                        {
                            result = Arrays.copyOfRange(body, start, end);
                        }
                        break;
                    default: parser.skipChildren();
                }
            }
        }
        catch (final IOException ex)
        {
            throw BadRequest.invalidJson("request body is not valid JSON");
        }
        if (commandId == null)
        {
            throw BadRequest.validation("commandId", "commandId is required");
        }
        if (status == 0)
        {
            throw BadRequest.validation("status", "status is required (executed or failed)");
        }
        return new CommandResult(executorId, commandId, status, flags, ticket, price, lots, profit, message, result);
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        ExecutorBodies.commandResult(writer, executorId, commandId, status, flags, ticket, price, lots, profit, message, result, result.length);
    }
}
