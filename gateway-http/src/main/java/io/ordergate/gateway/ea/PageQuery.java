package io.ordergate.gateway.ea;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.gateway.core.QueryParameters;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.mt5.ea.EaBodies;

/**
 * Seed 002's pagination, {@code ?page=1&page_size=50} (page from 1; page_size 1..200, 50 when absent); any other
 * parameter, or one given twice, is refused. As a command body: an id first when the list is of one record's (a
 * project's versions, a deployment's logs), then page and page size. Immutable.
 */
public record PageQuery(String id, int page, int pageSize) implements RequestBody
{
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    public static PageQuery read(final QueryParameters query) throws BadRequest
    {
        return read(null, query);
    }

    public static PageQuery read(final String id, final QueryParameters query) throws BadRequest
    {
        int page = 1;
        int pageSize = DEFAULT_PAGE_SIZE;
        for (int i = 0; i < query.size(); i++)
        {
            final String name = query.name(i);
            if (query.count(name) != 1)
            {
                throw BadRequest.validation(name, name + " may be given once");
            }
            switch (name)
            {
                case "page": page = number(name, query.value(i), 1_000_000); break;
                case "page_size": pageSize = number(name, query.value(i), MAX_PAGE_SIZE); break;
                default: throw BadRequest.validation(name.length() > 64 ? null : name, "unknown query parameter (page and page_size are known)");
            }
        }
        return new PageQuery(id, page, pageSize);
    }

    private static int number(final String name, final String value, final int max) throws BadRequest
    {
        if (!value.isEmpty() && value.length() <= 7 && value.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            final int number = Integer.parseInt(value);
            if (number >= 1 && number <= max)
            {
                return number;
            }
        }
        throw BadRequest.validation(name, name + " must be a whole number from 1 to " + max);
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        if (id != null)
        {
            EaBodies.id(writer, id);
        }
        EaBodies.page(writer, page, pageSize);
    }
}
