package io.ordergate.gateway.logs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.agrona.ExpandableArrayBuffer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.QueryParameters;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;

/**
 * {@code GET /api/v1/logs?account_id=&log_type=main|trade|error&level=DEBUG|INFO|WARNING|ERROR&limit=50} (seed
 * 001): the caller's accounts' lines, newest first, as {@code {"logs": [{"timestamp", "level", "message",
 * "context"}]}}. Which accounts the caller may see is the engine's answer to a read made as the caller (an account it
 * may not see is 404, like one that does not exist); the lines are {@link AccountLogs}'. Seed 001's
 * {@code GET /api/v1/experts/{id}/logs} is the same answer for the expert's account; its row belongs with the experts
 * (issue 13). Thread safe.
 */
public final class LogRoutes implements Feature
{
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final Accesses access;
    private final CommandPublisher publisher;

    public LogRoutes(final Accesses access, final CommandPublisher publisher)
    {
        this.access = access;
        this.publisher = publisher;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/logs", access.scope(Scope.READ), this::logs));
    }

    /** The filters of one request, and who waits for its answer. */
    record Query(String accountId, boolean trade, int minLevel, int limit, Deferred answer)
    {
    }

    /**
     * The read that says which accounts the caller sees travels the ring as the caller; its answer is written by the
     * fan-out ({@link AccountLogs}) when the read reaches it, so every command before the read is in the lines.
     */
    private void logs(final Exchange exchange) throws BadRequest
    {
        final QueryParameters parameters = exchange.query();
        final int principal = exchange.caller().principal();
        final Deferred later = exchange.defer();
        final Query query;
        try
        {
            query = query(parameters, later);
        }
        catch (final BadRequest bad)
        {
            later.error(bad.code(), bad.getMessage(), bad.field());
            return;
        }
        final boolean published = query.accountId().isEmpty()
            ? publisher.publish(CommandType.LIST_ACCOUNTS, principal, CommandFrame.SOURCE_HTTP, writer -> CommandBodies.accountId(writer, ""), null, query)
            : publisher.publish(CommandType.GET_ACCOUNT, principal, CommandFrame.SOURCE_HTTP,
                writer -> CommandBodies.accountId(writer, query.accountId()), null, query);
        if (!published)
        {
            later.error(ResultCode.OVERLOADED, null, null);
        }
    }

    /** Fan-out thread: the accounts the engine showed the caller, and their lines. */
    static void answer(final CommandEvent event, final Query query, final AccountLogs logs)
    {
        if (event.result == null || !event.result.isSuccess())
        {
            final ResultCode code = event.result == null ? ResultCode.JOURNAL_FAILED : event.result;
            query.answer().error(code, event.resultMessage, event.resultField);
            return;
        }
        final List<String> accounts = query.accountId().isEmpty() ? accountIds(event) : List.of(query.accountId());
        final JsonWriter json = new JsonWriter().wrap(new ExpandableArrayBuffer(4096), 0);
        json.startObject().name("logs").startArray();
        for (final AccountLogs.Line line : logs.newest(accounts, query.trade(), query.minLevel(), query.limit()))
        {
            json.startObject();
            json.name("timestamp").time(line.micros());
            json.name("level").string(AccountLogs.LEVELS[line.level()]);
            json.name("message").string(line.message());
            json.name("context").startObject()
                .name("command").string(line.command())
                .name("by").string(line.who())
                .name("result").string(line.result())
                .name("journal_index").string(Long.toHexString(line.journalIndex()))
                .endObject();
            json.endObject();
        }
        json.endArray().endObject();
        query.answer().json(200, json);
    }

    /** The account ids of a LIST_ACCOUNTS answer. */
    private static List<String> accountIds(final CommandEvent event)
    {
        final byte[] json = new byte[event.outputLength];
        event.output.getBytes(0, json);
        final List<String> ids = new ArrayList<>();
        try (JsonParser parser = RequestReader.FACTORY.createParser(json))
        {
            while (parser.nextToken() != null)
            {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "account_id".equals(parser.currentName()))
                {
                    parser.nextToken();
                    ids.add(parser.getText());
                }
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("the engine's account list is not JSON", ex);
        }
        return ids;
    }

    private static Query query(final QueryParameters query, final Deferred later) throws BadRequest
    {
        String accountId = "";
        boolean trade = false;
        boolean errors = false;
        int minLevel = AccountLogs.INFO;
        int limit = DEFAULT_LIMIT;
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
                    if (!value.isEmpty() && !Ids.isId(value, Ids.MAX_LENGTH))
                    {
                        throw BadRequest.validation(name, "account_id must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
                    }
                    accountId = value;
                    break;
                case "log_type":
                    switch (value.toLowerCase(Locale.ROOT))
                    {
                        case "main": break;
                        case "trade": trade = true; break;
                        case "error": errors = true; break;
                        default: throw BadRequest.validation(name, "log_type must be main, trade or error");
                    }
                    break;
                case "level":
                    minLevel = java.util.Arrays.asList(AccountLogs.LEVELS).indexOf(value.toUpperCase(Locale.ROOT));
                    if (minLevel < 0)
                    {
                        throw BadRequest.validation(name, "level must be DEBUG, INFO, WARNING or ERROR");
                    }
                    break;
                case "limit":
                    limit = limit(value);
                    break;
                default:
                    throw BadRequest.validation(name.length() > Ids.MAX_LENGTH ? null : name, "unknown query parameter");
            }
        }
        return new Query(accountId, trade, errors ? Math.max(minLevel, AccountLogs.WARNING) : minLevel, limit, later);
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
