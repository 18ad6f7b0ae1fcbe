package io.ordergate.gateway.metrics;

import java.util.Locale;

/**
 * The intervals of a command's path the gateway measures, server side, in nanoseconds. Immutable: safe from any thread.
 *
 * <pre>
 *   HTTP:  ingress ──► journaled ──► engine done ──► answer written          (ingress_to_answer spans all three)
 *   MT5:   engine done (order routed) ──► frame written ··· executor ··· command_result received
 * </pre>
 *
 * "ingress" is {@code CommandEvent.ingressNanos}: the request decoded, just before its command is published to the
 * ring. "written" means handed to Netty from the reply thread ({@code writeAndFlush} returned), not on the wire.
 */
public enum Stage
{
    /** Publish → the journal append returned ({@code journaledNanos}, journal thread). Journaled commands only. */
    INGRESS_TO_JOURNALED,
    /** Journal append returned → the engine applied the command ({@code engineDoneNanos}, engine stage wrapper). */
    JOURNALED_TO_ENGINE_DONE,
    /** Engine done → the HTTP answer handed to Netty by the reply stage. */
    ENGINE_TO_ANSWER_WRITTEN,
    /** Publish → the HTTP answer handed to Netty: the gateway's whole share of a request's latency after decode. */
    INGRESS_TO_ANSWER,
    /** The engine routed a command to an executor (engine done) → its WebSocket frame handed to the channel. */
    ORDER_ROUTED_TO_FRAME_WRITTEN,
    /** That frame handed to the channel → the executor's command_result for the same command id published (ingress). */
    FRAME_WRITTEN_TO_RESULT_RECEIVED;

    static final Stage[] STAGES = values();

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name in /metrics labels and /api/v1/latency keys. */
    public String wireName()
    {
        return wireName;
    }
}
