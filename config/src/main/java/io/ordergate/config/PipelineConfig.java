package io.ordergate.config;

import java.util.regex.Pattern;

/** The Disruptor ring: its size and how its consumers wait. Immutable: safe from any thread. */
public final class PipelineConfig
{
    public static final int RING_SIZE_DEFAULT = 4096;
    public static final int RING_SIZE_MIN = 64;
    public static final int RING_SIZE_MAX = 1 << 20;
    public static final WaitStrategyKind WAIT_STRATEGY_DEFAULT = WaitStrategyKind.BLOCKING;

    private static final Pattern WAIT_STRATEGY = Pattern.compile("blocking|sleeping|yielding|busy-spin");

    private final int ringSize;
    private final WaitStrategyKind waitStrategy;

    PipelineConfig(final int ringSize, final WaitStrategyKind waitStrategy)
    {
        this.ringSize = ringSize;
        this.waitStrategy = waitStrategy;
    }

    static PipelineConfig read(final YamlSection s)
    {
        final int ringSize = s.intValue("ring_size", RING_SIZE_DEFAULT, RING_SIZE_MIN, RING_SIZE_MAX);
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new ConfigException(s.pathOf("ring_size"), "must be a power of two, was " + ringSize);
        }
        final String wait = s.matching("wait_strategy", WAIT_STRATEGY_DEFAULT.configName(), WAIT_STRATEGY,
            "one of blocking, sleeping, yielding, busy-spin");
        s.finish();
        return new PipelineConfig(ringSize, WaitStrategyKind.fromConfigName(wait));
    }

    /** Slots in the ring; a power of two. */
    public int ringSize()
    {
        return ringSize;
    }

    public WaitStrategyKind waitStrategy()
    {
        return waitStrategy;
    }

    @Override
    public String toString()
    {
        return "PipelineConfig{ringSize=" + ringSize + ", waitStrategy=" + waitStrategy.configName() + '}';
    }
}
