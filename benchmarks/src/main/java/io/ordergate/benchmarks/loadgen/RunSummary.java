package io.ordergate.benchmarks.loadgen;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * The numbers of one measured phase against one server, and their JSON. Immutable: safe from any thread.
 * Latencies are in microseconds, from the planned send time to the last byte of the answer. {@code send_lag_p99_us}
 * is planned → written: the generator's own lateness plus the time a request waited for a free connection (that
 * is, back-pressure from a slow server); when it is close to the latency, the time was spent queued.
 */
final class RunSummary
{
    final String target;
    final String url;
    final String request;
    final int ratePerSecond;
    final int durationSeconds;
    final int connections;
    final int pipelineDepth;
    final long sent;
    final long ok;
    final long rejected;
    final long errors;
    final double throughputPerSecond;
    final double p50;
    final double p90;
    final double p99;
    final double p999;
    final double max;
    final double mean;
    final double sendLagP99;
    final Map<Integer, Long> statuses;
    final Histogram histogram;
    /** Simulated executors in the run; 0 = none, and no frame fields. */
    final int executors;
    final long frames;
    final double frameP50;
    final double frameP90;
    final double frameP99;
    final double frameP999;
    final double frameMax;
    final double frameMean;
    final long routed;
    final long framesMissing;
    final long framesUnmatched;
    final long executorErrors;
    final Histogram frameHistogram;

    RunSummary(final String target, final String url, final String request, final int ratePerSecond,
        final int durationSeconds, final int connections, final int pipelineDepth, final PhaseStats stats)
    {
        this(target, url, request, ratePerSecond, durationSeconds, connections, pipelineDepth, stats, 0);
    }

    RunSummary(final String target, final String url, final String request, final int ratePerSecond,
        final int durationSeconds, final int connections, final int pipelineDepth, final PhaseStats stats, final int executors)
    {
        this.executors = executors;
        this.frameHistogram = stats.frameLatency.copy();
        this.frames = frameHistogram.getTotalCount();
        this.frameP50 = micros(frameHistogram, 50);
        this.frameP90 = micros(frameHistogram, 90);
        this.frameP99 = micros(frameHistogram, 99);
        this.frameP999 = micros(frameHistogram, 99.9);
        this.frameMax = frames == 0 ? 0 : frameHistogram.getMaxValue() / 1_000.0;
        this.frameMean = frames == 0 ? 0 : frameHistogram.getMean() / 1_000.0;
        this.routed = stats.routed;
        this.framesMissing = stats.framesMissing;
        this.framesUnmatched = stats.framesUnmatched;
        this.executorErrors = stats.executorErrors;
        this.target = target;
        this.url = url;
        this.request = request;
        this.ratePerSecond = ratePerSecond;
        this.durationSeconds = durationSeconds;
        this.connections = connections;
        this.pipelineDepth = pipelineDepth;
        this.sent = stats.sent;
        this.ok = stats.ok;
        this.rejected = stats.rejected;
        this.errors = stats.errors();
        // Answers per second over the whole span the answers took: a server that falls behind and drains late
        // gets a lower figure than the planned rate.
        final long end = Math.max(stats.lastCompletionNanos, stats.schedule.lastPlannedNanos());
        final double seconds = Math.max(durationSeconds, (end - stats.schedule.startNanos()) / 1e9);
        this.throughputPerSecond = (stats.ok + stats.rejected) / seconds;
        this.histogram = stats.latency.copy();
        this.p50 = micros(histogram, 50);
        this.p90 = micros(histogram, 90);
        this.p99 = micros(histogram, 99);
        this.p999 = micros(histogram, 99.9);
        this.max = histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
        this.mean = histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1_000.0;
        this.sendLagP99 = micros(stats.sendLag, 99);
        final Map<Integer, Long> byStatus = new TreeMap<>();
        for (int status = 0; status < stats.statuses.length; status++)
        {
            if (stats.statuses[status] != 0)
            {
                byStatus.put(status, stats.statuses[status]);
            }
        }
        this.statuses = Map.copyOf(byStatus);
    }

    private static double micros(final Histogram histogram, final double percentile)
    {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** The summary as a JSON object; {@code indent} spaces before each field. */
    String toJson(final int indent)
    {
        final String pad = " ".repeat(indent);
        final StringBuilder json = new StringBuilder("{\n");
        field(json, pad, "target", quote(target));
        field(json, pad, "url", quote(url));
        field(json, pad, "request", quote(request));
        field(json, pad, "rate_per_s", Integer.toString(ratePerSecond));
        field(json, pad, "throughput_per_s", number(throughputPerSecond));
        field(json, pad, "duration_s", Integer.toString(durationSeconds));
        field(json, pad, "connections", Integer.toString(connections));
        field(json, pad, "pipeline_depth", Integer.toString(pipelineDepth));
        field(json, pad, "sent", Long.toString(sent));
        field(json, pad, "ok", Long.toString(ok));
        field(json, pad, "rejected", Long.toString(rejected));
        field(json, pad, "errors", Long.toString(errors));
        field(json, pad, "p50_us", number(p50));
        field(json, pad, "p90_us", number(p90));
        field(json, pad, "p99_us", number(p99));
        field(json, pad, "p999_us", number(p999));
        field(json, pad, "max_us", number(max));
        field(json, pad, "mean_us", number(mean));
        field(json, pad, "send_lag_p99_us", number(sendLagP99));
        if (executors > 0)
        {
            field(json, pad, "executors", Integer.toString(executors));
            field(json, pad, "routed", Long.toString(routed));
            field(json, pad, "frames", Long.toString(frames));
            field(json, pad, "frame_p50_us", number(frameP50));
            field(json, pad, "frame_p90_us", number(frameP90));
            field(json, pad, "frame_p99_us", number(frameP99));
            field(json, pad, "frame_p999_us", number(frameP999));
            field(json, pad, "frame_max_us", number(frameMax));
            field(json, pad, "frame_mean_us", number(frameMean));
            field(json, pad, "frames_missing", Long.toString(framesMissing));
            field(json, pad, "frames_unmatched", Long.toString(framesUnmatched));
            field(json, pad, "executor_errors", Long.toString(executorErrors));
        }
        final StringBuilder statusJson = new StringBuilder("{");
        new TreeMap<>(statuses).forEach((status, count) ->
            statusJson.append(statusJson.length() > 1 ? ", " : "").append('"').append(status).append("\": ").append(count));
        statusJson.append('}');
        json.append(pad).append("\"statuses\": ").append(statusJson).append('\n');
        return json.append(" ".repeat(Math.max(0, indent - 2))).append('}').toString();
    }

    /** One line for people: what the run did and its percentiles. */
    String describe()
    {
        final String frameLine = executors == 0 ? "" : String.format(Locale.ROOT,
            "%n  order -> OPEN_POSITION frame on the executor's socket (us, from planned send time, %d executors): " +
            "p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (frames %d of %d routed; missing %d, unmatched %d, executor errors %d)",
            executors, frameP50, frameP90, frameP99, frameP999, frameMax, frames, routed, framesMissing, framesUnmatched, executorErrors);
        return describeHttp() + frameLine;
    }

    private String describeHttp()
    {
        return String.format(Locale.ROOT,
            "%s %s: rate %d/s for %d s on %d connections -> throughput %.1f/s, ok %d, rejected %d, errors %d%n" +
            "  latency (us, from planned send time): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (planned->written p99 %.1f, includes waiting for a free connection)",
            target, url, ratePerSecond, durationSeconds, connections, throughputPerSecond, ok, rejected, errors,
            p50, p90, p99, p999, max, sendLagP99);
    }

    private static void field(final StringBuilder json, final String pad, final String name, final String value)
    {
        json.append(pad).append('"').append(name).append("\": ").append(value).append(",\n");
    }

    static String number(final double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            return "null";
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String quote(final String text)
    {
        final StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                quoted.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
            }
            else
            {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** {@code {"gateway": ..., "baseline": ..., "ratios": ...}}: each ratio is gateway ÷ baseline. */
    static String comparisonJson(final RunSummary gateway, final RunSummary baseline)
    {
        return "{\n" +
            "  \"gateway\": " + gateway.toJson(4) + ",\n" +
            "  \"baseline\": " + baseline.toJson(4) + ",\n" +
            "  \"ratios\": {\n" +
            "    \"p50\": " + number(ratio(gateway.p50, baseline.p50)) + ",\n" +
            "    \"p90\": " + number(ratio(gateway.p90, baseline.p90)) + ",\n" +
            "    \"p99\": " + number(ratio(gateway.p99, baseline.p99)) + ",\n" +
            "    \"p999\": " + number(ratio(gateway.p999, baseline.p999)) + ",\n" +
            "    \"max\": " + number(ratio(gateway.max, baseline.max)) + ",\n" +
            "    \"throughput\": " + number(ratio(gateway.throughputPerSecond, baseline.throughputPerSecond)) + "\n" +
            "  }\n" +
            "}\n";
    }

    static double ratio(final double gateway, final double baseline)
    {
        return baseline == 0 ? Double.NaN : gateway / baseline;
    }
}
