package io.ordergate.config;

import java.util.regex.Pattern;

/** The Disruptor ring: its size, how its consumers wait, and how many threads run its stages. Immutable: safe from any thread. */
public final class PipelineConfig
{
    public static final int RING_SIZE_DEFAULT = 4096;
    public static final int RING_SIZE_MIN = 64;
    public static final int RING_SIZE_MAX = 1 << 20;
    public static final WaitStrategyKind WAIT_STRATEGY_DEFAULT = WaitStrategyKind.BLOCKING;

    /**
     * {@code stage_threads: auto}: one thread for all three stages on a machine with 2 cores or fewer, where every
     * hand-off between stage threads is a wake-up competing for the same cores; a thread per stage above that.
     */
    public static final String STAGE_THREADS_DEFAULT = "auto";
    /** 0: a blocking stage parks after its brief spin. The measured default: docs/PERFORMANCE.md, "Item 8's targets". */
    public static final int YIELD_WINDOW_US_DEFAULT = 0;
    public static final int YIELD_WINDOW_US_MAX = 100_000;
    /**
     * Whether an HTTP event loop runs the stages itself when it finds them idle (docs/PERFORMANCE.md, "Stages run by the
     * publisher"): on, it halves the order path's CPU per order on 2 cores.
     */
    public static final boolean PUBLISHERS_RUN_STAGES_DEFAULT = true;

    private static final Pattern WAIT_STRATEGY = Pattern.compile("blocking|sleeping|yielding|busy-spin");
    private static final Pattern STAGE_THREADS = Pattern.compile("auto|1|3");

    private final int ringSize;
    private final WaitStrategyKind waitStrategy;
    private final int stageThreads;
    private final int yieldWindowMicros;
    private final boolean publishersRunStages;

    PipelineConfig(final int ringSize, final WaitStrategyKind waitStrategy, final int stageThreads, final int yieldWindowMicros,
        final boolean publishersRunStages)
    {
        this.publishersRunStages = publishersRunStages;
        this.ringSize = ringSize;
        this.waitStrategy = waitStrategy;
        this.stageThreads = stageThreads;
        this.yieldWindowMicros = yieldWindowMicros;
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
        final String threads = s.matching("stage_threads", STAGE_THREADS_DEFAULT, STAGE_THREADS, "one of auto, 1, 3");
        final int yieldWindowMicros = s.intValue("yield_window_us", YIELD_WINDOW_US_DEFAULT, 0, YIELD_WINDOW_US_MAX);
        final boolean publishersRunStages = s.bool("publishers_run_stages", PUBLISHERS_RUN_STAGES_DEFAULT);
        s.finish();
        final int stageThreads = "auto".equals(threads) ? (Runtime.getRuntime().availableProcessors() <= 2 ? 1 : 3) : Integer.parseInt(threads);
        return new PipelineConfig(ringSize, WaitStrategyKind.fromConfigName(wait), stageThreads, yieldWindowMicros, publishersRunStages);
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

    /**
     * 1: journal, engine and replies run one after the other on one thread; 3: a thread each. Either way a command
     * is journaled before the engine applies it and answered after.
     */
    public int stageThreads()
    {
        return stageThreads;
    }

    /**
     * How long a {@code blocking} stage yields, while no other thread wants its core, before it parks: a yielding
     * stage takes the next command without a wake-up. 0: it parks after its brief spin. Other strategies ignore it.
     */
    public int yieldWindowMicros()
    {
        return yieldWindowMicros;
    }

    /**
     * With one stage thread and {@code blocking}: an HTTP event loop that publishes a command while no other thread runs
     * the stages runs them itself, for what is published, instead of waking og-pipeline; one thread at a time runs them
     * either way. Ignored otherwise.
     */
    public boolean publishersRunStages()
    {
        return publishersRunStages;
    }

    @Override
    public String toString()
    {
        return "PipelineConfig{ringSize=" + ringSize + ", waitStrategy=" + waitStrategy.configName() + ", stageThreads=" + stageThreads + ", yieldWindowMicros=" + yieldWindowMicros
            + ", publishersRunStages=" + publishersRunStages + '}';
    }
}
