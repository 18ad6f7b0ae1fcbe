package io.ordergate.gateway.executors;

import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.json.AsciiChars;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Decimals;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.mt5.ExecutorBodies;

/**
 * An executor's result for one command ({@code PATCH /api/executor/{executorId}/command} or a WebSocket
 * {@code {"type": "command_result"}}), as the command body it travels as: seed 000's camelCase fields, other fields
 * ignored, a null the same as no field; the result object is kept as sent when at most 4 KiB (a SYNC_HISTORY page is up
 * to 48 KB: its deals are read, not kept as text); what {@code details} says beyond seed 000's four numbers is read by
 * {@link ResultDetails}.
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
    private final AsciiChars digits = SeedFields.ticketDigits();
    /** A value sent as text ({@code "success": "true"}, {@code "price": "1.08"}), looked at before it is read. */
    private final AsciiChars text = new AsciiChars(SeedFields.MAX_TEXT);
    private final ResultDetails details = new ResultDetails();
    private int statusCode;
    /** {@code result.success} was false: the command did not do what it asked, whatever {@code status} says. */
    private boolean unsuccessful;
    private int flags;
    private long ticket;
    private long price;
    private long lots;
    private long profit;
    /** The first of success, ticket, price, lots, profit that cannot be read: ignored in a failed result, refusing an executed one. */
    private String unreadable;
    private byte[] body;
    private int resultStart;
    private int resultLength;

    /** Reads a whole message from the executor named. */
    public CommandResult parse(final String executorId, final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        in.begin(body, length, false);
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
                    if (status.readText(in, field, false))
                    {
                        statusCode = status.is("executed") ? ExecutorBodies.STATUS_EXECUTED : status.is("failed") ? ExecutorBodies.STATUS_FAILED : 0;
                        if (statusCode == 0)
                        {
                            in.fail(field, "status must be executed or failed");
                        }
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
        if (statusCode == 0)
        {
            throw BadRequest.validation("status", "status is required (executed or failed)");
        }
        if (unsuccessful)
        {
            // Seed 000's sample executor answers "executed" with success false when it could not do the command:
            // settled as executed, an order would be filled with no ticket and no price. It failed, with its message.
            statusCode = ExecutorBodies.STATUS_FAILED;
        }
        if (unreadable != null && statusCode != ExecutorBodies.STATUS_FAILED)
        {
            // an executed result's values would be booked: never guessed
            throw BadRequest.validation(unreadable, unreadable + (unreadable.equals("success") ? " must be true or false"
                : unreadable.equals("ticket") ? " must be an MT5 ticket number" : " must be a decimal number"));
        }
        return this;
    }

    private void clear(final byte[] body)
    {
        this.body = body;
        commandId.clear();
        message.clear();
        details.clear();
        statusCode = 0;
        unsuccessful = false;
        flags = 0;
        ticket = 0;
        price = 0;
        lots = 0;
        profit = 0;
        unreadable = null;
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
                final int success = in.token() == JsonToken.VALUE_STRING ? textBool(in, name) : in.bool(name);
                flags |= success == 1 ? ExecutorBodies.RESULT_SUCCESS : 0;
                unsuccessful = success == 0;
            }
            else if (name.equals("message"))
            {
                message.readTextCut(in, name);
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
                    if (isTicket(in, d))
                    {
                        ticket = SeedFields.ticketOrNone(in, d, digits);
                        flags |= ticket == 0 ? 0 : ExecutorBodies.RESULT_TICKET;
                    }
                    break;
                case "price":
                    if (isNumber(in, d))
                    {
                        price = SeedFields.decimal(in, d);
                        flags |= ExecutorBodies.RESULT_PRICE;
                    }
                    break;
                case "lots":
                    if (isNumber(in, d))
                    {
                        lots = SeedFields.decimal(in, d);
                        flags |= ExecutorBodies.RESULT_LOTS;
                    }
                    break;
                case "profit":
                    if (isNumber(in, d))
                    {
                        profit = SeedFields.moneyDecimal(in, d);
                        flags |= ExecutorBodies.RESULT_PROFIT;
                    }
                    break;
                default: details.read(in, d);
            }
        }
    }

    /**
     * Whether {@code field}'s value is a number to read (a JSON number, or a string of one): an empty string is no value
     * (what a Python executor sends for a price it does not have); anything else ("n/a", true, an object) is remembered
     * as {@link #unreadable}, decided once the status is known.
     */
    private boolean isNumber(final RequestReader in, final String field) throws BadRequest
    {
        final JsonToken token = in.token();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT)
        {
            return true;
        }
        if (token == JsonToken.VALUE_STRING && text.readScalar(in))
        {
            if (text.length() == 0)
            {
                return false;
            }
            if (Decimals.parse(text, NewOrderBody.WIRE_DIGITS) != FixedPoint.NOT_A_NUMBER)
            {
                return true;
            }
        }
        unreadable(field);
        in.ignore();
        return false;
    }

    /** {@code "true"} or {@code "false"} in any letter case (Python's str(True) is "True"); else unreadable (-1, as null). */
    private int textBool(final RequestReader in, final String field) throws BadRequest
    {
        if (text.readScalar(in))
        {
            if (sameIgnoringCase(text, "true"))
            {
                return 1;
            }
            if (sameIgnoringCase(text, "false"))
            {
                return 0;
            }
        }
        unreadable(field);
        return -1;
    }

    private void unreadable(final String field)
    {
        unreadable = unreadable == null ? field : unreadable;
    }

    /** A ticket: digits (a string or a number), an empty string as none; anything else ("None", -1) unreadable. */
    private boolean isTicket(final RequestReader in, final String field) throws BadRequest
    {
        if (text.readScalar(in))
        {
            boolean digitsOnly = true;
            for (int i = 0; i < text.length(); i++)
            {
                digitsOnly &= text.charAt(i) >= '0' && text.charAt(i) <= '9';
            }
            if (digitsOnly)
            {
                return text.length() > 0;
            }
        }
        unreadable(field);
        in.ignore();
        return false;
    }

    private static boolean sameIgnoringCase(final CharSequence sent, final String expected)
    {
        if (sent.length() != expected.length())
        {
            return false;
        }
        for (int i = 0; i < sent.length(); i++)
        {
            if (Character.toLowerCase(sent.charAt(i)) != expected.charAt(i))
            {
                return false;
            }
        }
        return true;
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
