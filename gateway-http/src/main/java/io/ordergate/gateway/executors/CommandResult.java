package io.ordergate.gateway.executors;

import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;

/**
 * An executor's result for one command ({@code PATCH /api/executor/{executorId}/command} or a WebSocket
 * {@code {"type": "command_result"}}), as the command body it travels as: seed 000's camelCase fields, other fields
 * ignored, a null the same as no field; the result object is kept as sent when at most 4 KiB (a SYNC_HISTORY page is up
 * to 48 KB: its deals are read, not kept as text); what {@code details} says beyond seed 000's four numbers is read by
 * {@link ResultDetails}. Values come as the executor had them ({@link ResultValues}): one that cannot be read refuses
 * an executed result, whose numbers would be booked, and is ignored in a failed one.
 *
 * <p>Reused: an executor's socket reads every result into its one instance, and the HTTP route one per event loop,
 * keeping no String; the raw result object
 * is copied from the message's bytes when the body is encoded, so {@link #encode} (publish, or a copy of the body)
 * comes before the message's buffer is reused. <b>Not thread safe</b>: the socket's event loop.
 */
public final class CommandResult implements RequestBody
{
    private String executorId;
    private final AsciiChars commandId = new AsciiChars(Ids.MAX_LENGTH);
    private final AsciiChars status = new AsciiChars(SeedFields.MAX_TEXT);
    private final AsciiChars message = new AsciiChars(SeedFields.MAX_TEXT);
    /** Reads the values an executor may send mistyped; remembers the first it cannot read (see {@link #readFields}). */
    private final ResultValues values = new ResultValues();
    private final ResultDetails details = new ResultDetails(values);
    private int statusCode;
    /** {@code result.success} was false: the command did not do what it asked, whatever {@code status} says. */
    private boolean unsuccessful;
    /** {@code status} was text that is neither executed nor failed ("error", "rejected"): judged once success is read. */
    private boolean unknownStatus;
    private int flags;
    private long ticket;
    private long price;
    private long lots;
    private long profit;
    private byte[] body;
    private int resultStart;
    private int resultLength;

    /**
     * Reads a whole message from the executor named: seed 000's executors send {@code json.dumps} output, posted or on
     * the socket, where a float nan is {@code NaN}, a number that cannot be read ({@link ResultValues}).
     */
    public CommandResult parse(final String executorId, final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.beginAllowingNonNumericNumbers(body, length);
        return readFields(executorId, in, body);
    }

    /** Reads the fields of a message begun already (its {@code type} may have been read) to its end, and checks it. */
    CommandResult readFields(final String executorId, final RequestReader in, final byte[] body) throws BadRequest
    {
        this.executorId = executorId;
        clear(body);
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            switch (field)
            {
                case "commandId": commandId.readText(in, field, true); break;
                case "status":
                    if (in.token() != JsonToken.VALUE_STRING)
                    {
                        in.ignore();  // 1, false, NaN: no status it could say; success false still settles the result (below)
                    }
                    else if (status.readText(in, field, false))
                    {
                        statusCode = status.isIgnoringCase("executed") ? ExecutorBodies.STATUS_EXECUTED
                            : status.isIgnoringCase("failed") ? ExecutorBodies.STATUS_FAILED : 0;
                        unknownStatus = statusCode == 0;
                    }
                    break;
                case "result":
                    if (in.token() == JsonToken.START_OBJECT)
                    {
                        result(in);
                    }
                    else
                    {
                        // true, "paused", a list: seed 000's sample sends whatever its handler returned. Nothing in it is
                        // read, and refusing it would leave the command pending, delivered and executed again.
                        in.ignore();
                    }
                    break;
                default: in.ignore();
            }
        }
        in.finish();
        if (commandId.length() == 0)
        {
            throw BadRequest.validation("commandId", "commandId is required");
        }
        if (unsuccessful)
        {
            // Seed 000's sample executor answers "executed" with success false when it could not do the command:
            // settled as executed, an order would be filled with no ticket and no price. It failed, with its message.
            // Without a status, with one that is no string or with one of neither kind ("error", "rejected") it failed
            // too: either status would settle it so.
            statusCode = ExecutorBodies.STATUS_FAILED;
        }
        else if (unknownStatus)
        {
            throw BadRequest.validation("status", "status must be executed or failed");
        }
        if (statusCode == 0)
        {
            throw BadRequest.validation("status", "status is required (executed or failed)");
        }
        if (values.unreadable() != null && statusCode != ExecutorBodies.STATUS_FAILED)
        {
            // an executed result's values would be booked: never guessed. A failed one books none: refused, it would
            // leave the command pending, handed out and executed again.
            throw BadRequest.validation(values.unreadable(), values.why());
        }
        return this;
    }

    private void clear(final byte[] body)
    {
        this.body = body;
        commandId.clear();
        message.clear();
        details.clear();
        values.clear();
        statusCode = 0;
        unsuccessful = false;
        unknownStatus = false;
        flags = 0;
        ticket = 0;
        price = 0;
        lots = 0;
        profit = 0;
        resultStart = 0;
        resultLength = 0;
    }

    /** {@code "result": {"success", "message", "details": {"ticket", "price", "lots", "profit"}}}; kept as sent. */
    private void result(final RequestReader in) throws BadRequest
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
                final int success = values.bool(in, name);
                flags |= success == 1 ? ExecutorBodies.RESULT_SUCCESS : 0;
                unsuccessful = success == 0;
            }
            else if (name.equals("message"))
            {
                values.freeText(in, name, message);
            }
            else if (name.equals("details") && in.token() == JsonToken.START_OBJECT)
            {
                details(in);
            }
            else
            {
                in.ignore();  // details that are not an object say nothing the gateway reads (see "result")
            }
        }
        final int end = in.valueEnd(start);
        if (end - start <= ExecutorBodies.MAX_RAW_JSON)
        {
            resultStart = start;
            resultLength = end - start;
        }
    }

    private void details(final RequestReader in) throws BadRequest
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
                case "ticket":
                    ticket = values.ticket(in, d);
                    flags |= ticket == 0 ? 0 : ExecutorBodies.RESULT_TICKET;
                    break;
                case "price":
                    price = values.decimal(in, d);
                    flags |= read(price, ExecutorBodies.RESULT_PRICE);
                    break;
                case "lots":
                    lots = values.decimal(in, d);
                    flags |= read(lots, ExecutorBodies.RESULT_LOTS);
                    break;
                case "profit":
                    profit = values.money(in, d);
                    flags |= read(profit, ExecutorBodies.RESULT_PROFIT);
                    break;
                default: details.read(in, d);
            }
        }
        price = price == ResultValues.NONE ? 0 : price;
        lots = lots == ResultValues.NONE ? 0 : lots;
        profit = profit == ResultValues.NONE ? 0 : profit;
    }

    /** {@code flag} when {@code value} was read, else nothing. */
    private static int read(final long value, final int flag)
    {
        return value == ResultValues.NONE ? 0 : flag;
    }

    /** The command it answers, as sent (valid until the next message is read). */
    CharSequence commandId()
    {
        return commandId;
    }

    int flags()
    {
        return flags;
    }

    long ticket()
    {
        return ticket;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        ExecutorBodies.commandResult(writer, executorId, commandId, statusCode, flags, ticket, price, lots, profit, message,
            body, resultStart, resultLength);
        details.encode(writer);
    }
}
