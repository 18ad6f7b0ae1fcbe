package io.ordergate.gateway.core;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.metrics.GatewayMetrics;

/**
 * What every connection shares: the configuration, the publisher, the measurements, the pipeline once it runs, and
 * whether the gateway is ready. Thread safe: the start-up thread sets the pipeline and the state; event loops read them.
 */
public final class GatewayContext
{
    private volatile io.ordergate.cluster.ClusterNode clusterNode;
    private static final int STARTING = 0;
    private static final int READY = 1;
    private static final int CLOSING = 2;

    private final GatewayConfig config;
    private final String version;
    private final long startNanos = System.nanoTime();
    private final CommandPublisher publisher = new CommandPublisher();
    private final WebSocketLoops webSocketLoops = new WebSocketLoops();
    private final GatewayMetrics metrics;
    private volatile Pipeline pipeline;
    private volatile int state = STARTING;

    public GatewayContext(final GatewayConfig config, final String version)
    {
        this.config = config;
        this.version = version;
        this.metrics = new GatewayMetrics(config.executors().offlineAfterSeconds() * 1_000_000L);
    }

    public GatewayConfig config()
    {
        return config;
    }

    /** The one way into the ring. */
    public CommandPublisher publisher()
    {
        return publisher;
    }

    /** The event loops of the stream sockets, once the HTTP server has made them. */
    public WebSocketLoops webSocketLoops()
    {
        return webSocketLoops;
    }

    /** The histograms and counters behind /metrics and /api/v1/latency. */
    public GatewayMetrics metrics()
    {
        return metrics;
    }

    public String version()
    {
        return version;
    }

    public long uptimeSeconds()
    {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    /** The running pipeline, or null before start-up has built it. */
    public Pipeline pipeline()
    {
        return pipeline;
    }

    public void pipeline(final Pipeline pipeline)
    {
        this.pipeline = pipeline;
        publisher.pipeline(pipeline);
    }

    /** True once the journal is replayed and the bootstrap commands are done, until shutdown begins. */
    public boolean isReady()
    {
        return state == READY;
    }

    /** The cluster form: this gateway's member, for {@code /health}'s role; null for a single node. */
    public void clusterNode(final io.ordergate.cluster.ClusterNode node)
    {
        this.clusterNode = node;
    }

    /** This gateway's cluster member, or null for a single node. Any thread. */
    public io.ordergate.cluster.ClusterNode clusterNode()
    {
        return clusterNode;
    }

    public void markReady()
    {
        state = READY;
    }

    /** From here on every route but the anonymous ones answers 503 NOT_READY, so nothing new enters the closing ring. */
    public void markClosing()
    {
        state = CLOSING;
    }
}
