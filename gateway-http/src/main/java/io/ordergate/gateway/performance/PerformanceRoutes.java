package io.ordergate.gateway.performance;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.query.PerformanceQuery;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.ErrorFormat;
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
 * unrealized PnL now); the figures are computed here, on the reply thread, from the accounts' whole record of fills and
 * transfers ({@link FillStore}, up to date with every command before the read) by {@link PerformanceLedger}.
 * Dates: {@code start_date}/{@code end_date} as {@code YYYY-MM-DD} (UTC days, both included) or ISO instants. Thread safe.
 */
public final class PerformanceRoutes implements Feature
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String[] INTERVALS = {"day", "week", "month"};

    private final Accesses access;
    private final FillStore fills;
    private final ConnectionHealth health;

    /**
     * @param fills  every fill and transfer, kept on the reply stage (the thread these answers are written on)
     * @param health the member accounts' links to their venues, for a group's metrics
     */
    public PerformanceRoutes(final Accesses access, final FillStore fills, final ConnectionHealth health)
    {
        this.access = access;
        this.fills = fills;
        this.health = health;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/accounts/{account_id}/performance", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.ACCOUNT, "account_id", Shape.ACCOUNT, -1)))
            .add(Route.get("/api/v1/groups/{group_id}/performance", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.GROUP, "group_id", Shape.GROUP, -1)))
            .add(Route.get("/api/v1/groups/{group_id}/metrics", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.GROUP, "group_id", Shape.GROUP_METRICS, -1)))
            .add(Route.get("/api/v1/groups/{group_id}/history", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.GROUP, "group_id", Shape.GROUP_HISTORY, interval(e.query()))))
            .add(Route.get("/api/v1/bots/{bot_id}/performance", access.scope(Scope.READ),
                e -> publish(e, PerformanceQuery.BOT, "bot_id", Shape.BOT, -1)));
    }

    private enum Shape
    {
        ACCOUNT, GROUP, GROUP_METRICS, GROUP_HISTORY, BOT
    }

    private void publish(final Exchange exchange, final int scope, final String idName, final Shape shape, final int interval)
        throws BadRequest
    {
        final String id = exchange.path().clientId(idName, Ids.MAX_LENGTH, ResultCode.NOT_FOUND, idName.replace("_id", "") + " not found");
        final QueryParameters query = exchange.query();
        for (int i = 0; i < query.size(); i++)
        {
            final String name = query.name(i);
            if (!name.equals("start_date") && !name.equals("end_date") && !(shape == Shape.GROUP_HISTORY && name.equals("interval")))
            {
                throw BadRequest.validation(null, "only start_date, end_date" + (shape == Shape.GROUP_HISTORY ? " and interval" : "")
                    + " may be given");
            }
        }
        final String startText = query.get("start_date");
        final String endText = query.get("end_date");
        final Instant start = instant(startText, "start_date", false);
        final Instant end = instant(endText, "end_date", true);
        if (start != null && end != null && !start.isBefore(end))
        {
            throw BadRequest.validation("end_date", "end_date must not be before start_date");
        }
        exchange.publish(CommandType.PERFORMANCE_DATA, writer -> writer.putByte(scope).putString(id),
            new Render(fills, health, shape, start, end, startText, endText, interval));
    }

    /** A day as {@code YYYY-MM-DD} (the end date's whole day included) or an ISO instant; null when absent. */
    private static Instant instant(final String text, final String field, final boolean endOfRange) throws BadRequest
    {
        if (text == null || text.isEmpty())
        {
            return null;
        }
        try
        {
            if (text.length() == 10)
            {
                final LocalDate day = LocalDate.parse(text);
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw BadRequest.validation(field, field + " must be a date (YYYY-MM-DD) or an ISO-8601 UTC time");
        }
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

    /** Computes and writes one route's answer from the engine's data. */
    private record Render(FillStore fills, ConnectionHealth health, Shape shape, Instant start, Instant end, String startText, String endText,
        int interval) implements Answer
    {
        @Override
        public int render(final CommandEvent event, final JsonWriter json)
        {
            final int failed = Answers.failure(event, json, ErrorFormat.API);
            if (failed != 0)
            {
                return failed;
            }
            final JsonNode data;
            try
            {
                data = JSON.readTree(event.output.byteArray(), 0, event.outputLength);
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("the engine's performance data is not JSON", ex);
            }
            final Instant now = Instant.now();
            final PerformanceLedger ledger = new PerformanceLedger(start, end, now).read(data, fills);
            json.startObject();
            switch (shape)
            {
                case ACCOUNT:
                    json.name("account_id").string(data.path("id").asText());
                    timeRange(json);
                    json.name("metrics").startObject();
                    PerformanceJson.metrics(json, ledger, true);
                    json.endObject();
                    break;
                case GROUP:
                    envelope(json, "Performance data retrieved").name("performance").startObject();
                    json.name("group_id").string(data.path("id").asText());
                    timeRange(json);
                    PerformanceJson.metrics(json, ledger, true);
                    target(json, data, ledger);
                    json.endObject().endObject();
                    break;
                case GROUP_METRICS:
                    envelope(json, "Group metrics retrieved").name("risk_metrics").startObject();
                    PerformanceJson.ratio(json.name("max_drawdown_pct"), ledger.maxDrawdownPct);
                    PerformanceJson.ratio(json.name("max_drawdown_limit_pct"), data.path("max_drawdown_pct").decimalValue());
                    PerformanceJson.ratio(json.name("risk_limit_pct"), data.path("risk_limit_pct").decimalValue());
                    json.name("paused").bool(data.path("paused").asBoolean());
                    json.endObject();
                    health.write(json, data);
                    json.name("balance_status").startObject();
                    PerformanceJson.money(json.name("balance"), ledger.balance);
                    PerformanceJson.money(json.name("equity"), ledger.balance.add(ledger.unrealized));
                    PerformanceJson.money(json.name("unrealized_pnl"), ledger.unrealized);
                    json.name("accounts").number(data.path("accounts").size());
                    json.endObject().endObject();
                    break;
                case GROUP_HISTORY:
                    envelope(json, "Historical data retrieved").name("history");
                    PerformanceJson.history(json, interval == 0 ? ledger.daily : interval == 1 ? ledger.weekly : ledger.monthly);
                    json.name("interval").string(INTERVALS[interval]).name("period").startObject()
                        .name("start").string(startText).name("end").string(endText).endObject().endObject();
                    break;
                case BOT:
                default:
                    json.name("bot_id").string(data.path("id").asText());
                    PerformanceJson.metrics(json, ledger, true);
                    json.name("accounts").startObject();
                    for (final JsonNode account : data.path("accounts"))
                    {
                        json.name(account.path("account_id").asText()).startObject();
                        PerformanceJson.metrics(json, new PerformanceLedger(start, end, now).read(only(account), fills), false);
                        json.endObject();
                    }
                    json.endObject();
                    break;
            }
            json.endObject();
            return 200;
        }

        private void timeRange(final JsonWriter json)
        {
            json.name("time_range").startObject().name("start_date").string(startText).name("end_date").string(endText).endObject();
        }

        private static JsonWriter envelope(final JsonWriter json, final String message)
        {
            return json.name("success").bool(true).name("message").string(message).name("data").startObject();
        }

        /** The group's target_monthly_roi against this month's realized return. */
        private static void target(final JsonWriter json, final JsonNode data, final PerformanceLedger ledger)
        {
            final JsonNode target = data.path("target_monthly_roi");
            PerformanceJson.ratio(json.name("target_monthly_roi"), target.isNumber() ? target.decimalValue() : null);
            final java.math.BigDecimal actual = ledger.monthReturnPct(YearMonth.now(ZoneOffset.UTC).toString());
            PerformanceJson.ratio(json.name("actual_monthly_roi"), actual);
            json.name("target_met");
            if (target.isNull() || target.isMissingNode() || actual == null)
            {
                json.nullValue();
            }
            else
            {
                json.bool(actual.compareTo(target.decimalValue()) >= 0);
            }
        }

        /** The data of one account of the scope. */
        private static JsonNode only(final JsonNode account)
        {
            final com.fasterxml.jackson.databind.node.ObjectNode one = JSON.createObjectNode();
            one.putArray("accounts").add(account);
            return one;
        }
    }
}
