package io.ordergate.benchmarks.loadgen;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The numbers of one measured phase against one server, and their JSON. Immutable: safe from any thread.
 * Latencies are in microseconds, from the planned send time to the last byte of the answer. {@code send_lag_p99_us}
 * is planned → written: the generator's own lateness plus the time a request waited for a free connection (that
 * is, back-pressure from a slow server); when it is close to the latency, the time was spent queued.
 * {@code round_trip_*_us} is written → answered: the server's time as the client sees it, queueing before the write left out.
 * {@code pacer} is how requests were handed out ({@link Pacing}: {@code loop} or {@code thread}) and
 * {@code pacer_late_*_us} planned → handed to the connections: how late the pacing woke (the machine's scheduling of
 * the generator itself), the first part of the send lag. With executors, {@code frame_*_us} is planned →
 * OPEN_POSITION frame and {@code frame_from_write_*_us} written → the same frame.
 */
final class RunSummary
{
    private static final JsonFactory JSON = new JsonFactory();

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
    /** {@link Pacing#label} of the phase. */
    final String pacer;
    final double pacerLateP50;
    final double pacerLateP99;
    final double pacerLateMax;
    final double roundTripP50;
    final double roundTripP99;
    final double roundTripMax;
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
    /** Written → frame: the order → frame path without the generator's queueing before the write. */
    final double frameFromWriteP50;
    final double frameFromWriteP99;
    final double frameFromWriteP999;
    final double frameFromWriteMax;
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
        this.frameMax = maxMicros(frameHistogram);
        this.frameMean = frames == 0 ? 0 : frameHistogram.getMean() / 1_000.0;
        this.frameFromWriteP50 = micros(stats.frameFromWrite, 50);
        this.frameFromWriteP99 = micros(stats.frameFromWrite, 99);
        this.frameFromWriteP999 = micros(stats.frameFromWrite, 99.9);
        this.frameFromWriteMax = maxMicros(stats.frameFromWrite);
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
        this.max = maxMicros(histogram);
        this.mean = histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1_000.0;
        this.sendLagP99 = micros(stats.sendLag, 99);
        this.pacer = stats.pacing.label;
        this.pacerLateP50 = micros(stats.pacerLateness, 50);
        this.pacerLateP99 = micros(stats.pacerLateness, 99);
        this.pacerLateMax = maxMicros(stats.pacerLateness);
        this.roundTripP50 = micros(stats.roundTrip, 50);
        this.roundTripP99 = micros(stats.roundTrip, 99);
        this.roundTripMax = maxMicros(stats.roundTrip);
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

    private static double maxMicros(final Histogram histogram)
    {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
    }

    /** The summary as a JSON object. */
    String toJson()
    {
        return json(generator -> write(generator));
    }

    private void write(final JsonGenerator json) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("target", target);
        json.writeStringField("url", url);
        json.writeStringField("request", request);
        json.writeNumberField("rate_per_s", ratePerSecond);
        number(json, "throughput_per_s", throughputPerSecond);
        json.writeNumberField("duration_s", durationSeconds);
        json.writeNumberField("connections", connections);
        json.writeNumberField("pipeline_depth", pipelineDepth);
        json.writeNumberField("sent", sent);
        json.writeNumberField("ok", ok);
        json.writeNumberField("rejected", rejected);
        json.writeNumberField("errors", errors);
        number(json, "p50_us", p50);
        number(json, "p90_us", p90);
        number(json, "p99_us", p99);
        number(json, "p999_us", p999);
        number(json, "max_us", max);
        number(json, "mean_us", mean);
        number(json, "send_lag_p99_us", sendLagP99);
        json.writeStringField("pacer", pacer);
        number(json, "pacer_late_p50_us", pacerLateP50);
        number(json, "pacer_late_p99_us", pacerLateP99);
        number(json, "pacer_late_max_us", pacerLateMax);
        number(json, "round_trip_p50_us", roundTripP50);
        number(json, "round_trip_p99_us", roundTripP99);
        number(json, "round_trip_max_us", roundTripMax);
        if (executors > 0)
        {
            json.writeNumberField("executors", executors);
            json.writeNumberField("routed", routed);
            json.writeNumberField("frames", frames);
            number(json, "frame_p50_us", frameP50);
            number(json, "frame_p90_us", frameP90);
            number(json, "frame_p99_us", frameP99);
            number(json, "frame_p999_us", frameP999);
            number(json, "frame_max_us", frameMax);
            number(json, "frame_mean_us", frameMean);
            number(json, "frame_from_write_p50_us", frameFromWriteP50);
            number(json, "frame_from_write_p99_us", frameFromWriteP99);
            number(json, "frame_from_write_p999_us", frameFromWriteP999);
            number(json, "frame_from_write_max_us", frameFromWriteMax);
            json.writeNumberField("frames_missing", framesMissing);
            json.writeNumberField("frames_unmatched", framesUnmatched);
            json.writeNumberField("executor_errors", executorErrors);
        }
        json.writeObjectFieldStart("statuses");
        for (final Map.Entry<Integer, Long> status : new TreeMap<>(statuses).entrySet())
        {
            json.writeNumberField(Integer.toString(status.getKey()), status.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** One line for people: what the run did and its percentiles. */
    String describe()
    {
        final String frameLine = executors == 0 ? "" : String.format(Locale.ROOT,
            "%n  order -> OPEN_POSITION frame on the executor's socket (us, from planned send time, %d executors): " +
            "p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (frames %d of %d routed; missing %d, unmatched %d, executor errors %d)%n" +
            "  written -> OPEN_POSITION frame (us, the gateway's order -> frame path without the generator's queueing): " +
            "p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f",
            executors, frameP50, frameP90, frameP99, frameP999, frameMax, frames, routed, framesMissing, framesUnmatched, executorErrors,
            frameFromWriteP50, frameFromWriteP99, frameFromWriteP999, frameFromWriteMax);
        return describeHttp() + frameLine;
    }

    private String describeHttp()
    {
        return String.format(Locale.ROOT,
            "%s %s: rate %d/s for %d s on %d connections -> throughput %.1f/s, ok %d, rejected %d, errors %d%n" +
            "  latency (us, from planned send time): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (planned->written p99 %.1f, includes waiting for a free connection)%n" +
            "  written->answered (us, the server's time as the client sees it): p50 %.1f  p99 %.1f  max %.1f%n" +
            "  the generator's pacer (%s), planned->handed to its connections (us, its own wake-up): p50 %.1f  p99 %.1f  max %.1f",
            target, url, ratePerSecond, durationSeconds, connections, throughputPerSecond, ok, rejected, errors,
            p50, p90, p99, p999, max, sendLagP99, roundTripP50, roundTripP99, roundTripMax, pacer, pacerLateP50, pacerLateP99, pacerLateMax);
    }

    /** A measured number to 3 decimals (microseconds), or null when there is none (NaN, infinite). */
    private static void number(final JsonGenerator json, final String name, final double value) throws IOException
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            json.writeNullField(name);
            return;
        }
        json.writeNumberField(name, BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN));
    }

    /** {@code {"gateway": ..., "baseline": ..., "ratios": ...}}: each ratio is gateway ÷ baseline. */
    static String comparisonJson(final RunSummary gateway, final RunSummary baseline)
    {
        return json(json ->
        {
            json.writeStartObject();
            json.writeFieldName("gateway");
            gateway.write(json);
            json.writeFieldName("baseline");
            baseline.write(json);
            json.writeObjectFieldStart("ratios");
            number(json, "p50", ratio(gateway.p50, baseline.p50));
            number(json, "p90", ratio(gateway.p90, baseline.p90));
            number(json, "p99", ratio(gateway.p99, baseline.p99));
            number(json, "p999", ratio(gateway.p999, baseline.p999));
            number(json, "max", ratio(gateway.max, baseline.max));
            number(json, "throughput", ratio(gateway.throughputPerSecond, baseline.throughputPerSecond));
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** What a {@link JsonBody} writes, pretty-printed, with a final newline. */
    private static String json(final JsonBody body)
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter())
        {
            body.write(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);  // a StringWriter does not fail
        }
        return out.append('\n').toString();
    }

    /** Writes one JSON document. */
    @FunctionalInterface
    private interface JsonBody
    {
        void write(JsonGenerator json) throws IOException;
    }

    static double ratio(final double gateway, final double baseline)
    {
        return baseline == 0 ? Double.NaN : gateway / baseline;
    }
}
