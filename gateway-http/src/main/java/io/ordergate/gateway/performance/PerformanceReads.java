package io.ordergate.gateway.performance;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.agrona.ExpandableArrayBuffer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.ApiErrors;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.DaemonThreads;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.ReplyTarget;

/**
 * Answers the performance routes: the engine's PERFORMANCE_DATA answer (the scope's accounts now) reaches this on the
 * reply thread, which takes the accounts' {@link FillStore.Record}s there (so the figures are complete up to the read,
 * and nothing after it) and hands the rest to the performance worker: the work grows with an account's whole record
 * (tens of milliseconds for a million fills), and every order's answer is written on the reply thread.
 *
 * <pre>
 *   route --PERFORMANCE_DATA--> engine --> reply thread: records taken --> og-performance: ledger, JSON --> answer
 * </pre>
 * Reads wait in a bounded queue ({@value #QUEUED_READS}); past it a read is answered 503 OVERLOADED. The worker takes at
 * most {@code server.performance_reads_cpu_pct} of a core: after each read it rests in proportion. Thread safe.
 */
final class PerformanceReads implements ReplyTarget, AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(PerformanceReads.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int QUEUED_READS = 32;
    static final String[] INTERVALS = {"day", "week", "month"};

    /** What a route answers with: the figures' shape. */
    enum Shape
    {
        ACCOUNT, GROUP, GROUP_METRICS, GROUP_HISTORY, BOT
    }

    /** One read as the route asked for it; the command's attachment. */
    record Read(Deferred answer, Shape shape, Instant start, Instant end, String startText, String endText, int interval)
    {
    }

    private final FillStore fills;
    private final ConnectionHealth health;
    private final int cpuPct;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_READS),
        DaemonThreads.named("og-performance"));

    /** @param cpuPct the share of one core the worker may take ({@code server.performance_reads_cpu_pct}) */
    PerformanceReads(final FillStore fills, final ConnectionHealth health, final int cpuPct)
    {
        this.fills = fills;
        this.health = health;
        this.cpuPct = cpuPct;
    }

    /** How long the worker rests after a read that took {@code workNanos}, so that it works {@code cpuPct}% of the time. */
    static long restNanos(final long workNanos, final int cpuPct)
    {
        return cpuPct >= 100 ? 0 : workNanos * (100 - cpuPct) / cpuPct;
    }

    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        final Read read = (Read)event.attachment;
        final JsonWriter json = new JsonWriter().wrap(new ExpandableArrayBuffer(256), 0);
        final int failed = Answers.failure(event, json, ErrorFormat.API);
        if (failed != 0)
        {
            read.answer().json(failed, json);
            return;
        }
        final JsonNode data;
        try
        {
            data = JSON.readTree(event.output.byteArray(), 0, event.outputLength);
        }
        catch (final IOException ex)
        {
            LOG.log(Level.WARNING, "the engine's performance data is not JSON", ex);
            internalError(read);
            return;
        }
        final Map<String, FillStore.Record> records = new HashMap<>();
        for (final JsonNode account : data.path("accounts"))
        {
            final String id = account.path("account_id").asText();
            final FillStore.Record record = fills.record(id);
            if (record != null)
            {
                records.put(id, record);
            }
        }
        try
        {
            worker.execute(() -> answer(read, data, records));
        }
        catch (final RejectedExecutionException ex)
        {
            read.answer().error(ResultCode.OVERLOADED, "too many performance reads at once", null);
        }
    }

    private void answer(final Read read, final JsonNode data, final Map<String, FillStore.Record> records)
    {
        final long started = System.nanoTime();
        final JsonWriter json = new JsonWriter().wrap(new ExpandableArrayBuffer(4_096), 0);
        try
        {
            final Instant now = Instant.now();
            final PerformanceLedger ledger = new PerformanceLedger(read.start(), read.end(), now).read(data, records);
            if (ledger.boundInsideFoldedDay != null)
            {
                read.answer().error(ResultCode.VALIDATION_ERROR, ledger.boundInsideFoldedDay + " falls inside a day whose fills are kept only as "
                    + "daily sums (server.performance_fills_kept_per_account): give a date (YYYY-MM-DD) or a UTC midnight", ledger.boundInsideFoldedDay);
            }
            else
            {
                render(read, data, records, ledger, now, json);
                read.answer().json(200, json);
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.log(Level.WARNING, "a performance read failed", ex);
            internalError(read);
        }
        rest(restNanos(System.nanoTime() - started, cpuPct));
    }

    /** Reads in a loop would otherwise take a whole core from two; the next read waits, the orders do not. */
    private static void rest(final long nanos)
    {
        if (nanos <= 0)
        {
            return;
        }
        try
        {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();  // closing: the worker ends
        }
    }

    private static void internalError(final Read read)
    {
        final JsonWriter error = new JsonWriter().wrap(new ExpandableArrayBuffer(256), 0);
        ErrorFormat.API.write(error, ApiErrors.INTERNAL_ERROR, "the performance figures could not be computed", null);
        read.answer().json(500, error);
    }

    @Override
    public void close()
    {
        worker.shutdownNow();
    }

    /** Computes the figures and writes the route's answer. */
    private void render(final Read read, final JsonNode data, final Map<String, FillStore.Record> records, final PerformanceLedger ledger,
        final Instant now, final JsonWriter json)
    {
        json.startObject();
        switch (read.shape())
        {
            case ACCOUNT:
                json.name("account_id").string(data.path("id").asText());
                timeRange(json, read);
                json.name("metrics").startObject();
                PerformanceJson.metrics(json, ledger, true);
                json.endObject();
                break;
            case GROUP:
                envelope(json, "Performance data retrieved").name("performance").startObject();
                json.name("group_id").string(data.path("id").asText());
                timeRange(json, read);
                PerformanceJson.metrics(json, ledger, true);
                target(json, data, records, read, now);
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
                PerformanceJson.history(json, read.interval() == 0 ? ledger.daily : read.interval() == 1 ? ledger.weekly : ledger.monthly);
                json.name("interval").string(INTERVALS[read.interval()]).name("period").startObject()
                    .name("start").string(read.startText()).name("end").string(read.endText()).endObject().endObject();
                break;
            case BOT:
            default:
                json.name("bot_id").string(data.path("id").asText());
                PerformanceJson.metrics(json, ledger, true);
                json.name("accounts").startObject();
                for (final JsonNode account : data.path("accounts"))
                {
                    json.name(account.path("account_id").asText()).startObject();
                    PerformanceJson.metrics(json, new PerformanceLedger(read.start(), read.end(), now).read(only(account), records), false);
                    json.endObject();
                }
                json.endObject();
                break;
        }
        json.endObject();
    }

    private static void timeRange(final JsonWriter json, final Read read)
    {
        json.name("time_range").startObject().name("start_date").string(read.startText()).name("end_date").string(read.endText()).endObject();
    }

    private static JsonWriter envelope(final JsonWriter json, final String message)
    {
        return json.name("success").bool(true).name("message").string(message).name("data").startObject();
    }

    /** The group's target_monthly_roi against the realized return of the calendar month the range ends in. */
    private static void target(final JsonWriter json, final JsonNode data, final Map<String, FillStore.Record> records, final Read read,
        final Instant now)
    {
        final JsonNode target = data.path("target_monthly_roi");
        PerformanceJson.ratio(json.name("target_monthly_roi"), target.isNumber() ? target.decimalValue() : null);
        final java.math.BigDecimal actual = actualMonthlyRoi(data, records, read, now);
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

    /**
     * The UTC calendar month a target_monthly_roi is judged in: the month of the range's last instant (its end is
     * excluded), or this month when the range is open-ended (no end, or one after now).
     */
    static YearMonth targetMonth(final Instant end, final Instant now)
    {
        return YearMonth.from((end == null || end.isAfter(now) ? now : end.minusNanos(1)).atZone(ZoneOffset.UTC));
    }

    /**
     * The whole {@link #targetMonth}'s net realized PnL ÷ the equity it started with (and its deposits) × 100, or null
     * without equity: seed 003's target is a calendar month's return, so the range's start does not cut the month.
     */
    static java.math.BigDecimal actualMonthlyRoi(final JsonNode data, final Map<String, FillStore.Record> records, final Read read,
        final Instant now)
    {
        final YearMonth month = targetMonth(read.end(), now);
        final Instant first = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        final Instant next = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new PerformanceLedger(first, next, now).read(data, records).realizedReturnPct();
    }

    /** The data of one account of the scope. */
    private static JsonNode only(final JsonNode account)
    {
        final com.fasterxml.jackson.databind.node.ObjectNode one = JSON.createObjectNode();
        one.putArray("accounts").add(account);
        return one;
    }
}
