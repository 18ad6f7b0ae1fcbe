package io.ordergate.gateway.metrics;

/**
 * The histogram of every {@link Stage}. {@link #record} from the one thread that owns the stages (the reply thread);
 * {@link #snapshot} from any.
 */
public final class StageLatencies
{
    private final StageHistogram[] histograms = new StageHistogram[Stage.STAGES.length];

    public StageLatencies()
    {
        for (final Stage stage : Stage.STAGES)
        {
            histograms[stage.ordinal()] = new StageHistogram(stage);
        }
    }

    /** Single writer: the reply thread. Wait-free, allocation-free. */
    public void record(final Stage stage, final long nanos)
    {
        histograms[stage.ordinal()].record(nanos);
    }

    StageSnapshot snapshot(final Stage stage)
    {
        return histograms[stage.ordinal()].snapshot();
    }
}
