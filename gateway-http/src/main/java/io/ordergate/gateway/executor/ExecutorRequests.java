package io.ordergate.gateway.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.CommandPriority;
import io.ordergate.mt5.ExecutorBodies;
import io.ordergate.mt5.ExecutorCommandType;

/**
 * Decodes the executor routes' JSON (seed 000's camelCase bodies, and the admin routes' snake_case ones) into
 * command bodies. Decimals are parsed exactly from the JSON text, numbers or strings. Unknown fields of seed bodies
 * are ignored (executors in the field send more than the document lists); raw objects (heartbeat metadata, result,
 * admin parameters) are kept as sent, bounded. Stateless: safe from any thread; these paths may allocate.
 */
public final class ExecutorRequests
{
    public static final String EXECUTOR_KEY_PREFIX = "exe_";
    static final int MAX_TEXT = 256;
    static final int MAX_ID = 64;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private ExecutorRequests()
    {
    }

    // ---- bodies ----

    public record Id(String executorId) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.executorId(writer, executorId);
        }
    }

    public record Empty() implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
        }
    }

    public record CreateExecutor(String executorId, String name, String platform, String accountId, String apiKey, String apiSecret,
        byte[] secretHash) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.createExecutor(writer, executorId, name, platform, accountId, apiKey, secretHash);
        }

        @Override
        public String toString()
        {
            return "CreateExecutor{" + executorId + ", " + accountId + "}";  // never the secret
        }
    }

    public record Command(String executorId, ExecutorCommandType type, CommandPriority priority, byte[] parameters) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.executorCommand(writer, executorId, type, priority, parameters, parameters.length);
        }
    }

    public record Heartbeat(String executorId, String status, int flags, long balance, long equity, long openPositions, byte[] metadata)
        implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.heartbeat(writer, executorId, status, flags, balance, equity, openPositions, metadata, metadata.length);
        }
    }

    public record Result(String executorId, String commandId, int status, int flags, long ticket, long price, long lots, long profit,
        String message, byte[] result) implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.commandResult(writer, executorId, commandId, status, flags, ticket, price, lots, profit, message, result, result.length);
        }
    }

    public record Trade(String executorId, int kind, int flags, long ticket, String symbol, int side, long lots, long openPrice,
        long stopLoss, long takeProfit, long magic, long closePrice, long commission, long swap, long profit, String comment)
        implements RequestBody
    {
        @Override
        public void encode(final BodyWriter writer)
        {
            ExecutorBodies.tradeReport(writer, executorId, kind, flags, ticket, symbol, side, lots, openPrice, stopLoss, takeProfit,
                magic, closePrice, commission, swap, profit, comment);
        }
    }

    /** A decoded request with the command type it travels as. */
    public record Decoded(CommandType type, RequestBody body)
    {
    }

    // ---- admin routes (snake_case) ----

    /** POST /api/v1/executors: {"name", "platform"?, "account_id", "executor_id"?}. Makes the credentials. */
    public static CreateExecutor createExecutor(final byte[] body, final int length) throws BadRequest
    {
        String executorId = null;
        String name = null;
        String platform = "MT5";
        String accountId = null;
        try (JsonParser parser = object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                parser.nextToken();
                switch (field)
                {
                    case "executor_id": executorId = id(parser, field); break;
                    case "name": name = text(parser, field); break;
                    case "platform": platform = text(parser, field); break;
                    case "account_id": accountId = id(parser, field); break;
                    default: throw BadRequest.validation(field, "unknown field " + field);
                }
            }
        }
        catch (final IOException ex)
        {
            throw BadRequest.invalidJson("request body is not valid JSON");
        }
        if (name == null || name.isEmpty())
        {
            throw BadRequest.validation("name", "name is required");
        }
        if (accountId == null)
        {
            throw BadRequest.validation("account_id", "account_id is required");
        }
        if (platform == null || !(platform.equals("MT5") || platform.equals("MT4")))
        {
            throw BadRequest.validation("platform", "platform must be MT5 or MT4");
        }
        final String id = executorId != null ? executorId : EXECUTOR_KEY_PREFIX + random(16);
        final String secret = Secrets.newSecret();
        return new CreateExecutor(id, name, platform, accountId, EXECUTOR_KEY_PREFIX + random(24), secret, Secrets.hash(secret));
    }

    /** POST /api/v1/executors/{id}/commands: {"command", "parameters"?: {}, "priority"?: "NORMAL"}. */
    public static Command command(final String executorId, final byte[] body, final int length) throws BadRequest
    {
        ExecutorCommandType type = null;
        CommandPriority priority = CommandPriority.NORMAL;
        byte[] parameters = new byte[0];
        try (JsonParser parser = object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                parser.nextToken();
                switch (field)
                {
                    case "command":
                        type = ExecutorCommandType.fromName(text(parser, field));
                        if (type == null || !type.isControl())
                        {
                            throw BadRequest.validation(field, "command must be one of GET_STATUS, PAUSE, RESUME, STOP_ALL, CLOSE_ALL_POSITIONS, RESTART");
                        }
                        break;
                    case "priority":
                        priority = CommandPriority.fromName(text(parser, field));
                        if (priority == null)
                        {
                            throw BadRequest.validation(field, "priority must be one of URGENT, HIGH, NORMAL, LOW");
                        }
                        break;
                    case "parameters": parameters = rawObject(parser, body, field); break;
                    default: throw BadRequest.validation(field, "unknown field " + field);
                }
            }
        }
        catch (final IOException ex)
        {
            throw BadRequest.invalidJson("request body is not valid JSON");
        }
        if (type == null)
        {
            throw BadRequest.validation("command", "command is required");
        }
        return new Command(executorId, type, priority, parameters);
    }

    // ---- seed 000 routes (camelCase) ----

    /** POST /api/executor/{id}/heartbeat (body optional) or a WebSocket {"type": "heartbeat", ...}. */
    public static Heartbeat heartbeat(final String executorId, final byte[] body, final int length) throws BadRequest
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
        try (JsonParser parser = object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken token = parser.nextToken();
                if (field.equals("status") && token != JsonToken.VALUE_NULL)
                {
                    status = text(parser, field);
                }
                else if (field.equals("metadata") && token == JsonToken.START_OBJECT)
                {
                    final int start = (int)parser.currentTokenLocation().getByteOffset();
                    while (parser.nextToken() == JsonToken.FIELD_NAME)
                    {
                        final String name = parser.currentName();
                        final JsonToken value = parser.nextToken();
                        if (value == JsonToken.VALUE_NULL)
                        {
                            continue;
                        }
                        switch (name)
                        {
                            case "accountBalance": balance = decimal(parser, name); flags |= ExecutorBodies.HEARTBEAT_BALANCE; break;
                            case "accountEquity": equity = decimal(parser, name); flags |= ExecutorBodies.HEARTBEAT_EQUITY; break;
                            case "openPositions": openPositions = whole(parser, name); flags |= ExecutorBodies.HEARTBEAT_OPEN_POSITIONS; break;
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

    /** PATCH /api/executor/{id}/command or a WebSocket {"type": "command_result", ...}. */
    public static Result result(final String executorId, final byte[] body, final int length) throws BadRequest
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
        try (JsonParser parser = object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken token = parser.nextToken();
                switch (field)
                {
                    case "commandId": commandId = id(parser, field); break;
                    case "status":
                        final String value = text(parser, field);
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
                                message = text(parser, name);
                            }
                            else if (name.equals("details") && v == JsonToken.START_OBJECT)
                            {
                                while (parser.nextToken() == JsonToken.FIELD_NAME)
                                {
                                    final String d = parser.currentName();
                                    final JsonToken dv = parser.nextToken();
                                    if (dv == JsonToken.VALUE_NULL)
                                    {
                                        continue;
                                    }
                                    switch (d)
                                    {
                                        case "ticket": ticket = ticket(parser, d); flags |= ExecutorBodies.RESULT_TICKET; break;
                                        case "price": price = decimal(parser, d); flags |= ExecutorBodies.RESULT_PRICE; break;
                                        case "lots": lots = decimal(parser, d); flags |= ExecutorBodies.RESULT_LOTS; break;
                                        case "profit": profit = decimal(parser, d); flags |= ExecutorBodies.RESULT_PROFIT; break;
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
        return new Result(executorId, commandId, status, flags, ticket, price, lots, profit, message, result);
    }

    /** POST /api/trade or a WebSocket {"type": "trade", ...}: an open report, or a close report (closeTime/closePrice/profit). */
    public static Trade trade(final byte[] body, final int length) throws BadRequest
    {
        String executorId = null;
        int flags = 0;
        boolean close = false;
        long ticket = -1;
        String symbol = "";
        int side = 0;
        long lots = 0;
        long openPrice = 0;
        long stopLoss = 0;
        long takeProfit = 0;
        long magic = 0;
        long closePrice = 0;
        long commission = 0;
        long swap = 0;
        long profit = 0;
        String comment = "";
        try (JsonParser parser = object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_NULL)
                {
                    continue;
                }
                switch (field)
                {
                    case "executorId": executorId = id(parser, field); break;
                    case "ticket": ticket = ticket(parser, field); break;
                    case "symbol": symbol = text(parser, field); break;
                    case "type":
                    case "side":
                        final String type = text(parser, field);
                        if (field.equals("type") && type.equals("trade"))
                        {
                            break;  // a WebSocket message's type; the direction then comes as "side"
                        }
                        side = "BUY".equalsIgnoreCase(type) ? Side.BUY.code() : "SELL".equalsIgnoreCase(type) ? Side.SELL.code() : -1;
                        if (side < 0)
                        {
                            throw BadRequest.validation(field, "type must be BUY or SELL");
                        }
                        break;
                    case "lots": lots = decimal(parser, field); flags |= ExecutorBodies.TRADE_LOTS; break;
                    case "openPrice": openPrice = decimal(parser, field); flags |= ExecutorBodies.TRADE_OPEN_PRICE; break;
                    case "stopLoss": stopLoss = decimal(parser, field); flags |= ExecutorBodies.TRADE_STOP_LOSS; break;
                    case "takeProfit": takeProfit = decimal(parser, field); flags |= ExecutorBodies.TRADE_TAKE_PROFIT; break;
                    case "magicNumber": magic = whole(parser, field); flags |= ExecutorBodies.TRADE_MAGIC; break;
                    case "comment": comment = text(parser, field); break;
                    case "closeTime": close = true; parser.skipChildren(); break;
                    case "closePrice": close = true; closePrice = decimal(parser, field); flags |= ExecutorBodies.TRADE_CLOSE_PRICE; break;
                    case "commission": commission = decimal(parser, field); flags |= ExecutorBodies.TRADE_COMMISSION; break;
                    case "swap": swap = decimal(parser, field); flags |= ExecutorBodies.TRADE_SWAP; break;
                    case "profit": close = true; profit = decimal(parser, field); flags |= ExecutorBodies.TRADE_PROFIT; break;
                    default: parser.skipChildren();  // strategyId, openTime, pips, type of a WebSocket message
                }
            }
        }
        catch (final IOException ex)
        {
            throw BadRequest.invalidJson("request body is not valid JSON");
        }
        if (executorId == null)
        {
            throw BadRequest.validation("executorId", "executorId is required");
        }
        if (ticket < 0)
        {
            throw BadRequest.validation("ticket", "ticket is required");
        }
        if (!close && (symbol.isEmpty() || side == 0 || (flags & ExecutorBodies.TRADE_LOTS) == 0 || (flags & ExecutorBodies.TRADE_OPEN_PRICE) == 0))
        {
            throw BadRequest.validation(null, "a trade open report needs symbol, type, lots and openPrice");
        }
        return new Trade(executorId, close ? ExecutorBodies.TRADE_CLOSE : ExecutorBodies.TRADE_OPEN, flags, ticket, symbol, side, lots,
            openPrice, stopLoss, takeProfit, magic, closePrice, commission, swap, profit, comment);
    }

    /** The {@code type} of a WebSocket message, or null. */
    public static String messageType(final byte[] body, final int length) throws BadRequest
    {
        try (JsonParser parser = object(body, length))
        {
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                parser.nextToken();
                if (field.equals("type") && parser.currentToken() == JsonToken.VALUE_STRING)
                {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        }
        catch (final IOException ex)
        {
            throw BadRequest.invalidJson("message is not valid JSON");
        }
    }

    // ---- helpers ----

    private static JsonParser object(final byte[] body, final int length) throws BadRequest, IOException
    {
        final JsonParser parser = RequestReader.FACTORY.createParser(body, 0, length);
        if (parser.nextToken() != JsonToken.START_OBJECT)
        {
            parser.close();
            throw BadRequest.invalidJson("request body must be a JSON object");
        }
        return parser;
    }

    private static boolean isBlank(final byte[] body, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (body[i] > ' ')
            {
                return false;
            }
        }
        return true;
    }

    private static String text(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        if (parser.currentToken() != JsonToken.VALUE_STRING)
        {
            throw BadRequest.validation(field, field + " must be a string");
        }
        final String value = parser.getText();
        if (value.length() > MAX_TEXT)
        {
            throw BadRequest.validation(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String id(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        final String value = text(parser, field);
        if (!RequestReader.isId(value, MAX_ID))
        {
            throw BadRequest.validation(field, field + " must be 1 to " + MAX_ID + " of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    static long decimal(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        final JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_STRING)
        {
            throw BadRequest.validation(field, field + " must be a number");
        }
        final long value = FixedPoint.parse(parser.getText(), NewOrderBody.WIRE_DIGITS);
        if (FixedPoint.isError(value))
        {
            throw BadRequest.validation(field, field + " must be a decimal with at most 8 decimal places");
        }
        return value;
    }

    private static long whole(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        final long value = decimal(parser, field);
        final long unit = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);
        if (value % unit != 0)
        {
            throw BadRequest.validation(field, field + " must be a whole number");
        }
        return value / unit;
    }

    private static long ticket(final JsonParser parser, final String field) throws IOException, BadRequest
    {
        final JsonToken token = parser.currentToken();
        final String text = token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT ? parser.getText() : "";
        if (text.isEmpty() || text.length() > 18)
        {
            throw BadRequest.validation(field, field + " must be an MT5 ticket number");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                throw BadRequest.validation(field, field + " must be an MT5 ticket number");
            }
            value = value * 10 + (c - '0');
        }
        if (value == 0)
        {
            throw BadRequest.validation(field, field + " must be an MT5 ticket number");
        }
        return value;
    }

    private static byte[] rawObject(final JsonParser parser, final byte[] body, final String field) throws IOException, BadRequest
    {
        if (parser.currentToken() != JsonToken.START_OBJECT)
        {
            throw BadRequest.validation(field, field + " must be an object");
        }
        final int start = (int)parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        final int end = (int)parser.currentLocation().getByteOffset();
        if (end - start > ExecutorBodies.MAX_RAW_JSON)
        {
            throw BadRequest.validation(field, field + " is larger than " + ExecutorBodies.MAX_RAW_JSON + " bytes");
        }
        return Arrays.copyOfRange(body, start, end);
    }

    private static String random(final int length)
    {
        final char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = LOWER_ALNUM[RANDOM.nextInt(LOWER_ALNUM.length)];
        }
        return new String(chars);
    }

    static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static BadRequest invalid(final String message)
    {
        return new BadRequest(ResultCode.VALIDATION_ERROR, message, null);
    }
}
