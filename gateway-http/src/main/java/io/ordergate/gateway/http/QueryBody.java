package io.ordergate.gateway.http;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.OrderRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * The body of a read or of a path-only command (an id, an account, a list filter), reused per connection.
 * <b>Not thread safe</b>: belongs to one connection; the reply stage never reads it.
 */
final class QueryBody implements RequestBody
{
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;

    private CommandType type;
    private long id;
    private String text;
    private int statusFilter;
    private int limit;

    /** A body of one id (orders). */
    QueryBody id(final CommandType type, final long id)
    {
        this.type = type;
        this.id = id;
        return this;
    }

    /** A body of one account id or symbol (may be empty: every visible account). */
    QueryBody text(final CommandType type, final String text)
    {
        this.type = type;
        this.text = text;
        return this;
    }

    /** Lists: reads {@code account_id}, {@code status} and {@code limit} from the query string, as the type allows. */
    QueryBody list(final CommandType type, final String uri, final int queryStart) throws BadRequest
    {
        this.type = type;
        this.text = "";
        this.statusFilter = CommandBodies.STATUS_ANY;
        this.limit = DEFAULT_LIMIT;
        if (queryStart >= uri.length())
        {
            return this;
        }
        final Map<String, List<String>> parameters = new QueryStringDecoder(uri).parameters();
        for (final Map.Entry<String, List<String>> parameter : parameters.entrySet())
        {
            final String name = parameter.getKey();
            final List<String> values = parameter.getValue();
            if (values.size() != 1)
            {
                throw BadRequest.validation(name, name + " may be given once");
            }
            final String value = values.get(0);
            switch (name)
            {
                case "account_id":
                    if (!value.isEmpty() && !RequestReader.isId(value, OrderRequest.MAX_ACCOUNT_ID))
                    {
                        throw BadRequest.validation(name, "account_id must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
                    }
                    text = value;
                    break;
                case "status":
                    if (type != CommandType.LIST_ORDERS)
                    {
                        throw BadRequest.validation(name, "unknown query parameter \"status\"");
                    }
                    statusFilter = statusFilter(value);
                    break;
                case "limit":
                    if (type == CommandType.LIST_POSITIONS)
                    {
                        throw BadRequest.validation(name, "unknown query parameter \"limit\"");
                    }
                    limit = limit(value);
                    break;
                default:
                    throw BadRequest.validation(name.length() > 64 ? null : name, "unknown query parameter");
            }
        }
        return this;
    }

    CommandType type()
    {
        return type;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        switch (type)
        {
            case GET_ORDER:
            case CANCEL_ORDER:
                CommandBodies.orderId(writer, id);
                break;
            case LIST_ORDERS:
                CommandBodies.listOrders(writer, text, statusFilter, limit);
                break;
            case LIST_TRADES:
                CommandBodies.listTrades(writer, text, limit);
                break;
            case GET_QUOTE:
                CommandBodies.symbol(writer, text);
                break;
            case LIST_ACCOUNTS:
            case STATE_DIGEST:
                break;
            default:
                CommandBodies.accountId(writer, text);
        }
    }

    private static int statusFilter(final String value) throws BadRequest
    {
        if (value.equals("open"))
        {
            return CommandBodies.STATUS_OPEN;
        }
        final OrderStatus status = OrderStatus.fromWireName(value);
        if (status == null)
        {
            throw BadRequest.validation("status",
                "status must be one of open, accepted, routed, partially_filled, filled, cancelled, rejected, expired, unknown");
        }
        return status.ordinal() + 2;
    }

    private static int limit(final String value) throws BadRequest
    {
        if (!value.isEmpty() && value.length() <= 4 && value.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            final int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT)
            {
                return limit;
            }
        }
        throw BadRequest.validation("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
