package io.ordergate.gateway.orders;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.gateway.core.QueryParameters;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;

/**
 * The filters of a list route from its query string: {@code account_id} (every list), {@code status} (orders) and
 * {@code limit} (orders, trades, closed positions); anything else, or a name given twice, is refused. Immutable once read.
 */
final class ListQuery implements RequestBody
{
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    /** Seed 003's {@code GET /trading/positions/{account_id}}: "limit: integer (default: 50)". */
    static final int SEED_003_DEFAULT_LIMIT = 50;

    private final CommandType type;
    private String accountId = "";
    private int statusFilter = CommandBodies.STATUS_ANY;
    private int limit;
    /** The account was named by seed 002's {@code broker_connection_id}: its client reads seed 002's names. */
    private boolean seed002;

    private ListQuery(final CommandType type)
    {
        this.type = type;
        this.limit = type == CommandType.LIST_POSITIONS ? Integer.MAX_VALUE : DEFAULT_LIMIT;  // positions: every open one
    }

    static ListQuery read(final CommandType type, final QueryParameters query) throws BadRequest
    {
        final ListQuery list = new ListQuery(type);
        for (int i = 0; i < query.size(); i++)
        {
            final String name = query.name(i);
            final String value = query.value(i);
            if (query.count(name) != 1)
            {
                throw BadRequest.validation(name, name + " may be given once");
            }
            switch (name)
            {
                case "account_id":
                case "broker_connection_id":  // seed 002's name for it
                    if (!value.isEmpty() && !Ids.isId(value, Ids.MAX_LENGTH))
                    {
                        throw BadRequest.validation(name, name + " must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
                    }
                    if (list.accountId != null && !list.accountId.isEmpty())
                    {
                        throw BadRequest.validation(name, "give account_id or broker_connection_id, not both");
                    }
                    list.accountId = value;
                    list.seed002 = name.charAt(0) == 'b';
                    break;
                case "status":
                    if (type != CommandType.LIST_ORDERS)
                    {
                        throw BadRequest.validation(name, "unknown query parameter \"status\"");
                    }
                    list.statusFilter = statusFilter(value);
                    break;
                case "limit":
                    if (type == CommandType.LIST_POSITIONS)
                    {
                        throw BadRequest.validation(name, "unknown query parameter \"limit\"");
                    }
                    list.limit = limit(value);
                    break;
                default:
                    throw BadRequest.validation(name.length() > Ids.MAX_LENGTH ? null : name, "unknown query parameter");
            }
        }
        return list;
    }

    /**
     * Seed 003's {@code GET /trading/positions/{account_id}?limit=}: the account's closed positions, the account named
     * by the path; only {@code limit} may be given (default 50).
     */
    static ListQuery seed003ClosedPositions(final String accountId, final QueryParameters query) throws BadRequest
    {
        final ListQuery list = new ListQuery(CommandType.LIST_CLOSED_POSITIONS);
        list.accountId = accountId;
        list.limit = SEED_003_DEFAULT_LIMIT;
        for (int i = 0; i < query.size(); i++)
        {
            final String name = query.name(i);
            if (!name.equals("limit"))
            {
                throw BadRequest.validation(name.length() > Ids.MAX_LENGTH ? null : name, "only limit may be given");
            }
            if (query.count(name) != 1)
            {
                throw BadRequest.validation(name, name + " may be given once");
            }
            list.limit = limit(query.value(i));
        }
        return list;
    }

    boolean seed002()
    {
        return seed002;
    }

    CommandType type()
    {
        return type;
    }

    String accountId()
    {
        return accountId;
    }

    int statusFilter()
    {
        return statusFilter;
    }

    int limit()
    {
        return limit;
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        switch (type)
        {
            case LIST_ORDERS:
                CommandBodies.listOrders(writer, accountId, statusFilter, limit);
                break;
            case LIST_TRADES:
            case LIST_CLOSED_POSITIONS:
                CommandBodies.listTrades(writer, accountId, limit);
                break;
            default:
                CommandBodies.accountId(writer, accountId);
        }
    }

    private static int statusFilter(final String given) throws BadRequest
    {
        final String value = given.toLowerCase(java.util.Locale.ROOT);  // enumerations in any letter case (API.md)
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
