package io.ordergate.gateway.executors;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;

/**
 * An executor's result for one command ({@code PATCH /api/executor/{executorId}/command} or a WebSocket
 * {@code {"type": "command_result"}}), as the command body it travels as: seed 000's camelCase fields, other fields
 * ignored, a null the same as no field; the result object is kept as sent when at most 4 KiB (a SYNC_HISTORY page is up
 * to 48 KB: its deals are read, not kept as text); what {@code details} says beyond seed 000's four numbers is read by
 * {@link ResultDetails}. Immutable once parsed.
 */
public record CommandResult(String executorId, String commandId, int status, int flags, long ticket, long price, long lots, long profit,
    String message, byte[] result, ResultDetails details) implements RequestBody
{
    public static CommandResult parse(final String executorId, final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        final Fields f = new Fields();
        in.begin(body, length, false);
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            switch (field)
            {
                case "commandId": f.commandId = SeedFields.id(in, field); break;
                case "status":
                    final String value = SeedFields.text(in, field);
                    f.status = "executed".equals(value) ? ExecutorBodies.STATUS_EXECUTED : "failed".equals(value) ? ExecutorBodies.STATUS_FAILED : 0;
                    if (value != null && f.status == 0)
                    {
                        in.fail(field, "status must be executed or failed");
                    }
                    break;
                case "result":
                    if (in.expectObject(field))
                    {
                        result(in, f);
                    }
                    break;
                default: in.ignore();
            }
        }
        in.finish();
        if (f.commandId == null)
        {
            throw BadRequest.validation("commandId", "commandId is required");
        }
        if (f.status == 0)
        {
            throw BadRequest.validation("status", "status is required (executed or failed)");
        }
        return new CommandResult(executorId, f.commandId, f.status, f.flags, f.ticket, f.price, f.lots, f.profit, f.message, f.result, f.details);
    }

    /** {@code "result": {"success", "message", "details": {"ticket", "price", "lots", "profit"}}}; kept as sent. */
    private static void result(final RequestReader in, final Fields f) throws BadRequest
    {
        final int start = in.valueStart();
        while (in.nextField())
        {
            final String name = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            if (name.equals("success"))
            {
                f.flags |= in.bool(name) == 1 ? ExecutorBodies.RESULT_SUCCESS : 0;
            }
            else if (name.equals("message"))
            {
                final String message = SeedFields.text(in, name);
                f.message = message == null ? f.message : message;
            }
            else if (name.equals("details") && in.expectObject(name))
            {
                details(in, f);
            }
            else if (!name.equals("details"))
            {
                in.ignore();
            }
        }
        final int end = in.valueEnd();
        if (end - start <= ExecutorBodies.MAX_RAW_JSON)
        {
            f.result = in.copy(start, end);
        }
    }

    private static void details(final RequestReader in, final Fields f) throws BadRequest
    {
        while (in.nextField())
        {
            final String d = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            switch (d)
            {
                case "ticket": f.ticket = SeedFields.ticket(in, d); f.flags |= ExecutorBodies.RESULT_TICKET; break;
                case "price": f.price = SeedFields.decimal(in, d); f.flags |= ExecutorBodies.RESULT_PRICE; break;
                case "lots": f.lots = SeedFields.decimal(in, d); f.flags |= ExecutorBodies.RESULT_LOTS; break;
                case "profit": f.profit = SeedFields.decimal(in, d); f.flags |= ExecutorBodies.RESULT_PROFIT; break;
                default: f.details.read(in, d);
            }
        }
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        ExecutorBodies.commandResult(writer, executorId, commandId, status, flags, ticket, price, lots, profit, message, result, result.length);
        details.encode(writer);
    }

    /** What a result says, as it is read. */
    private static final class Fields
    {
        String commandId;
        int status;
        int flags;
        long ticket;
        long price;
        long lots;
        long profit;
        final ResultDetails details = new ResultDetails();
        String message = "";
        byte[] result = new byte[0];
    }
}
