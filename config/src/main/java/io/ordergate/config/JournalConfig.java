package io.ordergate.config;

import java.util.regex.Pattern;

/**
 * What a start does with its journal beyond reading it: {@code journal.on_replay_divergence}, whether a gateway whose
 * replay rebuilt another state than the live run's (docs/RELIABILITY.md, "What a replay assumes") may serve it.
 * Immutable: safe from any thread.
 */
public final class JournalConfig
{
    /**
     * {@code refuse}: a trading gateway must not answer from a state its clients were not told about (an order filled
     * live, refused on replay) unless an operator chose to; {@code start} is that choice, made once, on purpose.
     */
    public static final ReplayDivergence ON_REPLAY_DIVERGENCE_DEFAULT = ReplayDivergence.REFUSE;

    private static final Pattern ON_REPLAY_DIVERGENCE = Pattern.compile("refuse|start");

    /** What a start does when its replay differs from the live run at a clean-stop checkpoint. */
    public enum ReplayDivergence
    {
        /** Do not open for business: exit with the checkpoints and what to do, the journal untouched. */
        REFUSE,
        /** Start on the state this release and configuration rebuilt (logged SEVERE, counted in /metrics). */
        START;

        /** Its name in the configuration file. */
        public String configName()
        {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ReplayDivergence onReplayDivergence;

    JournalConfig(final ReplayDivergence onReplayDivergence)
    {
        this.onReplayDivergence = onReplayDivergence;
    }

    static JournalConfig read(final YamlSection s)
    {
        final String onDivergence = s.matching("on_replay_divergence", ON_REPLAY_DIVERGENCE_DEFAULT.configName(), ON_REPLAY_DIVERGENCE,
            "one of refuse, start");
        s.finish();
        return new JournalConfig(ReplayDivergence.valueOf(onDivergence.toUpperCase(java.util.Locale.ROOT)));
    }

    /** {@code journal.on_replay_divergence}. */
    public ReplayDivergence onReplayDivergence()
    {
        return onReplayDivergence;
    }

    @Override
    public String toString()
    {
        return "JournalConfig{onReplayDivergence=" + onReplayDivergence.configName() + '}';
    }
}
