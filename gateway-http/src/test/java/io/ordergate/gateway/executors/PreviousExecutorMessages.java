package io.ordergate.gateway.executors;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.Side;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;

/**
 * The executor socket's reading as it was before messages were read in one pass into reused objects (main at
 * ff0ca2e): a first pass for the type, then the kind's own pass, every value a new String or array. Kept as the
 * reference {@link ExecutorMessagesTest} holds the new reader to; each body gets a new blocking reader, as the HTTP
 * routes read them. Changed since only where a fix changed what a message means (a partial close of 0 lots is refused; a
 * result's message or a trade's comment over 256 characters is cut, not refused; a result's ticket 0 is none; a result or details not an object is ignored;
 * a result's values are read as {@link ResultValues} reads them, a fresh one per message, and one it cannot read refuses
 * only an executed result; its status in any letter case; executed with success false is failed, and so is
 * success false without a status, with one that is no string or with one of neither kind; NaN and Infinity are
 * taken in a result or trade report, and in the reading that finds the type unless a first type names another kind).
 */
final class PreviousExecutorMessages
{
    /** A flag of this reference's own, beside the result's: success was false (the result is failed). */
    private static final int UNSUCCESSFUL = 1 << 30;

    private PreviousExecutorMessages()
    {
    }

    /** A message read: the command it becomes and its body. */
    record Read(CommandType command, RequestBody body)
    {
    }

    static Read read(final String executorId, final byte[] body, final int length) throws BadRequest
    {
        final String type = messageType(new RequestReader(), body, length);
        final RequestReader in = new RequestReader();
        if ("heartbeat".equals(type))
        {
            return new Read(CommandType.EXECUTOR_HEARTBEAT, Heartbeat.parse(executorId, in, body, length));
        }
        if ("command_result".equals(type))
        {
            return new Read(CommandType.COMMAND_RESULT, result(executorId, in, body, length));
        }
        if ("trade".equals(type))
        {
            return new Read(CommandType.TRADE_REPORT, trade(in, body, length));
        }
        final RequestReader strict = new RequestReader();  // no type's message: JSON proper, or invalid JSON
        strict.begin(body, length, false);
        while (strict.nextField())
        {
            strict.ignore();
        }
        strict.finish();
        throw BadRequest.validation(null, "type must be heartbeat, command_result or trade");
    }

    private static String messageType(final RequestReader reader, final byte[] body, final int length) throws BadRequest
    {
        reader.beginAllowingNonNumericNumbers(body, length);
        String type = null;
        for (boolean first = true; reader.nextField(); first = false)
        {
            if (type == null && reader.fieldName().equals("type"))
            {
                type = reader.scalarText();
                if (first && !"command_result".equals(type) && !"trade".equals(type))
                {
                    reader.ignore();
                    reader.refuseNonNumericNumbers();
                    continue;
                }
            }
            reader.ignore();
        }
        reader.finish();
        return type;
    }

    private static RequestBody result(final String executorId, final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String commandId = null;
        int status = 0;
        boolean unknownStatus = false;
        final long[] numbers = new long[5];  // flags, ticket, price, lots, profit
        final String[] message = {""};
        final byte[][] raw = {new byte[0]};
        final ResultValues values = new ResultValues();
        final ResultDetails details = new ResultDetails(values);
        in.beginAllowingNonNumericNumbers(body, length);
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            switch (field)
            {
                case "commandId": commandId = in.id(field, Ids.MAX_LENGTH); break;
                case "status":
                    if (in.token() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING)
                    {
                        in.ignore();  // no status it could say
                        break;
                    }
                    final String value = in.string(field, SeedFields.MAX_TEXT);
                    status = "executed".equalsIgnoreCase(value) ? ExecutorBodies.STATUS_EXECUTED
                        : "failed".equalsIgnoreCase(value) ? ExecutorBodies.STATUS_FAILED : 0;
                    unknownStatus = value != null && status == 0;
                    break;
                case "result":
                    if (in.token() == com.fasterxml.jackson.core.JsonToken.START_OBJECT)
                    {
                        resultObject(in, numbers, message, raw, values, details);
                    }
                    else
                    {
                        in.ignore();
                    }
                    break;
                default: in.ignore();
            }
        }
        in.finish();
        if (commandId == null)
        {
            throw BadRequest.validation("commandId", "commandId is required");
        }
        if (unknownStatus && (numbers[0] & UNSUCCESSFUL) == 0)
        {
            throw BadRequest.validation("status", "status must be executed or failed");
        }
        if (status == 0 && (numbers[0] & UNSUCCESSFUL) == 0)
        {
            throw BadRequest.validation("status", "status is required (executed or failed)");
        }
        final int code = (numbers[0] & UNSUCCESSFUL) != 0 ? ExecutorBodies.STATUS_FAILED : status;
        if (values.unreadable() != null && code != ExecutorBodies.STATUS_FAILED)
        {
            throw BadRequest.validation(values.unreadable(), values.why());
        }
        final String id = commandId;
        numbers[0] &= ~UNSUCCESSFUL;
        return writer -> {
            ExecutorBodies.commandResult(writer, executorId, id, code, (int)numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], message[0],
                raw[0], 0, raw[0].length);
            details.encode(writer);
        };
    }

    private static void resultObject(final RequestReader in, final long[] numbers, final String[] message, final byte[][] raw,
        final ResultValues values, final ResultDetails details) throws BadRequest
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
                numbers[0] |= success == 1 ? ExecutorBodies.RESULT_SUCCESS : success == 0 ? UNSUCCESSFUL : 0;
            }
            else if (name.equals("message"))
            {
                final String number = in.token().isNumeric() ? in.scalarText() : null;
                final String text = in.token() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? cut(in.string(name, Integer.MAX_VALUE)) : number;
                message[0] = text == null ? "" : text;
                if (text == null)
                {
                    in.ignore();
                }
            }
            else if (name.equals("details") && in.token() == com.fasterxml.jackson.core.JsonToken.START_OBJECT)
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
                            numbers[1] = values.ticket(in, d);  // 0 is MT5's "no ticket": none
                            numbers[0] |= numbers[1] == 0 ? 0 : ExecutorBodies.RESULT_TICKET;
                            break;
                        case "price": number(numbers, 2, values.decimal(in, d), ExecutorBodies.RESULT_PRICE); break;
                        case "lots": number(numbers, 3, values.decimal(in, d), ExecutorBodies.RESULT_LOTS); break;
                        case "profit": number(numbers, 4, values.money(in, d), ExecutorBodies.RESULT_PROFIT); break;
                        default: details.read(in, d);
                    }
                }
            }
            else
            {
                in.ignore();
            }
        }
        final int end = in.valueEnd(start);
        if (end - start <= ExecutorBodies.MAX_RAW_JSON)
        {
            raw[0] = in.copy(start, end);
        }
    }

    private static void number(final long[] numbers, final int at, final long value, final int flag)
    {
        numbers[at] = value == ResultValues.NONE ? 0 : value;
        numbers[0] |= value == ResultValues.NONE ? 0 : flag;
    }

    private static RequestBody trade(final RequestReader in, final byte[] body, final int length) throws BadRequest
    {
        String executorId = null;
        boolean close = false;
        boolean partial = false;  // since the closedLots-0 fix: closedLots given makes a partial close, 0 refused
        int side = 0;
        int flags = 0;
        String symbol = "";
        String comment = "";
        final long[] v = new long[13];  // ticket, lots, open, sl, tp, magic, close price, commission, swap, profit, closed lots, deal
        v[0] = -1;
        in.beginAllowingNonNumericNumbers(body, length);
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (in.isNull())
            {
                continue;
            }
            switch (field)
            {
                case "executorId": executorId = in.id(field, Ids.MAX_LENGTH); break;
                case "ticket": v[0] = ticket(in, field); break;
                case "symbol": symbol = orEmpty(in.string(field, SeedFields.MAX_TEXT)); break;
                case "type":
                case "side":
                    final String type = orEmpty(in.string(field, SeedFields.MAX_TEXT));
                    if (field.equals("type") && type.equals("trade"))
                    {
                        break;
                    }
                    side = "BUY".equalsIgnoreCase(type) ? Side.BUY.code() : "SELL".equalsIgnoreCase(type) ? Side.SELL.code() : -1;
                    if (side < 0)
                    {
                        in.fail(field, "type must be BUY or SELL");
                    }
                    break;
                case "lots": v[1] = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_LOTS; break;
                case "openPrice": v[2] = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_OPEN_PRICE; break;
                case "stopLoss": v[3] = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_STOP_LOSS; break;
                case "takeProfit": v[4] = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_TAKE_PROFIT; break;
                case "magicNumber": v[5] = SeedFields.whole(in, field); flags |= ExecutorBodies.TRADE_MAGIC; break;
                case "comment": comment = orEmpty(cut(in.string(field, Integer.MAX_VALUE))); break;
                case "closeTime": close = true; in.ignore(); break;
                case "closePrice": close = true; v[6] = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_CLOSE_PRICE; break;
                case "commission": v[7] = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_COMMISSION; break;
                case "swap": v[8] = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_SWAP; break;
                case "profit": close = true; v[9] = SeedFields.decimal(in, field); flags |= ExecutorBodies.TRADE_PROFIT; break;
                case "closedLots": v[10] = SeedFields.decimal(in, field); partial = true; break;
                case "deal": v[11] = ticket(in, field); break;
                default: in.ignore();
            }
        }
        in.finish();
        if (executorId == null)
        {
            throw BadRequest.validation("executorId", "executorId is required");
        }
        if (v[0] < 0)
        {
            throw BadRequest.validation("ticket", "ticket is required");
        }
        final int kind;
        if (partial)
        {
            if (v[10] <= 0)
            {
                throw BadRequest.validation("closedLots", "closedLots must be positive");
            }
            if (v[11] == 0)
            {
                throw BadRequest.validation("deal", "a partial-close report (closedLots) needs the deal ticket of the partial close");
            }
            kind = ExecutorBodies.TRADE_PARTIAL;
        }
        else
        {
            if (!close && (symbol.isEmpty() || side == 0 || (flags & ExecutorBodies.TRADE_LOTS) == 0 || (flags & ExecutorBodies.TRADE_OPEN_PRICE) == 0))
            {
                throw BadRequest.validation(null, "a trade open report needs symbol, type, lots and openPrice");
            }
            kind = close ? ExecutorBodies.TRADE_CLOSE : ExecutorBodies.TRADE_OPEN;
            v[11] = 0;
        }
        final String id = executorId;
        final String instrument = symbol;
        final String text = comment;
        final int direction = side;
        final int present = flags;
        return writer -> ExecutorBodies.tradeReport(writer, id, kind, present, v[0], instrument, direction, v[1], v[2], v[3], v[4], v[5], v[6],
            v[7], v[8], v[9], text, v[10], v[11]);
    }

    private static long ticket(final RequestReader in, final String field) throws BadRequest
    {
        final String text = in.scalarText();
        long value = 0;
        final boolean digits = text != null && !text.isEmpty() && text.length() <= 18;
        for (int i = 0; digits && i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                value = 0;
                break;
            }
            value = value * 10 + (c - '0');
        }
        if (!digits || value == 0)
        {
            in.fail(field, field + " must be an MT5 ticket number");
            if (text == null)
            {
                in.ignore();
            }
            return 0;
        }
        return value;
    }

    /** The first {@link SeedFields#MAX_TEXT} characters, never half a surrogate pair. */
    private static String cut(final String text)
    {
        if (text == null || text.length() <= SeedFields.MAX_TEXT)
        {
            return text;
        }
        final int kept = Character.isHighSurrogate(text.charAt(SeedFields.MAX_TEXT - 1)) ? SeedFields.MAX_TEXT - 1 : SeedFields.MAX_TEXT;
        return text.substring(0, kept);
    }

    private static String orEmpty(final String text)
    {
        return text == null ? "" : text;
    }
}
