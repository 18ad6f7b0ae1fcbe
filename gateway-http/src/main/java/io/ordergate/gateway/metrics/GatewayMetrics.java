package io.ordergate.gateway.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.pipeline.PipelineCounters;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.journal.Journal;

/**
 * The gateway's measurements and the two pages that show them: {@code GET /metrics} (Prometheus text) and
 * {@code GET /api/v1/latency} (JSON). Recording happens where each number is owned (see {@link ReplyStageMetrics},
 * {@link HttpStatusCounts}); everything else (ring, journal size, sessions, JVM) is read at scrape time.
 * Thread safe: the pages are rendered on any event loop, concurrently with recording. Rendering allocates; it is
 * not on the order path.
 *
 * <p>/metrics carries summary data only (counts, durations, sizes): no ids, accounts, keys or secrets, which is why
 * it needs no credentials, as Prometheus scrapers expect.
 */
public final class GatewayMetrics
{
    static final String[] QUANTILE_LABELS = {"0.5", "0.9", "0.99", "0.999"};
    private static final double NANOS_PER_SECOND = 1e9;

    private final StageLatencies stages = new StageLatencies();
    private final OrderResults orders = new OrderResults();
    private final HttpStatusCounts http = new HttpStatusCounts();
    private final ExecutorLiveness executors;
    private final ReplyStageMetrics replyStage;
    private volatile Journal journal;
    private volatile IntSupplier webSocketSessions = () -> 0;
    private volatile LongSupplier[] streams = {() -> 0, () -> 0, () -> 0, () -> 0, () -> 0};
    private volatile LongSupplier performanceRows = () -> 0;
    private volatile LongSupplier[] webhooks = {() -> 0, () -> 0};
    private volatile LongSupplier[] listenerFailures = {() -> 0, () -> 0};
    private volatile long[] replayCheckpoints = {0, 0};

    public GatewayMetrics(final long executorOfflineAfterMicros)
    {
        this.executors = new ExecutorLiveness(executorOfflineAfterMicros);
        this.replyStage = new ReplyStageMetrics(stages, orders);
    }

    /** The reply thread's recorder. */
    public ReplyStageMetrics replyStage()
    {
        return replyStage;
    }

    public HttpStatusCounts http()
    {
        return http;
    }

    public ExecutorLiveness executors()
    {
        return executors;
    }

    public OrderResults orders()
    {
        return orders;
    }

    /** The journal whose size /metrics shows, once open. */
    public void journal(final Journal journal)
    {
        this.journal = journal;
    }

    /** How many executor WebSockets are open, read at scrape time. */
    public void webSocketSessions(final IntSupplier sessions)
    {
        this.webSocketSessions = sessions;
    }

    /**
     * The stream sockets open, those closed for reading too slowly, quotes replaced unread, quote passes paused, socket
     * requests the fan-out had no room for; read at scrape time.
     */
    public void streams(final LongSupplier open, final LongSupplier slowCloses, final LongSupplier conflated, final LongSupplier quotePauses,
        final LongSupplier requestsRefused)
    {
        this.streams = new LongSupplier[] {open, slowCloses, conflated, quotePauses, requestsRefused};
    }

    /** The rows the performance record holds, read at scrape time: the gateway's one memory that grows with trading. */
    public void performanceRows(final LongSupplier rows)
    {
        this.performanceRows = rows;
    }

    /** Outbound webhook deliveries pending, and those given up for webhooks.max_pending_per_webhook; read at scrape time. */
    public void webhooks(final LongSupplier pending, final LongSupplier givenUpForBound)
    {
        this.webhooks = new LongSupplier[] {pending, givenUpForBound};
    }

    /** The start-up replay's checkpoints that agreed with the live run's digest, and those that did not. */
    public void replayCheckpoints(final long matched, final long diverged)
    {
        this.replayCheckpoints = new long[] {matched, diverged};
    }

    /** How often a feature's listener threw on the reply stage and on the fan-out, read at scrape time. */
    public void listenerFailures(final LongSupplier replyStage, final LongSupplier fanOut)
    {
        this.listenerFailures = new LongSupplier[] {replyStage, fanOut};
    }

    /** {@code GET /api/v1/latency}: every stage, cumulative since start, in microseconds to 3 decimals. */
    public byte[] latencyJson()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        json.startObject().name("stages").startObject();
        for (final Stage stage : Stage.STAGES)
        {
            final StageSnapshot s = stages.snapshot(stage);
            json.name(stage.wireName()).startObject()
                .name("count").number(s.count())
                .name("p50_us").decimal(s.p50(), 3)
                .name("p90_us").decimal(s.p90(), 3)
                .name("p99_us").decimal(s.p99(), 3)
                .name("p999_us").decimal(s.p999(), 3)
                .name("max_us").decimal(s.max(), 3)
                .endObject();
        }
        json.endObject().endObject();
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /** The content type of {@link #prometheusText}. */
    public static String prometheusContentType()
    {
        return PrometheusText.CONTENT_TYPE;
    }

    /**
     * {@code GET /metrics}.
     *
     * @param pipeline the running pipeline, or null before start-up built it (its metrics are then left out)
     */
    public byte[] prometheusText(final Pipeline pipeline, final boolean ready)
    {
        final PrometheusText out = new PrometheusText();
        out.family("ordergate_ready", "gauge", "1 once the journal is replayed and the gateway takes requests, else 0.")
            .sample("ordergate_ready", ready ? 1 : 0);
        stageLatencies(out);
        orderResults(out);
        out.family("ordergate_http_responses_total", "counter", "HTTP responses by status class.");
        for (int statusClass = 1; statusClass <= 5; statusClass++)
        {
            out.sample("ordergate_http_responses_total", "status_class", statusClass + "xx", http.ofClass(statusClass));
        }
        out.family("ordergate_http_answers_by_reply_thread_total", "counter",
            "Answers the reply stage wrote to their socket itself (server.direct_replies), not queued to the connection's event loop; "
                + "the stage runs on og-pipeline or, with pipeline.publishers_run_stages, on the event loop that published the command.")
            .sample("ordergate_http_answers_by_reply_thread_total", http.writtenByReplyThread());
        out.family("ordergate_executor_frames_by_reply_thread_total", "counter",
            "Executor WebSocket frames the reply thread wrote to their socket itself (server.direct_replies), not through the event loop.")
            .sample("ordergate_executor_frames_by_reply_thread_total", http.framesByReplyThread());
        if (pipeline != null)
        {
            pipeline(out, pipeline);
        }
        final Journal j = journal;
        if (j != null)
        {
            journalSize(out, j);
        }
        out.family("ordergate_executors_online", "gauge",
                "Executors whose last heartbeat is less than executors.offline_after_seconds old.")
            .sample("ordergate_executors_online", executors.online(System.currentTimeMillis() * 1000L));
        out.family("ordergate_executor_heartbeats_refused_metadata_total", "counter",
                "Executor heartbeats refused for their metadata (over 4 KiB, or not an object); each executor got a 400 or an error message.")
            .sample("ordergate_executor_heartbeats_refused_metadata_total", executors.metadataRefusedCount());
        out.family("ordergate_executor_results_refused_total", "counter",
                "Executor command results the engine refused for their numbers (a price, lots or money finer than it books); the command stays"
                + " pending, and each resend counts under executors.command_limit.")
            .sample("ordergate_executor_results_refused_total", executors.resultsRefusedCount());
        out.family("ordergate_executor_websocket_sessions", "gauge", "Executor WebSocket sessions open.")
            .sample("ordergate_executor_websocket_sessions", webSocketSessions.getAsInt());
        final LongSupplier[] stream = streams;
        out.family("ordergate_stream_sockets", "gauge", "Price and user stream sockets open.")
            .sample("ordergate_stream_sockets", stream[0].getAsLong());
        out.family("ordergate_stream_slow_closes_total", "counter", "Stream sockets closed (1008) because their reader fell too far behind.")
            .sample("ordergate_stream_slow_closes_total", stream[1].getAsLong());
        out.family("ordergate_stream_conflated_total", "counter", "Quote and candle messages replaced by a newer one before a slow reader took them.")
            .sample("ordergate_stream_conflated_total", stream[2].getAsLong());
        out.family("ordergate_stream_quote_pauses_total", "counter",
                "Quote passes an event loop interrupted to serve its other work (streams.quote_turn_micros spent, sockets still to write).")
            .sample("ordergate_stream_quote_pauses_total", stream[3].getAsLong());
        out.family("ordergate_stream_requests_refused_total", "counter",
                "Stream socket requests refused, their socket closed with 1013, because streams.max_pending_requests waited for the fan-out.")
            .sample("ordergate_stream_requests_refused_total", stream[4].getAsLong());
        out.family("ordergate_performance_fill_rows", "gauge",
                "Fills (and later corrections of their money) the performance record holds in memory, about 55 bytes each.")
            .sample("ordergate_performance_fill_rows", performanceRows.getAsLong());
        final LongSupplier[] hooks = webhooks;
        out.family("ordergate_webhook_deliveries_pending", "gauge", "Outbound webhook deliveries without a final outcome, across every webhook.")
            .sample("ordergate_webhook_deliveries_pending", hooks[0].getAsLong());
        out.family("ordergate_webhook_deliveries_given_up_for_bound_total", "counter",
                "Outbound webhook deliveries given up because their webhook had webhooks.max_pending_per_webhook newer ones waiting.")
            .sample("ordergate_webhook_deliveries_given_up_for_bound_total", hooks[1].getAsLong());
        final LongSupplier[] failures = listenerFailures;
        out.family("ordergate_listener_failures_total", "counter",
                "Times a feature's listener threw on a command (logged once per kind); the command was journaled, applied and answered all the same.")
            .sample("ordergate_listener_failures_total", "stage", "reply", failures[0].getAsLong())
            .sample("ordergate_listener_failures_total", "stage", "fanout", failures[1].getAsLong());
        final long[] checkpoints = replayCheckpoints;
        out.family("ordergate_replay_checkpoints", "gauge",
                "Clean-stop checkpoints the start-up replay met: whether its state digest agreed with the live run's there (diverged: "
                + "a changed engine rule or configuration decided an old command differently; at the last checkpoint that stops the start unless "
                + "journal.on_replay_divergence is start; see docs/RELIABILITY.md).")
            .sample("ordergate_replay_checkpoints", "result", "matched", checkpoints[0])
            .sample("ordergate_replay_checkpoints", "result", "diverged", checkpoints[1]);
        jvm(out);
        return out.toBytes();
    }

    private void stageLatencies(final PrometheusText out)
    {
        final StageSnapshot[] snapshots = new StageSnapshot[Stage.STAGES.length];
        for (final Stage stage : Stage.STAGES)
        {
            snapshots[stage.ordinal()] = stages.snapshot(stage);
        }
        final String name = "ordergate_stage_latency_seconds";
        out.family(name, "summary",
            "Server-side time between two points of a command's path, cumulative since start (see docs/DESIGN.md).");
        for (final StageSnapshot s : snapshots)
        {
            final String stage = s.stage().wireName();
            final long[] values = {s.p50(), s.p90(), s.p99(), s.p999()};
            for (int q = 0; q < values.length; q++)
            {
                out.sample(name, "stage", stage, "quantile", QUANTILE_LABELS[q], s.count() == 0 ? Double.NaN : values[q] / NANOS_PER_SECOND);
            }
            out.sample(name + "_sum", "stage", stage, s.sumNanos() / NANOS_PER_SECOND);
            out.sample(name + "_count", "stage", stage, s.count());
        }
        out.family("ordergate_stage_latency_max_seconds", "gauge", "The longest time of each stage since start.");
        for (final StageSnapshot s : snapshots)
        {
            out.sample("ordergate_stage_latency_max_seconds", "stage", s.stage().wireName(), s.max() / NANOS_PER_SECOND);
        }
    }

    private void orderResults(final PrometheusText out)
    {
        out.family("ordergate_orders_total", "counter",
            "Orders the engine answered, by command (new_order, group_order, webhook_signal) and result code.");
        for (final CommandType command : OrderResults.COMMANDS)
        {
            final String commandName = command.name().toLowerCase(java.util.Locale.ROOT);
            for (final ResultCode result : ResultCode.values())
            {
                final long count = orders.count(command, result);
                // Like a labelled counter of a client library: a series exists once it has counted something.
                if (count > 0 || (command == CommandType.NEW_ORDER && result == ResultCode.CREATED))
                {
                    out.sample("ordergate_orders_total", "command", commandName, "result", result.name(), count);
                }
            }
        }
    }

    private static void pipeline(final PrometheusText out, final Pipeline pipeline)
    {
        final PipelineCounters counters = pipeline.counters();
        out.family("ordergate_ring_occupancy", "gauge",
            "Ring slots claimed and not yet released by the last stage to read them (the stream fan-out, which follows the reply stage).")
            .sample("ordergate_ring_occupancy", pipeline.occupancy());
        out.family("ordergate_ring_capacity", "gauge", "Ring slots in all.")
            .sample("ordergate_ring_capacity", pipeline.capacity());
        out.family("ordergate_overloaded_total", "counter", "Commands refused with 503 OVERLOADED because the ring was full.")
            .sample("ordergate_overloaded_total", counters.overloadedCount());
        out.family("ordergate_commands_run_by_publishers_total", "counter",
            "Commands whose stages the HTTP event loop that published them ran itself (pipeline.publishers_run_stages), not og-pipeline.")
            .sample("ordergate_commands_run_by_publishers_total", counters.ranByPublishersCount());
        out.family("ordergate_journaled_commands_total", "counter", "Commands appended to the journal since start.")
            .sample("ordergate_journaled_commands_total", counters.journaledCount());
        out.family("ordergate_journal_failures_total", "counter", "Journal appends that failed (the command was refused).")
            .sample("ordergate_journal_failures_total", counters.journalFailureCount());
    }

    private static void journalSize(final PrometheusText out, final Journal journal)
    {
        final long bytes;
        try
        {
            bytes = journal.sizeBytes();  // lists the directory: only here, at scrape time
        }
        catch (final RuntimeException ex)
        {
            return;  // the directory went away (shutting down): leave the sample out rather than fail the scrape
        }
        out.family("ordergate_journal_bytes", "gauge", "Bytes of the journal's queue files (space reserved, at least the space used).")
            .sample("ordergate_journal_bytes", bytes);
    }

    private static void jvm(final PrometheusText out)
    {
        final MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.family("ordergate_jvm_heap_used_bytes", "gauge", "JVM heap in use.")
            .sample("ordergate_jvm_heap_used_bytes", heap.getUsed());
        out.family("ordergate_jvm_heap_committed_bytes", "gauge", "JVM heap committed.")
            .sample("ordergate_jvm_heap_committed_bytes", heap.getCommitted());
        out.family("ordergate_jvm_heap_max_bytes", "gauge", "JVM heap limit (-1 when undefined).")
            .sample("ordergate_jvm_heap_max_bytes", heap.getMax());
        out.family("ordergate_jvm_gc_collections_total", "counter", "Garbage collections, by collector.");
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            out.sample("ordergate_jvm_gc_collections_total", "gc", gc.getName(), Math.max(0, gc.getCollectionCount()));
        }
        out.family("ordergate_jvm_gc_collection_seconds_total", "counter", "Time spent in garbage collection, by collector.");
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            out.sample("ordergate_jvm_gc_collection_seconds_total", "gc", gc.getName(), Math.max(0, gc.getCollectionTime()) / 1000.0);
        }
        out.family("ordergate_jvm_threads", "gauge", "Live JVM threads.")
            .sample("ordergate_jvm_threads", ManagementFactory.getThreadMXBean().getThreadCount());
    }
}
