package io.ordergate.gateway.http;

import java.util.concurrent.atomic.AtomicLong;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.config.GatewayConfig;
import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.metrics.GatewayMetrics;

/**
 * What every connection shares: the configuration, the key registry, the pipeline once it runs, and whether the
 * gateway is ready. Thread safe: the start-up thread sets the pipeline and the state; event loops read them.
 */
public final class GatewayContext
{
    private static final int STARTING = 0;
    private static final int READY = 1;
    private static final int CLOSING = 2;

    private final GatewayConfig config;
    private final ApiKeyRegistry keys;
    private final String version;
    private final long startNanos = System.nanoTime();
    private final byte[] instrumentsJson;
    private final AtomicLong correlationIds = new AtomicLong();
    private final GatewayMetrics metrics;
    private volatile Pipeline pipeline;
    private volatile int state = STARTING;
    private volatile ExtraRoutes extraRoutes;

    public GatewayContext(final GatewayConfig config, final ApiKeyRegistry keys, final String version)
    {
        this.config = config;
        this.keys = keys;
        this.version = version;
        this.instrumentsJson = instrumentsJson(config);
        this.metrics = new GatewayMetrics(config.executors().offlineAfterSeconds() * 1_000_000L);
    }

    public GatewayConfig config()
    {
        return config;
    }

    public ApiKeyRegistry keys()
    {
        return keys;
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

    /** The answer of GET /api/v1/instruments: made once from the immutable configuration. */
    byte[] instrumentsJson()
    {
        return instrumentsJson;
    }

    long nextCorrelationId()
    {
        return correlationIds.incrementAndGet();
    }

    /** The running pipeline, or null before start-up has built it. */
    public Pipeline pipeline()
    {
        return pipeline;
    }

    public void pipeline(final Pipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    /** Routes a feature package answers itself (executors), or null. */
    public ExtraRoutes extraRoutes()
    {
        return extraRoutes;
    }

    public void extraRoutes(final ExtraRoutes routes)
    {
        this.extraRoutes = routes;
    }

    /** True once the journal is replayed and the bootstrap commands are done, until shutdown begins. */
    public boolean isReady()
    {
        return state == READY;
    }

    public void markReady()
    {
        state = READY;
    }

    /** From here on every route but /health answers 503 NOT_READY, so nothing new enters the closing ring. */
    public void markClosing()
    {
        state = CLOSING;
    }

    private static byte[] instrumentsJson(final GatewayConfig config)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        json.startObject().name("instruments").startArray();
        for (final InstrumentSpec spec : config.instruments())
        {
            json.startObject()
                .name("symbol").string(spec.symbol())
                .name("digits").number(spec.priceDigits())
                .name("pip_size").decimal(spec.pipSize(), spec.priceDigits())
                .name("contract_size").number(spec.contractSize())
                .name("lot_step").decimal(spec.lotStep(), spec.quantityDigits())
                .name("min_quantity").decimal(spec.minQuantity(), spec.quantityDigits())
                .name("max_quantity").decimal(spec.maxQuantity(), spec.quantityDigits())
                .name("base_currency").string(spec.baseCurrency())
                .name("quote_currency").string(spec.quoteCurrency())
                .endObject();
        }
        json.endArray().endObject();
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
