package io.ordergate.gateway.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.query.PerformanceQuery;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.QueryParameters;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;

/**
 * Seed 003's performance routes (API.md "Performance"): per account, group and bot, in seed 003's shapes. One read
 * (PERFORMANCE_DATA) copies the scope's accounts out of the engine (those the caller may see, their balance and
 * unrealized PnL now); the figures are computed from the accounts' whole record of fills and transfers ({@link FillStore},
 * up to date with every command before the read) by {@link PerformanceLedger}, on a worker ({@link PerformanceReads}).
 * Dates: {@code start_date}/{@code end_date} as {@code YYYY-MM-DD} (UTC days, both included) or ISO instants. Thread safe.
 */
public final class PerformanceRoutes implements Feature, AutoCloseable
{
    private static final String[] INTERVALS = PerformanceReads.INTERVALS;
    /** The range's bounds: ISO-8601's four-digit years. The ledger counts time in microseconds, which end near the year 294,000. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private final Accesses access;
    private final PerformanceReads reads;

    /**
     * @param fills  every fill and transfer, kept on the reply stage (the thread these answers are written on)
     * @param health the member accounts' links to their venues, for a group's metrics
     * @param cpuPct the share of one core the performance worker may take
     */
    public PerformanceRoutes(final Accesses access, final FillStore fills, final ConnectionHealth health, final int cpuPct)
    {
        this.access = access;
        this.reads = new PerformanceReads(fills, health, cpuPct);
    }

    /** Stops the performance worker (the gateway is closing). */
    @Override
    public void close()
    {
        reads.close();
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/accounts/{account_id}/performance", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.ACCOUNT, "account_id", PerformanceReads.Shape.ACCOUNT, -1)))
            .add(Route.get("/api/v1/groups/{group_id}/performance", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.GROUP, "group_id", PerformanceReads.Shape.GROUP, -1)))
            .add(Route.get("/api/v1/groups/{group_id}/metrics", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.GROUP, "group_id", PerformanceReads.Shape.GROUP_METRICS, -1)))
            .add(Route.get("/api/v1/groups/{group_id}/history", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.GROUP, "group_id", PerformanceReads.Shape.GROUP_HISTORY, interval(e.query()))))
            .add(Route.get("/api/v1/bots/{bot_id}/performance", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.BOT, "bot_id", PerformanceReads.Shape.BOT, -1)));
    }

    private void publish(final Exchange exchange, final int scope, final String idName, final PerformanceReads.Shape shape, final int interval)
        throws BadRequest
    {
        final String id = exchange.path().clientId(idName, Ids.MAX_LENGTH, ResultCode.NOT_FOUND, idName.replace("_id", "") + " not found");
        final QueryParameters query = exchange.query();
        for (int i = 0; i < query.size(); i++)
        {
            final String name = query.name(i);
            if (!name.equals("start_date") && !name.equals("end_date") && !(shape == PerformanceReads.Shape.GROUP_HISTORY && name.equals("interval")))
            {
                throw BadRequest.validation(null, "only start_date, end_date" + (shape == PerformanceReads.Shape.GROUP_HISTORY ? " and interval" : "")
                    + " may be given");
            }
        }
        final String startText = query.get("start_date");
        final String endText = query.get("end_date");
        final Instant start = instant(startText, "start_date", false);
        final Instant end = instant(endText, "end_date", true);
        if (start != null && end != null && !start.isBefore(end))
        {
            // equal times are refused too: an ISO time as end_date is excluded, so the range would hold nothing
            throw BadRequest.validation("end_date", "end_date must be after start_date (an ISO-8601 time as end_date is excluded)");
        }
        final Deferred later = exchange.defer();
        final PerformanceReads.Read read = new PerformanceReads.Read(later, shape, start, end, startText, endText, interval);
        if (!later.publishTo(CommandType.PERFORMANCE_DATA, exchange.caller().principal(), writer -> writer.putByte(scope).putString(id), reads, read))
        {
            later.error(ResultCode.OVERLOADED, null, null);
        }
    }

    /**
     * A day as {@code YYYY-MM-DD} (the end date's whole day included) or an ISO instant, in the years 1 to 9999; null
     * when absent.
     */
    private static Instant instant(final String text, final String field, final boolean endOfRange) throws BadRequest
    {
        if (text == null || text.isEmpty())
        {
            return null;
        }
        final Instant instant;
        try
        {
            if (text.length() == 10)
            {
                final LocalDate day = LocalDate.parse(text);
                instant = (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            else
            {
                instant = Instant.parse(text);
            }
        }
        catch (final DateTimeParseException ex)
        {
            throw BadRequest.validation(field, field + " must be a date (YYYY-MM-DD) or an ISO-8601 UTC time");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))
        {
            throw BadRequest.validation(field, field + " must be in the years 1 to 9999");
        }
        return instant;
    }

    private static int interval(final QueryParameters query) throws BadRequest
    {
        final String given = query.get("interval");
        if (given == null)
        {
            return 0;
        }
        for (int i = 0; i < INTERVALS.length; i++)
        {
            if (INTERVALS[i].equals(given.toLowerCase(Locale.ROOT)))
            {
                return i;
            }
        }
        throw BadRequest.validation("interval", "interval must be day, week or month");
    }
}
